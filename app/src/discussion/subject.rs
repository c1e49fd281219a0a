//! What a discussion is about, and the rules that differ per subject: who may
//! post, who moderates, and what else changes when a reaction does.
//!
//! The manifest is open to guests (their reactions wait for approval) and is
//! moderated by platform admins. A plan is discussed by people who are logged
//! in, and moderated by its group's coordinators as well as admins; its
//! reaction count and "last active" time follow every change, and everyone
//! with the plan open hears about it live.

use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{AppError, AppResult},
    groups::model::MemberRole,
    live::LiveEvent,
};

/// A parsed subject key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// `manifest` or `manifest:<principle>`.
    Manifest,
    /// `plan:<id>`.
    Plan(i64),
}

impl Subject {
    /// Reads a key; unknown shapes are `None`.
    pub fn parse(key: &str) -> Option<Subject> {
        if key == "manifest" || key.starts_with("manifest:") {
            Some(Subject::Manifest)
        } else {
            key.strip_prefix("plan:")?.parse().ok().map(Subject::Plan)
        }
    }
}

/// Refuses a post on a subject that does not exist (404) or that this reader
/// may not write on (401 for a guest on a plan).
pub async fn check_open(db: &Db, viewer: Option<&Viewer>, key: &str) -> AppResult<()> {
    match Subject::parse(key) {
        Some(Subject::Manifest) if crate::manifest::subject_exists(db, key).await? => Ok(()),
        Some(Subject::Plan(id)) => {
            crate::plans::service::plan(db, id).await?;
            viewer.map(|_| ()).ok_or_else(AppError::login_required)
        }
        _ => Err(AppError::not_found()),
    }
}

/// Whether this person moderates the discussion on `key`.
pub async fn is_moderator(db: &Db, viewer: Option<&Viewer>, key: &str) -> AppResult<bool> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    if viewer.is_admin {
        return Ok(true);
    }
    let Some(Subject::Plan(id)) = Subject::parse(key) else {
        return Ok(false);
    };
    let plan = crate::plans::service::plan(db, id).await?;
    Ok(matches!(
        crate::groups::queries::membership(&db.pool, plan.group_id, viewer.id).await?,
        Some((MemberRole::Coordinator, _))
    ))
}

/// After a reaction on `key` was added, changed or removed.
pub async fn changed(db: &Db, key: &str) -> AppResult<()> {
    if let Some(Subject::Plan(id)) = Subject::parse(key) {
        let count = super::queries::count_published(&db.pool, key).await?;
        crate::plans::queries::set_reaction_count(&db.pool, id, count, now()).await?;
        db.publish(LiveEvent::plan(id, "reaction")).await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Subject;

    #[test]
    fn subjects_parse() {
        assert_eq!(Subject::parse("manifest"), Some(Subject::Manifest));
        assert_eq!(
            Subject::parse("manifest:lange-termijn"),
            Some(Subject::Manifest)
        );
        assert_eq!(Subject::parse("plan:12"), Some(Subject::Plan(12)));
        assert_eq!(Subject::parse("plan:x"), None);
        assert_eq!(Subject::parse("iets"), None);
    }
}
