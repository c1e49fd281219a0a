//! The generator against real databases: a small data set is whole and
//! consistent (counts kept on rows match the rows), on both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]
use super::*;

const TINY: Scale = Scale {
    people: 2_000,
    groups: 12,
    plans: 30,
    reactions: 5_400,
    signatures: 2_500,
};

async fn check(db: &Db) {
    app::manifest::content::ensure_loaded(db).await.unwrap();
    seed(db, TINY).await.unwrap();
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&db.pool)
            .await
            .unwrap()
    };
    assert_eq!(count("SELECT COUNT(*) FROM users").await, TINY.accounts());
    assert_eq!(count("SELECT COUNT(*) FROM plans").await, TINY.plans);
    assert_eq!(
        count("SELECT COUNT(*) FROM reactions").await,
        TINY.reactions
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM signatures").await,
        TINY.signatures
    );
    let busy: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE subject = $1")
        .bind(format!("plan:{}", TINY.busy_plan(1)))
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(busy, 5_000);
    // Counters kept on rows agree with the rows they count.
    let wrong_reactions = count(
        "SELECT COUNT(*) FROM plans p WHERE reaction_count <> \
         (SELECT COUNT(*) FROM reactions r WHERE r.subject = 'plan:' || CAST(p.id AS TEXT))",
    );
    assert_eq!(wrong_reactions.await, 0);
    let wrong_members = count(
        "SELECT COUNT(*) FROM groups g WHERE member_count <> \
         (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id)",
    );
    assert_eq!(wrong_members.await, 0);
    let wrong_supports = count(
        "SELECT COUNT(*) FROM plans p WHERE support_count <> \
         (SELECT COUNT(*) FROM plan_supports s WHERE s.plan_id = p.id)",
    );
    assert_eq!(wrong_supports.await, 0);
    let counted: i64 = count("SELECT CAST(SUM(signed) AS BIGINT) FROM signature_counts").await;
    assert_eq!(counted, TINY.signatures);
    // Replies hang under a top-level reaction of the same plan.
    let stray = count(
        "SELECT COUNT(*) FROM reactions r JOIN reactions root ON root.id = r.root_id \
         WHERE root.parent_id IS NOT NULL OR root.subject <> r.subject OR r.depth > 2",
    );
    assert_eq!(stray.await, 0);
    // Everything is findable, and new rows get fresh ids after the explicit ones.
    assert_eq!(
        count("SELECT COUNT(*) FROM search_docs WHERE kind = 'reaction'").await,
        TINY.reactions
    );
    let next: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, created_at) \
         VALUES ('nieuw@buurt.nl', 'Nieuw', 'x', 0) RETURNING id",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(next, TINY.accounts() + 1);
    // The writes benchmark picks a plan with the fewest reactions.
    let quiet = crate::writes::quietest_plan(db, TINY.plans).await.unwrap();
    let fewest = count("SELECT CAST(MIN(reaction_count) AS BIGINT) FROM plans");
    let quiet_count: i64 =
        sqlx::query_scalar("SELECT CAST(reaction_count AS BIGINT) FROM plans WHERE id = $1")
            .bind(quiet)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(quiet_count, fewest.await);
    // A second seed is refused instead of doubling the data.
    assert!(seed(db, TINY).await.is_err());
}

#[tokio::test]
async fn seeds_sqlite() {
    check(&app::testing::sqlite().await).await;
}

#[tokio::test]
async fn seeds_postgres() {
    if let Some(db) = app::testing::postgres().await {
        check(&db).await;
    }
}
