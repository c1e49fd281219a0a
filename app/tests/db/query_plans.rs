//! The right indexes: SQLite's plan for queries that run on every page view
//! or every post must search an index, never scan a table that grows with
//! the country (found by the national benchmark: a principle lookup by plan
//! read the whole table). A skip-scan over the leading column of another
//! index (`ANY(...)`) counts as a scan: PostgreSQL reads that index whole.
//! PostgreSQL has the same indexes (same migrations).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::testing::sqlite;
use sqlx::Row;

async fn plan_of(db: &app::db::Db, sql: &str) -> Vec<String> {
    sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
        .bind(1_i64)
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>("detail"))
        .collect()
}

#[tokio::test]
async fn hot_queries_search_an_index() {
    let db = sqlite().await;
    for sql in [
        "SELECT principle FROM plan_principles WHERE plan_id = $1 ORDER BY principle",
        "SELECT role, is_public FROM signatures WHERE user_id = $1",
        "SELECT COUNT(*) FROM reactions WHERE subject = 'plan:' || $1",
        "SELECT id FROM plans WHERE group_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20",
        "SELECT group_id FROM group_members WHERE user_id = $1",
        "SELECT id FROM reactions WHERE root_id = $1 ORDER BY created_at, id",
        "SELECT role, signed FROM signature_counts WHERE role = 'bewoner' OR $1 = 0",
    ] {
        let plan = plan_of(&db, sql).await;
        let scans: Vec<&String> = plan
            .iter()
            .filter(|step| {
                (step.starts_with("SCAN") || step.contains("ANY("))
                    && !step.contains("signature_counts")
            })
            .collect();
        assert!(scans.is_empty(), "{sql}\nscans: {scans:?}\nplan: {plan:?}");
    }
}
