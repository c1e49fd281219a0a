//! Neighbourhood plans (wijkplannen): written by a group's members, moved
//! through phases with a reason where needed, supported by anyone logged in.
//!
//! A plan gathers a discussion (see `discussion`), progress and
//! accountability updates (`updates`), and is listed across groups (`list`).

pub mod model;

#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod card;
pub mod edit_page;
pub mod images;
pub mod images_section;
pub mod list;
pub mod list_page;
pub mod new_page;
pub mod phase_steps;
pub mod plan_page;
pub mod updates;
pub mod updates_section;
