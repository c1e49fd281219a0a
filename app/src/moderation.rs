//! Reports and moderation. Anyone logged in reports a plan or a reaction with
//! a reason. Coordinators handle the reports about their group's plans and
//! the discussion on them; platform admins handle every report (including the
//! manifest's discussion). Hiding keeps the item in place with a reason its
//! author can read; it can be restored. Every action goes into a log that
//! admins read.

pub mod model;

#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod log_page;
pub mod queue_page;
pub mod report_form;
