//! Joining and leaving: an open group is joined at once, a group "on
//! request" gets a request that a coordinator decides on, and someone the
//! group banned can neither join nor ask again, nor talk in its plans.

use super::role::{role_of, GroupRole, Needs};
use super::{group, length_ok, limits, logged_in, require_coordinator};
use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
    groups::{
        model::{MemberRole, MembershipMode, RequestStatus},
        queries::{self, Audience},
    },
};

/// Checks, inside the transaction, that the person may join or ask to.
async fn may_join(conn: &mut sqlx::AnyConnection, group_id: i64, viewer: &Viewer) -> AppResult<()> {
    if !queries::lock_group(conn, group_id).await? {
        return Err(AppError::not_found());
    }
    let role = role_of(&mut *conn, group_id, viewer.id).await?;
    role.require(Needs::NotBanned)?;
    if role.is_member() {
        return Err(AppError::conflict("error-group-already-member"));
    }
    Ok(())
}

/// Joins an open group at once.
pub async fn join(db: &Db, viewer: Option<&Viewer>, slug: &str) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let group = group(db, slug).await?;
    if group.summary.mode != MembershipMode::Open {
        return Err(AppError::conflict("error-group-needs-request"));
    }
    let id = group.summary.id;
    let mut tx = db.write_tx().await?;
    may_join(&mut tx, id, viewer).await?;
    let at = now();
    queries::insert_member(&mut tx, id, viewer.id, MemberRole::Member, at)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::conflict("error-group-already-member")
            } else {
                e.into()
            }
        })?;
    queries::record(&mut tx, id, "joined", viewer.id, None, Audience::Public, at).await?;
    queries::recount(&mut tx, id, at).await?;
    tx.commit().await?;
    Ok(())
}

/// Asks to join a group on request, with an answer to its question.
pub async fn request_to_join(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    answer: &str,
) -> AppResult<i64> {
    let viewer = logged_in(viewer)?;
    let group = group(db, slug).await?;
    if group.summary.mode != MembershipMode::OnRequest {
        return Err(AppError::conflict("error-group-is-open"));
    }
    if !length_ok(answer, limits::ANSWER) {
        return Err(AppError::field("answer", "group_answer_length"));
    }
    let id = group.summary.id;
    let mut tx = db.write_tx().await?;
    may_join(&mut tx, id, viewer).await?;
    let request = queries::insert_request(&mut tx, id, viewer.id, answer.trim(), now())
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::conflict("error-group-request-exists")
            } else {
                e.into()
            }
        })?;
    tx.commit().await?;
    Ok(request)
}

/// Withdraws one's own open request. Returns the group's slug.
pub async fn withdraw_request(
    db: &Db,
    viewer: Option<&Viewer>,
    request_id: i64,
) -> AppResult<String> {
    let viewer = logged_in(viewer)?;
    let mut tx = db.write_tx().await?;
    let (_, request) = queries::find_request(&mut *tx, request_id)
        .await?
        .filter(|(_, r)| r.user_id == viewer.id)
        .ok_or_else(AppError::not_found)?;
    if !queries::close_request(
        &mut tx,
        request_id,
        RequestStatus::Withdrawn,
        "",
        viewer.id,
        now(),
    )
    .await?
    {
        return Err(AppError::conflict("error-group-request-closed"));
    }
    tx.commit().await?;
    Ok(request.group_slug)
}

/// A coordinator approves or declines a request, with an optional message.
/// Returns the group's slug.
pub async fn decide_request(
    db: &Db,
    viewer: Option<&Viewer>,
    request_id: i64,
    approve: bool,
    message: &str,
) -> AppResult<String> {
    let viewer = logged_in(viewer)?;
    if message.trim().chars().count() > limits::MESSAGE {
        return Err(AppError::field("message", "group_message_too_long"));
    }
    let mut tx = db.write_tx().await?;
    let (group_id, request) = queries::find_request(&mut *tx, request_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    require_coordinator(&mut tx, group_id, viewer).await?;
    let at = now();
    let status = if approve {
        RequestStatus::Approved
    } else {
        RequestStatus::Declined
    };
    if !queries::close_request(&mut tx, request_id, status, message.trim(), viewer.id, at).await? {
        return Err(AppError::conflict("error-group-request-closed"));
    }
    if approve {
        let role = role_of(&mut *tx, group_id, request.user_id).await?;
        if role == GroupRole::Banned {
            return Err(AppError::conflict("error-group-target-banned"));
        }
        if !role.is_member() {
            queries::insert_member(&mut tx, group_id, request.user_id, MemberRole::Member, at)
                .await?;
            queries::record(
                &mut tx,
                group_id,
                "joined",
                request.user_id,
                None,
                Audience::Public,
                at,
            )
            .await?;
            queries::recount(&mut tx, group_id, at).await?;
        }
    }
    tx.commit().await?;
    let group = group(db, &request.group_slug).await?;
    let link = format!("/groepen/{}", request.group_slug);
    let news = crate::notifications::service::New {
        kind: crate::notifications::model::Kind::JoinDecision,
        group_id: Some(group.summary.id),
        plan_id: None,
        actor: viewer,
        title: &group.summary.name,
        detail: if approve { "approved" } else { "declined" },
        link: &link,
    };
    crate::notifications::service::notify(db, &[request.user_id], news).await;
    Ok(request.group_slug)
}

/// Leaves a group. The last coordinator must hand over first.
pub async fn leave(db: &Db, viewer: Option<&Viewer>, slug: &str) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    queries::lock_group(&mut tx, id).await?;
    let role = role_of(&mut *tx, id, viewer.id).await?;
    if !role.is_member() {
        return Err(AppError::conflict("error-group-not-member"));
    }
    if role.role().is_some_and(MemberRole::is_coordinator)
        && queries::coordinator_count(&mut tx, id).await? <= 1
    {
        return Err(AppError::conflict("error-group-last-coordinator"));
    }
    let at = now();
    queries::delete_member(&mut tx, id, viewer.id).await?;
    queries::record(&mut tx, id, "left", viewer.id, None, Audience::Members, at).await?;
    queries::recount(&mut tx, id, at).await?;
    tx.commit().await?;
    Ok(())
}
