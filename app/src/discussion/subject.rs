//! What a discussion is about, and the rules that differ per subject: who may
//! post, who moderates, and what else changes when a reaction does.
//!
//! The manifest is open to guests (their reactions wait for approval) and is
//! moderated by platform admins. A plan is discussed by people who are logged
//! in, and moderated by its group's coordinators as well as admins; its
//! reaction count and "last active" time follow every change, and everyone
//! with the plan open hears about it live.

use super::queries::GROUP_MEMBER_NAMES;
use crate::{
    accounts::Viewer,
    db::Db,
    error::{AppError, AppResult},
    groups::service::refuse_banned,
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
/// may not write on (401 for a guest on a plan, 403 for someone banned from
/// the plan's group: they no longer talk there, though reading, supporting
/// and reporting stay open to them, as to anyone; 409 on a hidden plan).
pub async fn check_open(db: &Db, viewer: Option<&Viewer>, key: &str) -> AppResult<()> {
    match Subject::parse(key) {
        Some(Subject::Manifest) if crate::manifest::subject_exists(db, key).await? => Ok(()),
        Some(Subject::Plan(id)) => {
            let plan = crate::plans::service::plan(db, id).await?;
            let viewer = viewer.ok_or_else(AppError::login_required)?;
            refuse_banned(&db.pool, plan.group_id, viewer).await?;
            crate::plans::service::refuse_hidden(plan.hidden.as_deref())
        }
        _ => Err(AppError::not_found()),
    }
}

/// Refuses a change to a reaction on `key` by someone banned from its group.
pub async fn check_still_welcome(db: &Db, viewer: &Viewer, key: &str) -> AppResult<()> {
    match Subject::parse(key) {
        Some(Subject::Plan(id)) => {
            let plan = crate::plans::service::plan(db, id).await?;
            refuse_banned(&db.pool, plan.group_id, viewer).await?;
            crate::plans::service::refuse_hidden(plan.hidden.as_deref())
        }
        _ => Ok(()),
    }
}

/// Whether this person moderates the discussion on `key`.
pub async fn is_moderator(db: &Db, viewer: Option<&Viewer>, key: &str) -> AppResult<bool> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    let group = match Subject::parse(key) {
        Some(Subject::Plan(id)) => Some(crate::plans::service::plan(db, id).await?.group_id),
        _ => None,
    };
    crate::moderation::service::may_moderate(db, viewer, group).await
}

/// After a reaction on `key` was added, changed or removed.
pub async fn changed(db: &Db, key: &str) -> AppResult<()> {
    if let Some(Subject::Plan(id)) = Subject::parse(key) {
        let count = super::queries::count_published(&db.pool, key).await?;
        crate::plans::service::set_reaction_count(db, id, count).await?;
        db.publish(LiveEvent::plan(id, "reaction")).await;
    }
    Ok(())
}

/// Tells the author of the reaction replied to, and the group members
/// mentioned by `@Name` (on plans), about a new reaction. Best effort.
pub async fn announce(
    db: &Db,
    author: &Viewer,
    key: &str,
    reaction_id: i64,
    replied_to: Option<i64>,
    body: &str,
) -> AppResult<()> {
    use crate::notifications::{
        model::{mentioned, Kind},
        service::{notify, New},
    };
    let (title, group_id, plan_id) = match Subject::parse(key) {
        Some(Subject::Plan(id)) => {
            let plan = crate::plans::service::plan(db, id).await?;
            (plan.title, Some(plan.group_id), Some(id))
        }
        _ => ("Manifest".to_owned(), None, None),
    };
    if replied_to.is_none() && group_id.is_none() {
        // Nobody to tell: no reply, and no group whose members are named.
        return Ok(());
    }
    let link = super::link::find(&db.pool, reaction_id)
        .await?
        .unwrap_or_else(|| super::link::subject_page(key));
    let about = |kind| New {
        kind,
        group_id,
        plan_id,
        actor: author,
        title: &title,
        detail: "",
        link: &link,
    };
    if let Some(parent_author) = replied_to {
        notify(db, &[parent_author], about(Kind::Reply)).await;
    }
    if let Some(group) = group_id {
        let members: Vec<(i64, String)> = sqlx::query_as(GROUP_MEMBER_NAMES)
            .bind(group)
            .fetch_all(&db.pool)
            .await?;
        let named: Vec<i64> = mentioned(body, &members)
            .into_iter()
            .filter(|id| Some(*id) != replied_to)
            .collect();
        notify(db, &named, about(Kind::Mention)).await;
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
