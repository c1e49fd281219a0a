//! The right indexes: SQLite's plan for queries that run on every page view
//! or every post must search an index, never scan a table that grows with
//! the country (found by the national benchmark: a principle lookup by plan
//! read the whole table). A skip-scan over the leading column of another
//! index (`ANY(...)`) counts as a scan: PostgreSQL reads that index whole.
//! PostgreSQL has the same indexes (same migrations).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::testing::sqlite;
use sqlx::Row;

/// SQLite's plan for `sql`, every placeholder bound to 1 (SQLite plans the
/// same whatever the value's type).
async fn plan_of(db: &app::db::Db, sql: &str) -> Vec<String> {
    let placeholders = (1..=9).filter(|n| sql.contains(&format!("${n}"))).count();
    let explain = format!("EXPLAIN QUERY PLAN {sql}");
    let mut query = sqlx::query(&explain);
    for _ in 0..placeholders {
        query = query.bind(1_i64);
    }
    query
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>("detail"))
        .collect()
}

/// The statements the app runs on every page view or post (the very
/// constants it runs, so a change to one is checked here).
#[tokio::test]
async fn hot_queries_search_an_index() {
    use app::{discussion, groups, manifest, plans};
    let db = sqlite().await;
    for sql in [
        plans::queries::PRINCIPLES_OF_PLAN,
        plans::queries::FIND_PLAN,
        plans::queries::FOR_GROUP,
        plans::queries::SUPPORTS,
        manifest::queries::FIND_OWN,
        manifest::queries::COUNTS,
        discussion::queries::COUNT_PUBLISHED,
        discussion::queries::FIND_REACTION,
        discussion::queries::THREAD_TOPS,
        groups::queries::members::GROUPS_OF_USER,
        groups::queries::members::MEMBERS,
        groups::queries::ROLE_OF,
        groups::queries::FIND_BY_SLUG,
    ] {
        let plan = plan_of(&db, sql).await;
        let scans: Vec<&String> = plan
            .iter()
            .filter(|step| {
                (step.starts_with("SCAN") || step.contains("ANY("))
                    && !step.contains("signature_counts")
                    && !step.contains("CONSTANT ROW")
                    // ROLE_OF's one-row anchor for its LEFT JOIN.
                    && *step != "SCAN asked"
            })
            .collect();
        assert!(scans.is_empty(), "{sql}\nscans: {scans:?}\nplan: {plan:?}");
    }
}
