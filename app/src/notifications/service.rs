//! Creating, listing and reading notifications (server only). Other domains
//! call `notify` after their change is committed; a failure to notify is
//! logged and does not undo or fail the change itself.

use super::model::{Kind, Notification};
use super::queries::{
    GROUP_MEMBER_IDS, LIST_FOR_READER, MARK_ALL_READ, MARK_READ, PLAN_FOLLOWER_IDS,
};
use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{AppError, AppResult},
};

/// Most notifications the page shows.
pub const LIST_LIMIT: i64 = 100;

/// A notification to hand out.
pub struct New<'a> {
    /// What happened.
    pub kind: Kind,
    /// The group it is about.
    pub group_id: Option<i64>,
    /// The plan it is about.
    pub plan_id: Option<i64>,
    /// Who did it (they are never notified of their own doing).
    pub actor: &'a Viewer,
    /// Plan title or group name.
    pub title: &'a str,
    /// New phase, or `approved` / `declined`.
    pub detail: &'a str,
    /// Where it leads.
    pub link: &'a str,
}

/// Notifies each recipient once, except the actor. Best effort.
pub async fn notify(db: &Db, recipients: &[i64], n: New<'_>) {
    if let Err(err) = try_notify(db, recipients, &n).await {
        tracing::error!(kind = n.kind.as_str(), "notifications not stored: {err}");
    }
}

async fn try_notify(db: &Db, recipients: &[i64], n: &New<'_>) -> Result<(), sqlx::Error> {
    let mut seen = Vec::with_capacity(recipients.len());
    let at = now();
    let mut tx = db.write_tx().await?;
    for &user in recipients {
        if user == n.actor.id || seen.contains(&user) {
            continue;
        }
        seen.push(user);
        sqlx::query(
            // The recipient's e-mail choice for this kind goes with it, for the mail sender.
            "INSERT INTO notifications (user_id, kind, group_id, plan_id, actor_id, actor_name, title, detail, link, created_at, delivery)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                     (SELECT delivery FROM email_preferences WHERE user_id = $1 AND kind = $2))",
        )
        .bind(user)
        .bind(n.kind.as_str())
        .bind(n.group_id)
        .bind(n.plan_id)
        .bind(n.actor.id)
        .bind(&n.actor.display_name)
        .bind(n.title)
        .bind(n.detail)
        .bind(n.link)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Everyone in a group.
pub async fn group_members(db: &Db, group_id: i64) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(GROUP_MEMBER_IDS)
        .bind(group_id)
        .fetch_all(&db.pool)
        .await?)
}

/// Those who follow a plan: its writer and its supporters.
pub async fn plan_followers(db: &Db, plan_id: i64) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(PLAN_FOLLOWER_IDS)
        .bind(plan_id)
        .fetch_all(&db.pool)
        .await?)
}

/// The reader's notifications, newest first.
pub async fn list(db: &Db, viewer: Option<&Viewer>) -> AppResult<Vec<Notification>> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let rows: Vec<NotificationRow> = sqlx::query_as(LIST_FOR_READER)
        .bind(viewer.id)
        .bind(LIST_LIMIT)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(Notification::from).collect())
}

/// A notification as stored (`id, kind, actor_name, title, detail, link,
/// created_at, read_at`); the e-mail sender reads them too.
#[derive(Debug, sqlx::FromRow)]
pub struct NotificationRow {
    id: i64,
    #[sqlx(try_from = "String")]
    kind: Kind,
    actor_name: String,
    title: String,
    detail: String,
    link: String,
    created_at: i64,
    read_at: Option<i64>,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Notification {
        Notification {
            id: r.id,
            kind: r.kind,
            actor_name: r.actor_name,
            title: r.title,
            detail: r.detail,
            link: r.link,
            created_at: r.created_at,
            read: r.read_at.is_some(),
        }
    }
}

/// Marks one of the reader's notifications read; someone else's is "not found".
pub async fn mark_read(db: &Db, viewer: Option<&Viewer>, id: i64) -> AppResult<()> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let done = sqlx::query(MARK_READ)
        .bind(now())
        .bind(id)
        .bind(viewer.id)
        .execute(&db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// Marks all of the reader's notifications read.
pub async fn mark_all_read(db: &Db, viewer: Option<&Viewer>) -> AppResult<()> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    sqlx::query(MARK_ALL_READ)
        .bind(now())
        .bind(viewer.id)
        .execute(&db.pool)
        .await?;
    Ok(())
}
