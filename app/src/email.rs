//! Notifications by e-mail. Each person chooses per kind of notification
//! whether it also comes by e-mail, at once or in a daily digest (settings
//! page `/meldingen/instellingen`). Notifications remember that choice; a
//! sender in every server instance picks up what is due from the database and
//! claims each mail there first, so several instances never send one twice.

pub mod model;

#[cfg(feature = "ssr")]
pub mod compose;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod sender;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod settings_page;
