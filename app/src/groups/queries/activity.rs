//! The group's activity lines, each with the audience that may read it.

use crate::db::Flag;
use crate::groups::model::Activity;
use sqlx::AnyPool;

crate::statements! {
    /// `$3` is the reader's level ([`Audience::level`]): lines for a wider
    /// audience are always included.
    ACTIVITY = r#"SELECT a.kind, a.created_at, ua.display_name AS actor, ut.display_name AS target,
               CAST(CASE WHEN COALESCE(ma.name_hidden, 0) = 1 OR EXISTS (SELECT 1 FROM hidden_former_members h
                    WHERE h.group_id = a.group_id AND h.user_id = a.actor_id) THEN 1 ELSE 0 END AS BIGINT) AS actor_hidden,
               CAST(CASE WHEN COALESCE(mt.name_hidden, 0) = 1 OR EXISTS (SELECT 1 FROM hidden_former_members h
                    WHERE h.group_id = a.group_id AND h.user_id = a.target_id) THEN 1 ELSE 0 END AS BIGINT) AS target_hidden
           FROM group_activity a
           LEFT JOIN users ua ON ua.id = a.actor_id
           LEFT JOIN users ut ON ut.id = a.target_id
           LEFT JOIN group_members ma ON ma.group_id = a.group_id AND ma.user_id = a.actor_id
           LEFT JOIN group_members mt ON mt.group_id = a.group_id AND mt.user_id = a.target_id
           WHERE a.group_id = $1 AND (a.audience = 'public'
               OR (a.audience = 'members' AND $3 >= 1)
               OR (a.audience = 'coordinators' AND $3 >= 2))
           ORDER BY a.id DESC LIMIT $2"#;
    INSERT_ACTIVITY = "INSERT INTO group_activity (group_id, kind, actor_id, target_id, audience, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)";
}

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

    /// How far the reader reaches: each audience also reads the wider ones.
    fn level(self) -> i64 {
        match self {
            Audience::Public => 0,
            Audience::Members => 1,
            Audience::Coordinators => 2,
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
    sqlx::query(INSERT_ACTIVITY)
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

/// The newest activity a reader may see. Names of people who hide theirs (or
/// hid it while they were a member) are left out unless the reader is a
/// member.
pub async fn activity(
    pool: &AnyPool,
    group_id: i64,
    reader: Audience,
    limit: i64,
) -> Result<Vec<Activity>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        kind: String,
        created_at: i64,
        actor: Option<String>,
        target: Option<String>,
        #[sqlx(try_from = "Flag")]
        actor_hidden: bool,
        #[sqlx(try_from = "Flag")]
        target_hidden: bool,
    }
    let rows: Vec<Row> = sqlx::query_as(ACTIVITY)
        .bind(group_id)
        .bind(limit)
        .bind(reader.level())
        .fetch_all(pool)
        .await?;
    let member = reader != Audience::Public;
    Ok(rows
        .into_iter()
        .map(|r| Activity {
            kind: r.kind,
            actor: r.actor.filter(|_| member || !r.actor_hidden),
            target: r.target.filter(|_| member || !r.target_hidden),
            at: r.created_at,
        })
        .collect())
}
