//! The group's activity lines, each with the audience that may read it.

use crate::groups::model::Activity;
use sqlx::{AnyPool, Row};

/// Who may read an activity line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Everyone.
    Public,
    /// Members (and coordinators).
    Members,
    /// Coordinators only.
    Coordinators,
}

impl Audience {
    fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Members => "members",
            Audience::Coordinators => "coordinators",
        }
    }
}

/// Records one activity line.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    kind: &str,
    actor: i64,
    target: Option<i64>,
    audience: Audience,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO group_activity (group_id, kind, actor_id, target_id, audience, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(group_id)
    .bind(kind)
    .bind(actor)
    .bind(target)
    .bind(audience.as_str())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The newest activity a reader may see. Names of people who hide theirs are
/// left out unless the reader is a member.
pub async fn activity(
    pool: &AnyPool,
    group_id: i64,
    reader: Audience,
    limit: i64,
) -> Result<Vec<Activity>, sqlx::Error> {
    let audiences = match reader {
        Audience::Public => "('public')",
        Audience::Members => "('public', 'members')",
        Audience::Coordinators => "('public', 'members', 'coordinators')",
    };
    let sql = format!(
        r#"SELECT a.kind, a.created_at, ua.display_name AS actor, ut.display_name AS target,
               COALESCE(ma.name_hidden, 0) AS actor_hidden, COALESCE(mt.name_hidden, 0) AS target_hidden
           FROM group_activity a
           LEFT JOIN users ua ON ua.id = a.actor_id
           LEFT JOIN users ut ON ut.id = a.target_id
           LEFT JOIN group_members ma ON ma.group_id = a.group_id AND ma.user_id = a.actor_id
           LEFT JOIN group_members mt ON mt.group_id = a.group_id AND mt.user_id = a.target_id
           WHERE a.group_id = $1 AND a.audience IN {audiences}
           ORDER BY a.id DESC LIMIT $2"#
    );
    let rows = sqlx::query(&sql)
        .bind(group_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    let member = reader != Audience::Public;
    rows.iter()
        .map(|r| {
            let name = |col: &str, hidden: &str| -> Result<Option<String>, sqlx::Error> {
                let name: Option<String> = r.try_get(col)?;
                let hidden = r.try_get::<i64, _>(hidden)? != 0;
                Ok(name.filter(|_| member || !hidden))
            };
            Ok(Activity {
                kind: r.try_get("kind")?,
                actor: name("actor", "actor_hidden")?,
                target: name("target", "target_hidden")?,
                at: r.try_get("created_at")?,
            })
        })
        .collect()
}
