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

/// Whether a discussion subject belongs to the manifest: `manifest` itself, or
/// `manifest:<slug>` for a principle of the newest version.
#[cfg(feature = "ssr")]
pub async fn subject_exists(db: &crate::db::Db, subject: &str) -> crate::error::AppResult<bool> {
    if subject == "manifest" {
        return Ok(true);
    }
    let Some(slug) = subject.strip_prefix("manifest:") else {
        return Ok(false);
    };
    Ok(queries::latest(&db.pool)
        .await?
        .is_some_and(|(_, doc)| doc.principle(slug).is_some()))
}
