//! The manifest: reading it, signing it, and (later) reacting to it.
//!
//! Rules: everyone can read every version. Signing needs an account; each
//! person signs once, with a role, an optional organisation and an optional
//! reason, and chooses whether their name is public. They can withdraw at any
//! time. Only platform admins publish new versions; older versions and the
//! signatures on them are kept.

pub mod model;

#[cfg(feature = "ssr")]
pub mod content;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod page;
pub mod principle_page;
pub mod sign_box;
