//! Plan queries (server only), written once for SQLite and PostgreSQL.

use super::{
    list::PlanFilter,
    model::{Phase, PhaseChange, Plan, PlanSummary},
};
use crate::db::SqlBuilder;
use sqlx::{Any, AnyConnection, Executor};

/// The columns every plan list reads into a [`PlanSummary`].
macro_rules! summary_columns {
    () => {
        "SELECT p.id, p.title, p.summary, g.name AS group_name, p.phase, \
         p.support_count, p.reaction_count"
    };
}

/// The tables behind [`summary_columns`].
macro_rules! summary_tables {
    () => {
        " FROM plans p JOIN groups g ON g.id = p.group_id"
    };
}

crate::statements! {
    PLAN_GROUP_PLACE = "SELECT g.id AS group_id, g.municipality, p.hidden_reason
             FROM plans p JOIN groups g ON g.id = p.group_id WHERE p.id = $1";
    INSERT_UPDATE = "INSERT INTO plan_updates (plan_id, author_id, author_role, kind, body_source, body_html,
                                       next_steps, responsible, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    MARK_PLAN_ACTIVE = "UPDATE plans SET last_activity_at = $1 WHERE id = $2";
    LIST_UPDATES = "SELECT pu.id, pu.kind, pu.author_id, pu.author_role, pu.body_html, pu.next_steps,
                    pu.responsible, pu.created_at, pu.hidden_reason, u.display_name AS author_name
             FROM plan_updates pu LEFT JOIN users u ON u.id = pu.author_id
             WHERE pu.plan_id = $1 AND ($2 = '' OR pu.kind = $2)
             ORDER BY pu.created_at DESC, pu.id DESC LIMIT 200";
    COUNT_IMAGES = "SELECT COUNT(*) FROM plan_images WHERE plan_id = $1";
    INSERT_IMAGE = "INSERT INTO plan_images (plan_id, storage_key, width, height, alt, uploaded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    FIND_IMAGE = "SELECT plan_id, storage_key FROM plan_images WHERE id = $1";
    DELETE_IMAGE = "DELETE FROM plan_images WHERE id = $1";
    LIST_IMAGES = "SELECT id, '/beelden/' || storage_key AS src, width, height, alt
             FROM plan_images WHERE plan_id = $1 ORDER BY id";
    INSERT_PLAN = r#"INSERT INTO plans (group_id, author_id, title, summary, body_source, body_html, place,
               phase, support_count, reaction_count, created_at, updated_at, last_activity_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'idee', 0, 0, $8, $8, $8) RETURNING id"#;
    UPDATE_PLAN = r#"UPDATE plans SET title = $1, summary = $2, body_source = $3, body_html = $4,
               place = $5, updated_at = $6 WHERE id = $7"#;
    CLEAR_PRINCIPLES = "DELETE FROM plan_principles WHERE plan_id = $1";
    INSERT_PRINCIPLE = "INSERT INTO plan_principles (plan_id, principle) VALUES ($1, $2)";
    FIND_PLAN = r#"SELECT p.id, p.group_id, g.slug AS group_slug, g.name AS group_name, p.author_id,
               COALESCE(u.display_name, '') AS author_name, p.title, p.summary, p.body_source,
               p.body_html, p.place, p.phase, p.support_count, p.reaction_count, p.created_at,
               p.last_activity_at, p.hidden_reason
           FROM plans p JOIN groups g ON g.id = p.group_id
           LEFT JOIN users u ON u.id = p.author_id
           WHERE p.id = $1"#;
    PRINCIPLES_OF_PLAN = "SELECT principle FROM plan_principles WHERE plan_id = $1 ORDER BY principle";
    /// An UPDATE that changes nothing: it takes the row's write lock.
    LOCK_PLAN = "UPDATE plans SET phase = phase WHERE id = $1";
    PLAN_OWNERSHIP = "SELECT group_id, author_id, phase, hidden_reason FROM plans WHERE id = $1";
    SET_PHASE = "UPDATE plans SET phase = $2, updated_at = $3, last_activity_at = $3 WHERE id = $1";
    INSERT_PHASE_CHANGE = "INSERT INTO plan_phase_changes (plan_id, from_phase, to_phase, reason, by_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6)";
    TIMELINE = r#"SELECT c.from_phase, c.to_phase, c.reason, u.display_name AS by_name, c.at
           FROM plan_phase_changes c LEFT JOIN users u ON u.id = c.by_id
           WHERE c.plan_id = $1 ORDER BY c.id"#;
    INSERT_SUPPORT = "INSERT INTO plan_supports (plan_id, user_id, at) VALUES ($1, $2, $3)";
    DELETE_SUPPORT = "DELETE FROM plan_supports WHERE plan_id = $1 AND user_id = $2";
    RECOUNT_SUPPORT = "UPDATE plans SET support_count = (SELECT COUNT(*) FROM plan_supports s WHERE s.plan_id = $1) \
         WHERE id = $1";
    SUPPORT_COUNT = "SELECT support_count FROM plans WHERE id = $1";
    SUPPORTS = "SELECT COUNT(*) FROM plan_supports WHERE plan_id = $1 AND user_id = $2";
    FOR_GROUP = concat!(summary_columns!(), summary_tables!(),
        " WHERE p.group_id = $1 AND p.hidden_reason IS NULL ORDER BY p.created_at DESC, p.id DESC LIMIT $2");
    FOR_PRINCIPLE = concat!(summary_columns!(), summary_tables!(),
        " JOIN plan_principles pp ON pp.plan_id = p.id AND pp.principle = $1 \
         WHERE p.hidden_reason IS NULL ORDER BY p.support_count DESC, p.id DESC LIMIT $2");
    SET_REACTION_COUNT = "UPDATE plans SET reaction_count = $1, last_activity_at = $2 WHERE id = $3";
    MUNICIPALITIES_WITH_PLANS = "SELECT DISTINCT g.municipality FROM groups g \
         WHERE EXISTS (SELECT 1 FROM plans p WHERE p.group_id = g.id) ORDER BY 1 LIMIT 500";
}

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
    sqlx::query_scalar(INSERT_PLAN)
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
    sqlx::query(UPDATE_PLAN)
        .bind(p.title)
        .bind(p.summary)
        .bind(p.body_source)
        .bind(p.body_html)
        .bind(p.place)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(CLEAR_PRINCIPLES)
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
        sqlx::query(INSERT_PRINCIPLE)
            .bind(plan_id)
            .bind(slug)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// One plan by id, with its group and principles.
pub async fn find<'e, E>(ex: E, id: i64) -> Result<Option<Plan>, sqlx::Error>
where
    E: Executor<'e, Database = Any> + Copy,
{
    let Some(mut plan) = sqlx::query_as::<_, Plan>(FIND_PLAN)
        .bind(id)
        .fetch_optional(ex)
        .await?
    else {
        return Ok(None);
    };
    plan.principles = sqlx::query_scalar(PRINCIPLES_OF_PLAN)
        .bind(id)
        .fetch_all(ex)
        .await?;
    Ok(Some(plan))
}

/// Who owns a plan and where it stands, read under its row lock.
#[derive(Debug, sqlx::FromRow)]
pub struct Ownership {
    /// The plan's group.
    pub group_id: i64,
    /// Its writer, if the account still exists.
    pub author_id: Option<i64>,
    /// Its phase.
    #[sqlx(try_from = "String")]
    pub phase: Phase,
    /// Why a moderator hid it (None: visible).
    pub hidden_reason: Option<String>,
}

/// Takes the plan's row lock for the rest of the transaction and returns its
/// group, writer and phase (see `groups::queries::lock_group` for why an UPDATE).
pub async fn lock(conn: &mut AnyConnection, id: i64) -> Result<Option<Ownership>, sqlx::Error> {
    sqlx::query(LOCK_PLAN).bind(id).execute(&mut *conn).await?;
    sqlx::query_as(PLAN_OWNERSHIP)
        .bind(id)
        .fetch_optional(conn)
        .await
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
    sqlx::query(SET_PHASE)
        .bind(plan_id)
        .bind(to.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query(INSERT_PHASE_CHANGE)
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
    sqlx::query_as(TIMELINE).bind(plan_id).fetch_all(ex).await
}

/// Adds a supporter; a second time violates the key.
pub async fn insert_support(
    conn: &mut AnyConnection,
    plan_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(INSERT_SUPPORT)
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
    let done = sqlx::query(DELETE_SUPPORT)
        .bind(plan_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Recounts a plan's supporters into `support_count`.
pub async fn recount_support(conn: &mut AnyConnection, plan_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query(RECOUNT_SUPPORT)
        .bind(plan_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar(SUPPORT_COUNT)
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
    let n: i64 = sqlx::query_scalar(SUPPORTS)
        .bind(plan_id)
        .bind(user_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// A group's plans, newest first.
pub async fn for_group(
    pool: &sqlx::AnyPool,
    group_id: i64,
    limit: i64,
) -> Result<Vec<PlanSummary>, sqlx::Error> {
    sqlx::query_as(FOR_GROUP)
        .bind(group_id)
        .bind(limit)
        .fetch_all(pool)
        .await
}

/// Plans that put a principle into practice, most supported first.
pub async fn for_principle(
    pool: &sqlx::AnyPool,
    principle: &str,
    limit: i64,
) -> Result<Vec<PlanSummary>, sqlx::Error> {
    sqlx::query_as(FOR_PRINCIPLE)
        .bind(principle)
        .bind(limit)
        .fetch_all(pool)
        .await
}

/// Stores the number of published reactions and marks the plan as active now.
pub async fn set_reaction_count(
    pool: &sqlx::AnyPool,
    id: i64,
    count: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(SET_REACTION_COUNT)
        .bind(count)
        .bind(now)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Municipalities that have groups with plans, for the list's filter.
pub async fn municipalities_with_plans(pool: &sqlx::AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(MUNICIPALITIES_WITH_PLANS)
        .fetch_all(pool)
        .await
}

/// A plan in a list, with the value it is sorted by (for the next cursor).
#[derive(Debug, sqlx::FromRow)]
pub struct ListedPlan {
    /// The plan.
    #[sqlx(flatten)]
    pub plan: PlanSummary,
    /// Its value in the sort column.
    pub sort_key: i64,
}

/// Plans matching a filter, after a `(sort key, id)` cursor. Each filter that
/// is set becomes one condition, so the query can use the matching index.
pub async fn list_page(
    pool: &sqlx::AnyPool,
    filter: &PlanFilter,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<ListedPlan>, sqlx::Error> {
    let column = filter.sort.column();
    let mut sql = SqlBuilder::new(summary_columns!());
    // The sort column comes from a closed list (`PlanSort::column`), never
    // from the request, so it may be part of the text.
    sql.push(&format!(", {column} AS sort_key"))
        .push(summary_tables!())
        .push(" WHERE p.hidden_reason IS NULL");
    if let Some(phase) = filter.phase {
        sql.push(" AND p.phase = ").push_bind(phase.as_str());
    }
    if let Some(principle) = &filter.principle {
        sql.push(" AND EXISTS (SELECT 1 FROM plan_principles pp WHERE pp.principle = ")
            .push_bind(principle.clone())
            .push(" AND pp.plan_id = p.id)");
    }
    if let Some(municipality) = &filter.municipality {
        sql.push(" AND g.municipality = ")
            .push_bind(municipality.clone());
    }
    if let Some(group) = &filter.group {
        sql.push(" AND g.slug = ").push_bind(group.clone());
    }
    if let Some((key, id)) = after {
        sql.push(&format!(" AND ({column}, p.id) < ("))
            .push_bind(key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    sql.push(&format!(" ORDER BY {column} DESC, p.id DESC LIMIT "))
        .push_bind(limit);
    let (sql, args) = sql.finish()?;
    sqlx::query_as_with(&sql, args).fetch_all(pool).await
}
