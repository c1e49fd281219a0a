//! Running the member list, for coordinators: roles, removing and banning
//! (and lifting a ban); and each member's own choice to hide their name.

use super::role::{role_of, GroupRole};
use super::{group, length_ok, limits, logged_in, require_coordinator};
use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{AppError, AppResult},
    groups::{
        model::MemberRole,
        queries::{self, Audience},
    },
};

/// A coordinator changes a member's role: makes them co-coordinator, or
/// (for themselves or another coordinator) back to member, as long as one
/// coordinator remains.
pub async fn set_role(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    user_id: i64,
    role: MemberRole,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    let current = match role_of(&mut *tx, id, user_id).await? {
        GroupRole::In { role, .. } => role,
        _ => return Err(AppError::not_found()),
    };
    if current == role {
        return Ok(());
    }
    if role == MemberRole::Member && queries::coordinator_count(&mut tx, id).await? <= 1 {
        return Err(AppError::conflict("error-group-last-coordinator"));
    }
    queries::set_role(&mut tx, id, user_id, role).await?;
    let kind = match role {
        MemberRole::Coordinator => "coordinator_added",
        MemberRole::Member => "coordinator_stepped_down",
    };
    queries::record(
        &mut tx,
        id,
        kind,
        viewer.id,
        Some(user_id),
        Audience::Public,
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator removes another member.
pub async fn remove_member(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    user_id: i64,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    if user_id == viewer.id {
        return Err(AppError::conflict("error-group-remove-self"));
    }
    if !queries::delete_member(&mut tx, id, user_id).await? {
        return Err(AppError::not_found());
    }
    let at = now();
    queries::record(
        &mut tx,
        id,
        "removed",
        viewer.id,
        Some(user_id),
        Audience::Coordinators,
        at,
    )
    .await?;
    queries::recount(&mut tx, id, at).await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator bans a member or someone who asked to join: they are taken
/// out, their open request is declined, and they cannot come back until a
/// coordinator lifts the ban. The reason is recorded.
pub async fn ban(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    user_id: i64,
    reason: &str,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    if user_id == viewer.id {
        return Err(AppError::conflict("error-group-remove-self"));
    }
    if !length_ok(reason, limits::REASON) {
        return Err(AppError::field("reason", "group_reason_length"));
    }
    let was_member = role_of(&mut *tx, id, user_id).await?.is_member();
    let had_request = queries::pending_request(&mut *tx, id, user_id)
        .await?
        .is_some();
    if !was_member && !had_request {
        return Err(AppError::not_found());
    }
    let at = now();
    queries::delete_member(&mut tx, id, user_id).await?;
    queries::decline_open_requests(&mut tx, id, user_id, viewer.id, at).await?;
    queries::insert_ban(&mut tx, id, user_id, reason.trim(), viewer.id, at).await?;
    queries::record(
        &mut tx,
        id,
        "banned",
        viewer.id,
        Some(user_id),
        Audience::Coordinators,
        at,
    )
    .await?;
    queries::recount(&mut tx, id, at).await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator lifts a ban.
pub async fn unban(db: &Db, viewer: Option<&Viewer>, slug: &str, user_id: i64) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    if !queries::delete_ban(&mut tx, id, user_id).await? {
        return Err(AppError::not_found());
    }
    queries::record(
        &mut tx,
        id,
        "unbanned",
        viewer.id,
        Some(user_id),
        Audience::Coordinators,
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A member shows or hides their own name on the public member list.
pub async fn set_name_hidden(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    hidden: bool,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    if !queries::set_name_hidden(&db.pool, id, viewer.id, hidden).await? {
        return Err(AppError::conflict("error-group-not-member"));
    }
    Ok(())
}
