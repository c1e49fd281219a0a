//! Notifications: what happened that concerns me, in the app (a page and an
//! unread count in the header). Other domains hand them out after their
//! change; `model::mentioned` finds `@Name` mentions.

pub mod model;

#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod page;
