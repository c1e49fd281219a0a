//! Moderation rules (server only). Each function takes the reader as
//! `Option<&Viewer>` (None is a guest), so the database tests can try every role.

use super::model::{excerpt, LogEntry, Report, Target};
use super::queries::*;
use crate::{
    accounts::Viewer,
    db::{now, Db},
    discussion::subject::Subject,
    error::{is_unique_violation, AppError, AppResult},
};

/// Reasons (for a report, and for hiding), in characters.
pub const REASON: (usize, usize) = (3, 500);

/// The group an item belongs to (None for the manifest) and where it is
/// shown; "not found" for an item that is gone or not published.
async fn locate(db: &Db, target: Target, id: i64) -> AppResult<(Option<i64>, String)> {
    let (plan_id, link) = match target {
        Target::Plan => (id, format!("/plannen/{id}")),
        Target::Update => {
            let plan_id: i64 = sqlx::query_scalar(PLAN_OF_UPDATE)
                .bind(id)
                .fetch_optional(&db.pool)
                .await?
                .ok_or_else(AppError::not_found)?;
            (plan_id, format!("/plannen/{plan_id}#update-{id}"))
        }
        Target::Reaction => {
            let stored = crate::discussion::queries::find(&db.pool, id)
                .await?
                .filter(|s| s.status == crate::discussion::model::ReactionStatus::Published)
                .ok_or_else(AppError::not_found)?;
            let link = crate::discussion::link::find(&db.pool, id)
                .await?
                .ok_or_else(AppError::not_found)?;
            match Subject::parse(&stored.subject) {
                Some(Subject::Plan(plan_id)) => (plan_id, link),
                _ => return Ok((None, link)),
            }
        }
    };
    let plan = crate::plans::service::plan(db, plan_id).await?;
    Ok((Some(plan.group_id), link))
}

fn reason_ok(reason: &str) -> bool {
    (REASON.0..=REASON.1).contains(&reason.trim().chars().count())
}

/// Whether this person moderates items of `group_id` (None: the manifest).
pub async fn may_moderate(db: &Db, viewer: &Viewer, group_id: Option<i64>) -> AppResult<bool> {
    if viewer.is_admin {
        return Ok(true);
    }
    let Some(group_id) = group_id else {
        return Ok(false);
    };
    Ok(
        crate::groups::service::role_of(&db.pool, group_id, viewer.id)
            .await?
            .role()
            .is_some_and(crate::groups::model::MemberRole::is_coordinator),
    )
}

/// Reports a plan or a reaction. One open report per person per item.
pub async fn report(
    db: &Db,
    viewer: Option<&Viewer>,
    target: &str,
    target_id: i64,
    reason: &str,
) -> AppResult<i64> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let target = Target::parse(target).ok_or_else(AppError::not_found)?;
    let (group_id, _) = locate(db, target, target_id).await?;
    if !reason_ok(reason) {
        return Err(AppError::field("reason", "report_reason_length"));
    }
    sqlx::query_scalar(INSERT_REPORT)
        .bind(target.as_str())
        .bind(target_id)
        .bind(group_id)
        .bind(viewer.id)
        .bind(reason.trim())
        .bind(now())
        .fetch_one(&db.pool)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::conflict("error-already-reported")
            } else {
                e.into()
            }
        })
}

/// The open reports this person may handle, oldest first. Guests get 401,
/// people who moderate nothing 403.
pub async fn queue(db: &Db, viewer: Option<&Viewer>) -> AppResult<Vec<Report>> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let rows: Vec<QueueRow> = sqlx::query_as(QUEUE)
        .bind(i64::from(viewer.is_admin))
        .bind(viewer.id)
        .bind(crate::groups::model::MemberRole::Coordinator.as_str())
        .fetch_all(&db.pool)
        .await?;
    if rows.is_empty()
        && !viewer.is_admin
        && !crate::groups::service::role::coordinates_any(&db.pool, viewer.id).await?
    {
        return Err(AppError::forbidden());
    }
    let reports = rows.into_iter().map(queued).collect();
    Ok(reports)
}

/// A queue row as the moderator sees it: an excerpt and a link to the item.
fn queued(row: QueueRow) -> Report {
    let (excerpt, link) = match (
        row.target,
        row.plan_title,
        row.reaction_source,
        row.reaction_subject,
    ) {
        (Target::Plan, Some(title), _, _) => (title, format!("/plannen/{}", row.target_id)),
        (Target::Update, ..) => match (row.update_source, row.update_plan) {
            (Some(source), Some(plan)) => (
                excerpt(&source, 140),
                format!("/plannen/{plan}#update-{}", row.target_id),
            ),
            _ => (String::new(), String::new()),
        },
        (Target::Reaction, _, Some(source), Some(subject)) => (
            excerpt(&source, 140),
            crate::discussion::link::to_reaction(
                &subject,
                row.top_at.unwrap_or_default(),
                row.top_id.unwrap_or(row.target_id),
                row.target_id,
            ),
        ),
        _ => (String::new(), String::new()),
    };
    Report {
        id: row.id,
        target: row.target,
        target_id: row.target_id,
        excerpt,
        link,
        reporter_name: row.reporter_name,
        reason: row.reason,
        created_at: row.created_at,
    }
}

/// An open report, with the group it belongs to.
async fn open_report(db: &Db, id: i64) -> AppResult<(Target, i64, Option<i64>)> {
    let row: OpenReport = sqlx::query_as(OPEN_REPORT)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((row.target, row.target_id, row.group_id))
}

async fn log(
    db: &Db,
    viewer: &Viewer,
    action: &str,
    target: Target,
    target_id: i64,
    group_id: Option<i64>,
    reason: &str,
) -> AppResult<()> {
    sqlx::query(INSERT_LOG)
        .bind(viewer.id)
        .bind(action)
        .bind(target.as_str())
        .bind(target_id)
        .bind(group_id)
        .bind(reason)
        .bind(now())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Sets or clears the hidden reason of an item, and keeps counts and live
/// readers up to date.
async fn set_hidden(db: &Db, target: Target, id: i64, reason: Option<&str>) -> AppResult<()> {
    let statement = match target {
        Target::Plan => SET_PLAN_HIDDEN,
        Target::Reaction => SET_REACTION_HIDDEN,
        Target::Update => SET_UPDATE_HIDDEN,
    };
    let mut tx = db.write_tx().await?;
    sqlx::query(statement)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    // Hidden things leave search at once (a plan with its reactions).
    match target {
        Target::Plan => {
            crate::search::index::sync_plan_with_reactions(&mut tx, db.backend, id).await?
        }
        Target::Reaction => crate::search::index::sync_reaction(&mut tx, db.backend, id).await?,
        // Updates are not in the search index.
        Target::Update => {}
    }
    tx.commit().await?;
    if target == Target::Reaction {
        if let Some(stored) = crate::discussion::queries::find(&db.pool, id).await? {
            crate::discussion::subject::changed(db, &stored.subject).await?;
        }
    }
    Ok(())
}

/// Hides the reported item with a reason its author sees, and closes every
/// open report about it.
pub async fn hide(db: &Db, viewer: Option<&Viewer>, report_id: i64, reason: &str) -> AppResult<()> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let (target, target_id, group_id) = open_report(db, report_id).await?;
    if !may_moderate(db, viewer, group_id).await? {
        return Err(AppError::forbidden());
    }
    if !reason_ok(reason) {
        return Err(AppError::field("reason", "hide_reason_length"));
    }
    set_hidden(db, target, target_id, Some(reason.trim())).await?;
    sqlx::query(CLOSE_AS_HIDDEN)
        .bind(now())
        .bind(target.as_str())
        .bind(target_id)
        .execute(&db.pool)
        .await?;
    log(
        db,
        viewer,
        "hide",
        target,
        target_id,
        group_id,
        reason.trim(),
    )
    .await
}

/// Closes a report without action.
pub async fn dismiss(db: &Db, viewer: Option<&Viewer>, report_id: i64) -> AppResult<()> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let (target, target_id, group_id) = open_report(db, report_id).await?;
    if !may_moderate(db, viewer, group_id).await? {
        return Err(AppError::forbidden());
    }
    sqlx::query(CLOSE_AS_DISMISSED)
        .bind(now())
        .bind(report_id)
        .execute(&db.pool)
        .await?;
    log(db, viewer, "dismiss", target, target_id, group_id, "").await
}

/// Shows a hidden item again.
pub async fn restore(
    db: &Db,
    viewer: Option<&Viewer>,
    target: &str,
    target_id: i64,
) -> AppResult<String> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let target = Target::parse(target).ok_or_else(AppError::not_found)?;
    let (group_id, link) = locate(db, target, target_id).await?;
    if !may_moderate(db, viewer, group_id).await? {
        return Err(AppError::forbidden());
    }
    set_hidden(db, target, target_id, None).await?;
    log(db, viewer, "restore", target, target_id, group_id, "").await?;
    Ok(link)
}

/// The moderation log, newest first; platform admins only.
pub async fn read_log(db: &Db, viewer: Option<&Viewer>) -> AppResult<Vec<LogEntry>> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    if !viewer.is_admin {
        return Err(AppError::forbidden());
    }
    Ok(sqlx::query_as(READ_LOG).fetch_all(&db.pool).await?)
}
