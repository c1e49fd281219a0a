//! Reading and saving e-mail choices, and finding and claiming what is due
//! (server only). Claims are conditional updates, so with several server
//! instances on one database exactly one of them wins each mail.

use super::model::{
    digest_day, Delivery, DigestEntry, GroupRef, PlanRef, Preferences, DIGEST_HOUR,
};
use super::queries::{
    CLAIM_MAIL, CLEAR_PREFERENCES, DIGEST_DAY_BEFORE, DIGEST_DUE, DIGEST_ENTRIES, DIRECT_DUE,
    EMAIL_OF, INSERT_PREFERENCE, MOVE_DIGEST_DAY, PREFERENCES, RELEASE_MAIL, RESET_DIGEST_DAY,
    UPSERT_SETTINGS,
};
use crate::{
    accounts::Viewer,
    db::{Db, SqlBuilder},
    error::{AppError, AppResult},
    i18n::Lang,
    notifications::{
        model::{Kind, Notification},
        service::NotificationRow,
    },
};

/// Times a direct mail is tried before it is given up.
pub const MAX_ATTEMPTS: i64 = 5;

/// The reader's choice for every kind (`Never` where none is stored).
pub async fn preferences(db: &Db, viewer: Option<&Viewer>) -> AppResult<Preferences> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let rows: Vec<(String, String)> = sqlx::query_as(PREFERENCES)
        .bind(viewer.id)
        .fetch_all(&db.pool)
        .await?;
    Ok(Kind::ALL
        .into_iter()
        .map(|kind| {
            let delivery = rows
                .iter()
                .find(|(k, _)| k == kind.as_str())
                .and_then(|(_, d)| Delivery::parse(d))
                .unwrap_or_default();
            (kind, delivery)
        })
        .collect())
}

/// Someone's e-mail address.
pub async fn address(db: &Db, user_id: i64) -> AppResult<String> {
    Ok(sqlx::query_scalar(EMAIL_OF)
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?)
}

/// Saves the reader's choices and the language their mails come in. The
/// digest day starts at today's, so a first digest waits for the next digest
/// hour instead of going out at once.
pub async fn save(
    db: &Db,
    viewer: Option<&Viewer>,
    choices: &Preferences,
    lang: Lang,
    now: i64,
) -> AppResult<()> {
    let viewer = viewer.ok_or_else(AppError::login_required)?;
    let mut tx = db.write_tx().await?;
    sqlx::query(CLEAR_PREFERENCES)
        .bind(viewer.id)
        .execute(&mut *tx)
        .await?;
    for (kind, delivery) in choices {
        if *delivery == Delivery::Never {
            continue;
        }
        sqlx::query(INSERT_PREFERENCE)
            .bind(viewer.id)
            .bind(kind.as_str())
            .bind(delivery.as_str())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(UPSERT_SETTINGS)
        .bind(viewer.id)
        .bind(lang.code())
        .bind(digest_day(now, DIGEST_HOUR))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A mail to send: to whom, in which language, and about what.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// User id.
    pub user_id: i64,
    /// Their e-mail address.
    pub email: String,
    /// Their display name.
    pub name: String,
    /// The language of their mails.
    pub lang: Lang,
}

/// A recipient as stored; an unknown language falls back to Dutch.
#[derive(sqlx::FromRow)]
struct RecipientRow {
    user_id: i64,
    email: String,
    display_name: String,
    lang: Option<String>,
}

impl From<RecipientRow> for Recipient {
    fn from(r: RecipientRow) -> Recipient {
        Recipient {
            user_id: r.user_id,
            email: r.email,
            name: r.display_name,
            lang: r.lang.and_then(|l| Lang::from_code(&l)).unwrap_or_default(),
        }
    }
}

/// A due mail: its notification and its recipient, from one row.
#[derive(sqlx::FromRow)]
struct DueRow {
    #[sqlx(flatten)]
    notification: NotificationRow,
    #[sqlx(flatten)]
    recipient: RecipientRow,
}

/// Direct mails not sent yet (and not given up), oldest first.
pub async fn direct_due(db: &Db, limit: i64) -> AppResult<Vec<(Recipient, Notification)>> {
    let rows: Vec<DueRow> = sqlx::query_as(DIRECT_DUE)
        .bind(MAX_ATTEMPTS)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.recipient.into(), r.notification.into()))
        .collect())
}

/// Claims one notification's mail for this instance; `false` when another
/// instance (or an earlier round) has it already.
pub async fn claim(db: &Db, id: i64, now: i64) -> AppResult<bool> {
    let done = sqlx::query(CLAIM_MAIL)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a claimed mail back after sending failed, to be tried again.
pub async fn release(db: &Db, id: i64) -> AppResult<()> {
    sqlx::query(RELEASE_MAIL).bind(id).execute(&db.pool).await?;
    Ok(())
}

/// People with unread digest notifications whose digest day has passed.
pub async fn digest_due(db: &Db, today: i64) -> AppResult<Vec<Recipient>> {
    let rows: Vec<RecipientRow> = sqlx::query_as(DIGEST_DUE)
        .bind(today)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(Recipient::from).collect())
}

/// Claims today's digest of one person; returns the day it replaces (to give
/// it back if sending fails), or `None` when another instance has it.
pub async fn claim_digest(db: &Db, user_id: i64, today: i64) -> AppResult<Option<i64>> {
    let mut tx = db.write_tx().await?;
    let before: Option<i64> = sqlx::query_scalar(DIGEST_DAY_BEFORE)
        .bind(user_id)
        .bind(today)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(before) = before else {
        return Ok(None);
    };
    let done = sqlx::query(MOVE_DIGEST_DAY)
        .bind(today)
        .bind(user_id)
        .bind(before)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((done.rows_affected() == 1).then_some(before))
}

/// Gives a claimed digest back after sending failed.
pub async fn release_digest(db: &Db, user_id: i64, day: i64) -> AppResult<()> {
    sqlx::query(RESET_DIGEST_DAY)
        .bind(day)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The unread digest notifications of one person, oldest first, with the
/// group and plan they are about (as they are now).
pub async fn digest_entries(db: &Db, user_id: i64) -> AppResult<Vec<DigestEntry>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        notification: NotificationRow,
        group_name: Option<String>,
        group_slug: Option<String>,
        plan_ref: Option<i64>,
        plan_title: Option<String>,
    }
    let rows: Vec<Row> = sqlx::query_as(DIGEST_ENTRIES)
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| DigestEntry {
            group: r
                .group_name
                .zip(r.group_slug)
                .map(|(name, slug)| GroupRef { name, slug }),
            plan: r
                .plan_ref
                .zip(r.plan_title)
                .map(|(id, title)| PlanRef { id, title }),
            notification: r.notification.into(),
        })
        .collect())
}

/// Marks the notifications of a sent digest as mailed, in one statement.
/// Exactly these ids: with PostgreSQL, ids are not committed in order, so a
/// range could take in one that arrived after the digest was composed.
pub async fn mark_digested(db: &Db, user_id: i64, ids: &[i64], now: i64) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut sql = SqlBuilder::new("UPDATE notifications SET emailed_at = ");
    sql.push_bind(now)
        .push(" WHERE user_id = ")
        .push_bind(user_id)
        .push(" AND emailed_at IS NULL AND id IN ")
        .push_list(ids.iter().copied());
    let (sql, args) = sql.finish()?;
    sqlx::query_with(&sql, args).execute(&db.pool).await?;
    Ok(())
}
