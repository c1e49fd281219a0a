//! Discussion queries (server only). Written once for SQLite and PostgreSQL.

use super::model::{Reaction, ReactionKind, ReactionStatus, ThreadCursor, Version};
use crate::{accounts::Role, db::SqlBuilder};
use sqlx::{AnyConnection, AnyPool};

/// What every reaction query reads into a [`ReactionRow`].
macro_rules! reaction_columns {
    () => {
        "SELECT r.id, r.subject, r.parent_id, COALESCE(r.root_id, r.id) AS root_id, r.depth, \
         r.kind, r.source, r.html, r.user_id, COALESCE(u.display_name, r.guest_name) AS author_name, \
         r.status, r.created_at, r.edited_at, r.hidden_reason, u.role AS author_role \
         FROM reactions r LEFT JOIN users u ON u.id = r.user_id"
    };
}

crate::statements! {
    INSERT_KEY_ONCE = "INSERT INTO server_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";
    SET_KEY = "INSERT INTO server_keys (name, value) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value";
    STORED_KEY = "SELECT value FROM server_keys WHERE name = $1";
    RECORD_USE = "INSERT INTO challenge_uses (solution, used_at) VALUES ($1, $2)";
    FORGET_EXPIRED = "DELETE FROM challenge_uses WHERE used_at < $1";
    GROUP_MEMBER_NAMES = "SELECT u.id, u.display_name FROM group_members m JOIN users u ON u.id = m.user_id
             WHERE m.group_id = $1";
    INSERT_REACTION = r#"INSERT INTO reactions (subject, parent_id, root_id, depth, kind, source, html, user_id, guest_name, guest_email, status, created_at, client_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id"#;
    FIND_BY_CLIENT_KEY = "SELECT id, user_id, guest_email FROM reactions WHERE client_key = $1";
    /// A reaction's subject and the first reaction of its thread (see `link`).
    THREAD_TOP = "SELECT r.subject, t.created_at, t.id FROM reactions r
         JOIN reactions t ON t.id = COALESCE(r.root_id, r.id) WHERE r.id = $1";
    FIND_REACTION = concat!(reaction_columns!(), " WHERE r.id = $1");
    /// The top-level rows of one page: published, or deleted with replies
    /// underneath; `$5` is a kind or '' for all.
    THREAD_TOPS = concat!(reaction_columns!(), "
         WHERE r.subject = $1 AND r.parent_id IS NULL AND (r.created_at, r.id) < ($2, $3)
           AND ($5 = '' OR r.kind = $5)
           AND (r.status = 'published' OR (r.status = 'deleted' AND EXISTS (
                SELECT 1 FROM reactions c WHERE c.root_id = r.id AND c.status = 'published')))
         ORDER BY r.created_at DESC, r.id DESC LIMIT $4");
    COUNT_PUBLISHED = "SELECT COUNT(*) FROM reactions WHERE subject = $1 AND status = 'published' AND hidden_reason IS NULL";
    INSERT_VERSION = r#"INSERT INTO reaction_versions (reaction_id, kind, source, written_at, replaced_at)
           VALUES ($1, $2, $3, $4, $5)"#;
    LIST_PENDING = concat!(reaction_columns!(),
        " WHERE r.status = 'pending' ORDER BY r.created_at, r.id LIMIT $1");
    UPDATE_TEXT = "UPDATE reactions SET kind = $1, source = $2, html = $3, edited_at = $4 WHERE id = $5";
    SET_STATUS = r#"UPDATE reactions SET status = $1,
             source = CASE WHEN $2 = 1 THEN '' ELSE source END,
             html = CASE WHEN $2 = 1 THEN '' ELSE html END
           WHERE id = $3"#;
}

/// A reaction to store (already validated and rendered).
pub struct NewReaction<'a> {
    /// Subject key, e.g. `manifest:lange-termijn`.
    pub subject: &'a str,
    /// Parent for replies.
    pub parent_id: Option<i64>,
    /// The top-level reaction of a reply's thread.
    pub root_id: Option<i64>,
    /// 0 at the top, one more per level of reply.
    pub depth: i64,
    /// Kind.
    pub kind: ReactionKind,
    /// Markdown as written.
    pub source: &'a str,
    /// Sanitised HTML.
    pub html: &'a str,
    /// Member author.
    pub user_id: Option<i64>,
    /// Guest name.
    pub guest_name: &'a str,
    /// Guest email.
    pub guest_email: &'a str,
    /// Published (members) or pending (guests).
    pub status: ReactionStatus,
    /// The browser's key for this reaction, so a retry is recognised.
    pub client_key: Option<&'a str>,
}

/// Stores a reaction and returns its id.
pub async fn insert(
    conn: &mut AnyConnection,
    r: &NewReaction<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(INSERT_REACTION)
        .bind(r.subject)
        .bind(r.parent_id)
        .bind(r.root_id)
        .bind(r.depth)
        .bind(r.kind.as_str())
        .bind(r.source)
        .bind(r.html)
        .bind(r.user_id)
        .bind(r.guest_name)
        .bind(r.guest_email)
        .bind(r.status.as_str())
        .bind(now)
        .bind(r.client_key)
        .fetch_one(&mut *conn)
        .await
}

/// Who wrote the reaction sent earlier with this browser key.
#[derive(Debug, sqlx::FromRow)]
pub struct KeyedReaction {
    /// Its id.
    pub id: i64,
    /// Its member author.
    pub user_id: Option<i64>,
    /// Its guest e-mail ('' for members).
    pub guest_email: String,
}

/// The reaction sent earlier with this browser key, if any.
pub async fn find_by_client_key(
    pool: &AnyPool,
    key: &str,
) -> Result<Option<KeyedReaction>, sqlx::Error> {
    sqlx::query_as(FIND_BY_CLIENT_KEY)
        .bind(key)
        .fetch_optional(pool)
        .await
}

/// A stored reaction with the fields rules need.
pub struct Stored {
    /// The reaction as shown.
    pub reaction: Reaction,
    /// Its subject.
    pub subject: String,
    /// Its status.
    pub status: ReactionStatus,
    /// The top-level reaction of its thread (itself at the top).
    pub root_id: i64,
    /// When its current text was written (posted, or last edited).
    pub written_at: i64,
}

/// A reaction row as [`reaction_columns`] reads it.
#[derive(sqlx::FromRow)]
struct ReactionRow {
    id: i64,
    subject: String,
    parent_id: Option<i64>,
    root_id: i64,
    depth: i64,
    #[sqlx(try_from = "String")]
    kind: ReactionKind,
    source: String,
    html: String,
    user_id: Option<i64>,
    author_name: String,
    #[sqlx(try_from = "String")]
    status: ReactionStatus,
    created_at: i64,
    edited_at: Option<i64>,
    hidden_reason: Option<String>,
    #[sqlx(try_from = "crate::db::OptionalText")]
    author_role: Option<Role>,
}

impl From<ReactionRow> for Stored {
    fn from(row: ReactionRow) -> Stored {
        let deleted = row.status == ReactionStatus::Deleted;
        let (html, source) = if deleted {
            (String::new(), String::new())
        } else {
            (row.html, row.source)
        };
        Stored {
            reaction: Reaction {
                id: row.id,
                parent_id: row.parent_id,
                depth: row.depth,
                kind: row.kind,
                html,
                source,
                author_name: row.author_name,
                author_role: row.author_role,
                author_id: row.user_id,
                created_at: row.created_at,
                edited: row.edited_at.is_some(),
                deleted,
                hidden: row.hidden_reason,
                versions: Vec::new(),
                replies: Vec::new(),
            },
            subject: row.subject,
            status: row.status,
            root_id: row.root_id,
            written_at: row.edited_at.unwrap_or(row.created_at),
        }
    }
}

fn reactions(rows: Vec<ReactionRow>) -> Vec<Reaction> {
    rows.into_iter().map(|r| Stored::from(r).reaction).collect()
}

/// One reaction by id, in any status.
pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<Stored>, sqlx::Error> {
    let row: Option<ReactionRow> = sqlx::query_as(FIND_REACTION)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(Stored::from))
}

/// One page of a subject's threads, newest thread first, optionally only
/// threads that start with one kind of reaction: the top-level rows
/// after `after`, plus every visible row below them. Two queries whatever
/// the page holds.
pub async fn thread_page(
    pool: &AnyPool,
    subject: &str,
    kind: Option<ReactionKind>,
    after: Option<ThreadCursor>,
    limit: i64,
) -> Result<(Vec<Reaction>, Vec<Reaction>), sqlx::Error> {
    let (at, id) = after.map_or((i64::MAX, i64::MAX), |c| (c.created_at, c.id));
    let tops: Vec<ReactionRow> = sqlx::query_as(THREAD_TOPS)
        .bind(subject)
        .bind(at)
        .bind(id)
        .bind(limit)
        .bind(kind.map_or("", |k| k.as_str()))
        .fetch_all(pool)
        .await?;
    let tops = reactions(tops);
    if tops.is_empty() {
        return Ok((tops, Vec::new()));
    }
    let mut sql = SqlBuilder::new(concat!(reaction_columns!(), " WHERE r.root_id IN "));
    sql.push_list(tops.iter().map(|top| top.id))
        .push(" AND r.status IN ('published', 'deleted') ORDER BY r.created_at, r.id");
    let (sql, args) = sql.finish()?;
    let rest: Vec<ReactionRow> = sqlx::query_as_with(&sql, args).fetch_all(pool).await?;
    Ok((tops, reactions(rest)))
}

/// Published reactions on a subject.
pub async fn count_published(pool: &AnyPool, subject: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(COUNT_PUBLISHED)
        .bind(subject)
        .fetch_one(pool)
        .await
}

/// Keeps the text an edit replaces.
pub async fn insert_version(
    conn: &mut AnyConnection,
    old: &Reaction,
    written_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(INSERT_VERSION)
        .bind(old.id)
        .bind(old.kind.as_str())
        .bind(&old.source)
        .bind(written_at)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The earlier texts of these reactions, oldest first; one query.
pub async fn versions(pool: &AnyPool, ids: &[i64]) -> Result<Vec<Version>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = SqlBuilder::new(
        "SELECT reaction_id, kind, source, written_at, replaced_at FROM reaction_versions \
         WHERE reaction_id IN ",
    );
    sql.push_list(ids.iter().copied())
        .push(" ORDER BY reaction_id, id");
    let (sql, args) = sql.finish()?;
    sqlx::query_as_with(&sql, args).fetch_all(pool).await
}

/// Guest reactions waiting for approval, oldest first.
pub async fn list_pending(pool: &AnyPool, limit: i64) -> Result<Vec<Stored>, sqlx::Error> {
    let rows: Vec<ReactionRow> = sqlx::query_as(LIST_PENDING)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(Stored::from).collect())
}

/// Replaces the text and kind of a reaction.
pub async fn update_text(
    conn: &mut AnyConnection,
    id: i64,
    kind: ReactionKind,
    source: &str,
    html: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(UPDATE_TEXT)
        .bind(kind.as_str())
        .bind(source)
        .bind(html)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// Sets the status; deleting and rejecting also forget the text.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    status: ReactionStatus,
) -> Result<(), sqlx::Error> {
    sqlx::query(SET_STATUS)
        .bind(status.as_str())
        .bind(i64::from(status.forgets_text()))
        .bind(id)
        .execute(&mut *conn)
        .await
        .map(|_| ())
}
