//! How fast the group directory answers with 10,000 groups: first page, a
//! page deep in the list, a word search and a postcode search. Prints
//! median and 95th percentile per query; asserts nothing about time.
//!
//! `cargo bench -p app --features ssr --bench groups` (SQLite; PostgreSQL too
//! when `TEST_DATABASE_URL` is set, see `scripts/pg.sh`).

#![expect(
    clippy::expect_used,
    reason = "benchmark: a failure should stop it loudly"
)]

use app::{
    db::Db,
    groups::{model::fold, service},
};
use std::time::{Duration, Instant};

const GROUPS: usize = 10_000;
const RUNS: usize = 200;

const PLACES: [(&str, &str); 8] = [
    ("Transvaal", "Den Haag"),
    ("Kanaleneiland", "Utrecht"),
    ("Oude Westen", "Rotterdam"),
    ("De Pijp", "Amsterdam"),
    ("Assendorp", "Zwolle"),
    ("Woensel", "Eindhoven"),
    ("Selwerd", "Groningen"),
    ("Malburgen", "Arnhem"),
];
const WORDS: [&str; 6] = [
    "Groen",
    "Samen",
    "Buurtkamer",
    "Speeltuin",
    "Moestuin",
    "Kanaal",
];

async fn seed(db: &Db) {
    let now = app::db::now();
    let mut tx = db.write_tx().await.expect("transaction");
    for i in 0..GROUPS {
        let (wijk, gemeente) = PLACES[i % PLACES.len()];
        let name = format!("{} {} {i}", WORDS[i % WORDS.len()], wijk);
        let postcode = format!("{}", 1000 + (i * 7) % 9000);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO groups (slug, name, neighbourhood, municipality, postcodes, description, \
             membership_mode, join_question, search_text, sort_key, member_count, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 'Een groep.', 'open', '', $6, $7, 1, $8, $8) RETURNING id",
        )
        .bind(format!("groep-{i}"))
        .bind(&name)
        .bind(wijk)
        .bind(gemeente)
        .bind(&postcode)
        .bind(fold(&format!("{name} {wijk} {gemeente}")))
        .bind(fold(&name))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .expect("insert group");
        sqlx::query("INSERT INTO group_postcodes (group_id, postcode) VALUES ($1, $2)")
            .bind(id)
            .bind(&postcode)
            .execute(&mut *tx)
            .await
            .expect("insert postcode");
    }
    tx.commit().await.expect("commit");
    if db.backend == app::db::Backend::Postgres {
        sqlx::query("ANALYZE")
            .execute(&db.pool)
            .await
            .expect("analyze");
    }
}

async fn measure<F, Fut>(label: &str, mut run: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        found = run().await;
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "  {label:<34} median {:>8.2?}  p95 {:>8.2?}  ({found} groups on the page)",
        times[RUNS / 2],
        times[RUNS * 95 / 100]
    );
}

async fn bench(name: &str, db: Db) {
    let start = Instant::now();
    seed(&db).await;
    println!("{name}: {GROUPS} groups seeded in {:.1?}", start.elapsed());
    // A cursor half-way down the list: the page a reader reaches after 250 clicks.
    let middle = service::directory(&db, "", None).await.expect("page");
    let mut cursor = middle.next;
    for _ in 0..249 {
        cursor = service::directory(&db, "", cursor.as_deref())
            .await
            .expect("page")
            .next;
    }
    let deep = cursor.expect("a cursor after page 250");
    measure("first page", || async {
        service::directory(&db, "", None)
            .await
            .expect("page")
            .groups
            .len()
    })
    .await;
    measure("page 251 (keyset cursor)", || async {
        service::directory(&db, "", Some(&deep))
            .await
            .expect("page")
            .groups
            .len()
    })
    .await;
    measure("search \"moestuin selwerd\"", || async {
        service::directory(&db, "moestuin selwerd", None)
            .await
            .expect("page")
            .groups
            .len()
    })
    .await;
    measure("search \"groningen\"", || async {
        service::directory(&db, "groningen", None)
            .await
            .expect("page")
            .groups
            .len()
    })
    .await;
    measure("postcode \"1007 AB\"", || async {
        service::directory(&db, "1007 AB", None)
            .await
            .expect("page")
            .groups
            .len()
    })
    .await;
}

#[tokio::main]
async fn main() {
    bench("SQLite", app::testing::sqlite().await).await;
    if std::env::var("TEST_DATABASE_URL").is_ok() {
        if let Some(db) = app::testing::postgres().await {
            bench("PostgreSQL", db).await;
        }
    } else {
        println!("PostgreSQL: skipped (TEST_DATABASE_URL is not set)");
    }
}
