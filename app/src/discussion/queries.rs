//! Discussion queries (server only). Written once for SQLite and PostgreSQL.

use super::model::{Reaction, ReactionKind, ThreadCursor, Version};
use crate::accounts::Role;
use sqlx::{any::AnyRow, AnyConnection, AnyPool, Row};

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
    /// `published` or `pending`.
    pub status: &'a str,
    /// The browser's key for this reaction, so a retry is recognised.
    pub client_key: Option<&'a str>,
}

/// Stores a reaction and returns its id.
pub async fn insert(
    conn: &mut AnyConnection,
    r: &NewReaction<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        r#"INSERT INTO reactions (subject, parent_id, root_id, depth, kind, source, html, user_id, guest_name, guest_email, status, created_at, client_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id"#,
    )
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
    .bind(r.status)
    .bind(now)
    .bind(r.client_key)
    .fetch_one(&mut *conn)
    .await
}

/// Who wrote the reaction sent earlier with this browser key: its id, its
/// member author, and its guest email.
pub async fn find_by_client_key(
    pool: &AnyPool,
    key: &str,
) -> Result<Option<(i64, Option<i64>, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT id, user_id, guest_email FROM reactions WHERE client_key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    row.map(|row| {
        Ok((
            row.try_get("id")?,
            row.try_get("user_id")?,
            row.try_get("guest_email")?,
        ))
    })
    .transpose()
}

const COLUMNS: &str = r#"r.id, r.subject, r.parent_id, r.root_id, r.depth, r.kind, r.source, r.html, r.user_id, r.guest_name,
    r.status, r.created_at, r.edited_at, r.hidden_reason, u.display_name, u.role"#;

/// A stored reaction with the fields rules need.
pub struct Stored {
    /// The reaction as shown.
    pub reaction: Reaction,
    /// Its subject.
    pub subject: String,
    /// Its status.
    pub status: String,
    /// The top-level reaction of its thread (itself at the top).
    pub root_id: i64,
    /// When its current text was written (posted, or last edited).
    pub written_at: i64,
}

fn from_row(row: &AnyRow) -> Result<Stored, sqlx::Error> {
    let status: String = row.try_get("status")?;
    let user_name: Option<String> = row.try_get("display_name")?;
    let role: Option<String> = row.try_get("role")?;
    let deleted = status == "deleted";
    Ok(Stored {
        subject: row.try_get("subject")?,
        reaction: Reaction {
            id: row.try_get("id")?,
            parent_id: row.try_get("parent_id")?,
            depth: row.try_get("depth")?,
            kind: ReactionKind::parse(row.try_get("kind")?).unwrap_or(ReactionKind::Aanvulling),
            html: if deleted {
                String::new()
            } else {
                row.try_get("html")?
            },
            source: if deleted {
                String::new()
            } else {
                row.try_get("source")?
            },
            author_name: user_name.unwrap_or(row.try_get("guest_name")?),
            author_role: role.as_deref().and_then(Role::parse),
            author_id: row.try_get("user_id")?,
            created_at: row.try_get("created_at")?,
            edited: row.try_get::<Option<i64>, _>("edited_at")?.is_some(),
            deleted,
            hidden: row.try_get("hidden_reason")?,
            versions: Vec::new(),
            replies: Vec::new(),
        },
        status,
        root_id: row
            .try_get::<Option<i64>, _>("root_id")?
            .unwrap_or(row.try_get("id")?),
        written_at: row
            .try_get::<Option<i64>, _>("edited_at")?
            .unwrap_or(row.try_get("created_at")?),
    })
}

/// One reaction by id, in any status.
pub async fn find(pool: &AnyPool, id: i64) -> Result<Option<Stored>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM reactions r LEFT JOIN users u ON u.id = r.user_id WHERE r.id = $1"
    );
    sqlx::query(&sql)
        .bind(id)
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// One page of a subject's threads, newest thread first, optionally only
/// threads that start with one kind of reaction: the top-level rows
/// after `after` (published, or deleted with replies underneath), plus every
/// visible row below them. Two queries whatever the page holds.
pub async fn thread_page(
    pool: &AnyPool,
    subject: &str,
    kind: Option<ReactionKind>,
    after: Option<ThreadCursor>,
    limit: i64,
) -> Result<(Vec<Reaction>, Vec<Reaction>), sqlx::Error> {
    let (at, id) = after.map_or((i64::MAX, i64::MAX), |c| (c.created_at, c.id));
    let sql = format!(
        "SELECT {COLUMNS} FROM reactions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.subject = $1 AND r.parent_id IS NULL AND (r.created_at, r.id) < ($2, $3)
           AND ($5 = '' OR r.kind = $5)
           AND (r.status = 'published' OR (r.status = 'deleted' AND EXISTS (
                SELECT 1 FROM reactions c WHERE c.root_id = r.id AND c.status = 'published')))
         ORDER BY r.created_at DESC, r.id DESC LIMIT $4"
    );
    let tops: Vec<Reaction> = sqlx::query(&sql)
        .bind(subject)
        .bind(at)
        .bind(id)
        .bind(limit)
        .bind(kind.map_or("", |k| k.as_str()))
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| from_row(row).map(|s| s.reaction))
        .collect::<Result<_, _>>()?;
    if tops.is_empty() {
        return Ok((tops, Vec::new()));
    }
    let placeholders: Vec<String> = (1..=tops.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM reactions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.root_id IN ({}) AND r.status IN ('published', 'deleted')
         ORDER BY r.created_at, r.id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for top in &tops {
        query = query.bind(top.id);
    }
    let rest = query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| from_row(row).map(|s| s.reaction))
        .collect::<Result<_, _>>()?;
    Ok((tops, rest))
}

/// Published reactions on a subject.
pub async fn count_published(pool: &AnyPool, subject: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE subject = $1 AND status = 'published' AND hidden_reason IS NULL")
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
    sqlx::query(
        r#"INSERT INTO reaction_versions (reaction_id, kind, source, written_at, replaced_at)
           VALUES ($1, $2, $3, $4, $5)"#,
    )
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
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT reaction_id, kind, source, written_at, replaced_at FROM reaction_versions
         WHERE reaction_id IN ({}) ORDER BY reaction_id, id",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| {
            Ok(Version {
                reaction_id: row.try_get("reaction_id")?,
                kind: ReactionKind::parse(row.try_get("kind")?).unwrap_or(ReactionKind::Aanvulling),
                source: row.try_get("source")?,
                written_at: row.try_get("written_at")?,
                replaced_at: row.try_get("replaced_at")?,
            })
        })
        .collect()
}

/// Guest reactions waiting for approval, oldest first.
pub async fn list_pending(pool: &AnyPool, limit: i64) -> Result<Vec<Stored>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM reactions r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.status = 'pending' ORDER BY r.created_at, r.id LIMIT $1"
    );
    let rows = sqlx::query(&sql).bind(limit).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
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
    sqlx::query(
        r#"UPDATE reactions SET kind = $1, source = $2, html = $3, edited_at = $4 WHERE id = $5"#,
    )
    .bind(kind.as_str())
    .bind(source)
    .bind(html)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}

/// Sets the status; deleting also forgets the text.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
) -> Result<(), sqlx::Error> {
    let forget = status == "deleted" || status == "rejected";
    sqlx::query(
        r#"UPDATE reactions SET status = $1,
             source = CASE WHEN $2 = 1 THEN '' ELSE source END,
             html = CASE WHEN $2 = 1 THEN '' ELSE html END
           WHERE id = $3"#,
    )
    .bind(status)
    .bind(i64::from(forget))
    .bind(id)
    .execute(&mut *conn)
    .await
    .map(|_| ())
}
