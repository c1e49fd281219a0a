//! Neighbourhood plans (wijkplannen): written by a group's members, moved
//! through phases with a reason where needed, supported by anyone logged in.
//!
//! This session built the rules and their storage; the pages, progress
//! updates, discussion, live updates and notifications follow (issue #5).

pub mod model;

#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod card;
pub mod new_page;
pub mod plan_page;
pub mod updates;
pub mod updates_section;
