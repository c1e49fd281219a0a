//! Plan queries (server only), written once for SQLite and PostgreSQL.

use super::model::{Phase, PhaseChange, Plan};
use sqlx::{any::AnyRow, Any, AnyConnection, Executor, Row};

/// A new plan, already validated and rendered.
pub struct NewPlan<'a> {
    /// Group.
    pub group_id: i64,
    /// Writer.
    pub author_id: i64,
    /// Title.
    pub title: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Markdown.
    pub body_source: &'a str,
    /// Sanitised HTML.
    pub body_html: &'a str,
    /// Place.
    pub place: &'a str,
}

/// Inserts a plan in the first phase and returns its id.
pub async fn insert_plan(
    conn: &mut AnyConnection,
    p: &NewPlan<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        r#"INSERT INTO plans (group_id, author_id, title, summary, body_source, body_html, place,
               phase, support_count, reaction_count, created_at, updated_at, last_activity_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'idee', 0, 0, $8, $8, $8) RETURNING id"#,
    )
    .bind(p.group_id)
    .bind(p.author_id)
    .bind(p.title)
    .bind(p.summary)
    .bind(p.body_source)
    .bind(p.body_html)
    .bind(p.place)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Replaces a plan's texts after an edit (its group, writer and phase stay).
pub async fn update_plan(
    conn: &mut AnyConnection,
    id: i64,
    p: &NewPlan<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        r#"UPDATE plans SET title = $1, summary = $2, body_source = $3, body_html = $4,
               place = $5, updated_at = $6 WHERE id = $7"#,
    )
    .bind(p.title)
    .bind(p.summary)
    .bind(p.body_source)
    .bind(p.body_html)
    .bind(p.place)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM plan_principles WHERE plan_id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Links a plan to manifest principles.
pub async fn insert_principles(
    conn: &mut AnyConnection,
    plan_id: i64,
    principles: &[String],
) -> Result<(), sqlx::Error> {
    for slug in principles {
        sqlx::query("INSERT INTO plan_principles (plan_id, principle) VALUES ($1, $2)")
            .bind(plan_id)
            .bind(slug)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

fn plan(r: &AnyRow, principles: Vec<String>) -> Result<Plan, sqlx::Error> {
    Ok(Plan {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        group_slug: r.try_get("group_slug")?,
        group_name: r.try_get("group_name")?,
        author_id: r.try_get("author_id")?,
        author_name: r
            .try_get::<Option<String>, _>("author_name")?
            .unwrap_or_default(),
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        body_source: r.try_get("body_source")?,
        body_html: r.try_get("body_html")?,
        place: r.try_get("place")?,
        phase: Phase::parse(r.try_get("phase")?).unwrap_or(Phase::Idee),
        principles,
        support_count: r.try_get("support_count")?,
        reaction_count: r.try_get("reaction_count")?,
        created_at: r.try_get("created_at")?,
        last_activity_at: r.try_get("last_activity_at")?,
        hidden: r.try_get("hidden_reason")?,
    })
}

/// One plan by id, with its group and principles.
pub async fn find<'e, E>(ex: E, id: i64) -> Result<Option<Plan>, sqlx::Error>
where
    E: Executor<'e, Database = Any> + Copy,
{
    let row = sqlx::query(
        r#"SELECT p.id, p.group_id, g.slug AS group_slug, g.name AS group_name, p.author_id,
               u.display_name AS author_name, p.title, p.summary, p.body_source, p.body_html,
               p.place, p.phase, p.support_count, p.reaction_count, p.created_at, p.last_activity_at,
               p.hidden_reason
           FROM plans p JOIN groups g ON g.id = p.group_id
           LEFT JOIN users u ON u.id = p.author_id
           WHERE p.id = $1"#,
    )
    .bind(id)
    .fetch_optional(ex)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let principles: Vec<String> = sqlx::query_scalar(
        "SELECT principle FROM plan_principles WHERE plan_id = $1 ORDER BY principle",
    )
    .bind(id)
    .fetch_all(ex)
    .await?;
    plan(&row, principles).map(Some)
}

/// Takes the plan's row lock for the rest of the transaction and returns its
/// group and phase (see `groups::queries::lock_group` for why an UPDATE).
pub async fn lock(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<(i64, Option<i64>, Phase)>, sqlx::Error> {
    sqlx::query("UPDATE plans SET phase = phase WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let row: Option<(i64, Option<i64>, String)> =
        sqlx::query_as("SELECT group_id, author_id, phase FROM plans WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(g, a, p)| (g, a, Phase::parse(&p).unwrap_or(Phase::Idee))))
}

/// Sets the phase and records the change in the timeline.
pub async fn record_phase(
    conn: &mut AnyConnection,
    plan_id: i64,
    from: Option<Phase>,
    to: Phase,
    reason: &str,
    by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plans SET phase = $2, updated_at = $3, last_activity_at = $3 WHERE id = $1",
    )
    .bind(plan_id)
    .bind(to.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO plan_phase_changes (plan_id, from_phase, to_phase, reason, by_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(plan_id)
    .bind(from.map(Phase::as_str))
    .bind(to.as_str())
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A plan's timeline, oldest first.
pub async fn timeline<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    plan_id: i64,
) -> Result<Vec<PhaseChange>, sqlx::Error> {
    let rows = sqlx::query(
        r#"SELECT c.from_phase, c.to_phase, c.reason, u.display_name, c.at
           FROM plan_phase_changes c LEFT JOIN users u ON u.id = c.by_id
           WHERE c.plan_id = $1 ORDER BY c.id"#,
    )
    .bind(plan_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| {
            let from: Option<String> = r.try_get("from_phase")?;
            Ok(PhaseChange {
                from: from.as_deref().and_then(Phase::parse),
                to: Phase::parse(r.try_get("to_phase")?).unwrap_or(Phase::Idee),
                reason: r.try_get("reason")?,
                by_name: r.try_get("display_name")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// Adds a supporter; a second time violates the key.
pub async fn insert_support(
    conn: &mut AnyConnection,
    plan_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO plan_supports (plan_id, user_id, at) VALUES ($1, $2, $3)")
        .bind(plan_id)
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Removes a supporter; returns whether they were one.
pub async fn delete_support(
    conn: &mut AnyConnection,
    plan_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM plan_supports WHERE plan_id = $1 AND user_id = $2")
        .bind(plan_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Recounts a plan's supporters into `support_count`.
pub async fn recount_support(conn: &mut AnyConnection, plan_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "UPDATE plans SET support_count = (SELECT COUNT(*) FROM plan_supports s WHERE s.plan_id = $1) \
         WHERE id = $1",
    )
    .bind(plan_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar("SELECT support_count FROM plans WHERE id = $1")
        .bind(plan_id)
        .fetch_one(conn)
        .await
}

/// Whether a person supports a plan.
pub async fn supports<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    plan_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM plan_supports WHERE plan_id = $1 AND user_id = $2",
    )
    .bind(plan_id)
    .bind(user_id)
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

const SUMMARY_SQL: &str = "SELECT p.id, p.title, p.summary, g.name AS group_name, p.phase, \
     p.support_count, p.reaction_count FROM plans p JOIN groups g ON g.id = p.group_id";

/// Reads a plan list row (the columns every list selects).
pub fn summary(r: &AnyRow) -> Result<super::model::PlanSummary, sqlx::Error> {
    Ok(super::model::PlanSummary {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        group_name: r.try_get("group_name")?,
        phase: Phase::parse(r.try_get("phase")?).unwrap_or(Phase::Idee),
        support_count: r.try_get("support_count")?,
        reaction_count: r.try_get("reaction_count")?,
    })
}

/// A group's plans, newest first.
pub async fn for_group(
    pool: &sqlx::AnyPool,
    group_id: i64,
    limit: i64,
) -> Result<Vec<super::model::PlanSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY_SQL} WHERE p.group_id = $1 AND p.hidden_reason IS NULL ORDER BY p.created_at DESC, p.id DESC LIMIT $2"
    );
    let rows = sqlx::query(&sql)
        .bind(group_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(summary).collect()
}

/// Plans that put a principle into practice, most supported first.
pub async fn for_principle(
    pool: &sqlx::AnyPool,
    principle: &str,
    limit: i64,
) -> Result<Vec<super::model::PlanSummary>, sqlx::Error> {
    let sql = format!(
        "{SUMMARY_SQL} JOIN plan_principles pp ON pp.plan_id = p.id AND pp.principle = $1 \
         WHERE p.hidden_reason IS NULL ORDER BY p.support_count DESC, p.id DESC LIMIT $2"
    );
    let rows = sqlx::query(&sql)
        .bind(principle)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(summary).collect()
}

/// Stores the number of published reactions and marks the plan as active now.
pub async fn set_reaction_count(
    pool: &sqlx::AnyPool,
    id: i64,
    count: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plans SET reaction_count = $1, last_activity_at = $2 WHERE id = $3")
        .bind(count)
        .bind(now)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}
