//! SQLite's `PRAGMA integrity_check` over a file that several connections
//! wrote, as the crash test of the reliability command reads it.
//!
//! Found while reading the crash test's "malformed inverted index for FTS5
//! table": the bundled SQLite (3.46) gives that answer on a connection that
//! read the search index before another connection added to it, on a file
//! that was never killed. A connection opened afterwards finds the same file
//! whole, and the older connection's searches do see the new rows. So the
//! check belongs on a fresh connection, and this test keeps both facts
//! visible. The early connection may answer either "ok" or the FTS5 message
//! (a newer SQLite may fix it), never anything else.

use app::{db::Db, plans::service as plans, search::model::CANDIDATES, testing::sqlite_url};

use crate::common::{cast, form};

async fn integrity(db: &Db) -> Vec<String> {
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

async fn hits(db: &Db, q: &str) -> usize {
    app::search::query::run(
        db,
        &app::search::text::Query::parse(q),
        &app::search::query::Filters::default(),
        None,
        50,
        CANDIDATES,
    )
    .await
    .unwrap()
    .hits
    .len()
}

#[tokio::test]
async fn a_file_written_by_two_connections_is_whole_on_a_fresh_one() {
    let url = sqlite_url();
    let early = Db::connect(&url, 1).await.unwrap();
    app::demo::seed(&early).await.unwrap();
    assert_eq!(integrity(&early).await, ["ok"]);

    let mut writer = Db::connect(&url, 1).await.unwrap();
    // Thirty plans by one person in a moment: more than a person writes.
    writer.limits = app::limits::Limits { factor: 10 };
    let people = cast(&writer).await;
    for i in 0..30 {
        plans::create(
            &writer,
            Some(&people.writer),
            &people.group,
            form(&format!("Zonnepanelen {i}")),
        )
        .await
        .unwrap();
    }

    let stale = integrity(&early).await;
    assert!(
        stale == ["ok"] || stale[0].contains("FTS5"),
        "the early connection reports something other than the known FTS5 answer: {stale:?}"
    );
    assert_eq!(
        hits(&early, "zonnepanelen").await,
        30,
        "the early connection still searches the new rows"
    );
    let fresh = Db::connect(&url, 1).await.unwrap();
    assert_eq!(integrity(&fresh).await, ["ok"]);
    let fts: Result<_, _> =
        sqlx::query("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
            .execute(&fresh.pool)
            .await;
    assert!(fts.is_ok(), "FTS5's own check: {fts:?}");
}
