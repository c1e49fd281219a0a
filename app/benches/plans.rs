//! How fast plans answer at scale: the list across groups with 100,000 plans
//! (each order, a page deep in the list, each filter) and the discussion of
//! one plan with 2,000 reactions (first page, a later page). Prints median and
//! 95th percentile per query; asserts nothing about time.
//!
//! `cargo bench -p app --features ssr --bench plans` (SQLite; PostgreSQL too
//! when `TEST_DATABASE_URL` is set, see `scripts/pg.sh`).

#![expect(
    clippy::expect_used,
    reason = "benchmark: a failure should stop it loudly"
)]

use app::{
    db::Db,
    discussion::{model::ThreadCursor, service as discussion},
    plans::{
        list::{self, PlanCursor, PlanFilter, PlanSort},
        model::Phase,
    },
};
use std::time::{Duration, Instant};

const PLANS: i64 = 100_000;
const GROUPS: i64 = 1_000;
const REACTIONS: i64 = 2_000;
const RUNS: usize = 100;
const TOWNS: [&str; 20] = [
    "Den Haag",
    "Utrecht",
    "Rotterdam",
    "Amsterdam",
    "Zwolle",
    "Eindhoven",
    "Groningen",
    "Arnhem",
    "Leiden",
    "Delft",
    "Tilburg",
    "Breda",
    "Nijmegen",
    "Almere",
    "Haarlem",
    "Enschede",
    "Apeldoorn",
    "Amersfoort",
    "Maastricht",
    "Dordrecht",
];
const PRINCIPLES: [&str; 5] = [
    "lange-termijn",
    "wat-er-al-is",
    "wat-goed-gaat",
    "gelijkwaardigheid",
    "ruimte-voor-beroepskrachten",
];

async fn seed(db: &Db) -> i64 {
    let now = app::db::now();
    let mut tx = db.write_tx().await.expect("transaction");
    let user: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, password_hash, created_at) \
         VALUES ('bench@buurt.nl', 'Bench', 'x', $1) RETURNING id",
    )
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .expect("user");
    for g in 0..GROUPS {
        sqlx::query(
            "INSERT INTO groups (slug, name, neighbourhood, municipality, postcodes, description, \
             membership_mode, join_question, search_text, sort_key, member_count, created_at, updated_at) \
             VALUES ($1, $2, 'Wijk', $3, '', 'Een groep.', 'open', '', $2, $2, 1, $4, $4)",
        )
        .bind(format!("groep-{g}"))
        .bind(format!("groep {g}"))
        .bind(TOWNS[(g % 20) as usize])
        .bind(now)
        .execute(&mut *tx)
        .await
        .expect("group");
    }
    for p in 0..PLANS {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO plans (group_id, author_id, title, summary, body_source, body_html, phase, \
             support_count, reaction_count, created_at, updated_at, last_activity_at) \
             VALUES ($1, $2, $3, 'Samenvatting van het plan.', 'Tekst', '<p>Tekst</p>', $4, $5, 0, $6, $6, $7) \
             RETURNING id",
        )
        .bind(1 + p % GROUPS)
        .bind(user)
        .bind(format!("Plan {p}"))
        .bind(Phase::ALL[(p % 7) as usize].as_str())
        .bind((p * 7919) % 250)
        .bind(now - PLANS + p)
        .bind(now - (p * 104_729) % 1_000_000)
        .fetch_one(&mut *tx)
        .await
        .expect("plan");
        sqlx::query("INSERT INTO plan_principles (plan_id, principle) VALUES ($1, $2)")
            .bind(id)
            .bind(PRINCIPLES[(p % 5) as usize])
            .execute(&mut *tx)
            .await
            .expect("principle");
    }
    // One busy discussion: a third top-level, the rest replies two levels deep.
    let subject = format!("plan:{PLANS}");
    let mut last_top = 0_i64;
    let mut last_reply = 0_i64;
    for r in 0..REACTIONS {
        let (parent, root, depth) = match r % 3 {
            0 => (None, None, 0),
            1 => (Some(last_top), Some(last_top), 1),
            _ => (Some(last_reply), Some(last_top), 2),
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO reactions (subject, parent_id, root_id, depth, kind, source, html, user_id, \
             status, created_at) VALUES ($1, $2, $3, $4, 'vraag', 'Tekst', '<p>Tekst</p>', $5, \
             'published', $6) RETURNING id",
        )
        .bind(&subject)
        .bind(parent)
        .bind(root)
        .bind(depth)
        .bind(user)
        .bind(now - REACTIONS + r)
        .fetch_one(&mut *tx)
        .await
        .expect("reaction");
        match depth {
            0 => last_top = id,
            1 => last_reply = id,
            _ => {}
        }
    }
    tx.commit().await.expect("commit");
    if db.backend == app::db::Backend::Postgres {
        sqlx::query("ANALYZE")
            .execute(&db.pool)
            .await
            .expect("analyze");
    }
    PLANS
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
        "  {label:<40} median {:>8.2?}  p95 {:>8.2?}  ({found} on the page)",
        times[RUNS / 2],
        times[RUNS * 95 / 100]
    );
}

async fn list_len(db: &Db, filter: &PlanFilter, after: Option<PlanCursor>) -> usize {
    list::page(db, filter, after)
        .await
        .expect("page")
        .plans
        .len()
}

async fn bench(name: &str, db: Db) {
    let start = Instant::now();
    let busy_plan = seed(&db).await;
    println!(
        "{name}: {PLANS} plans, {REACTIONS} reactions seeded in {:.1?}",
        start.elapsed()
    );
    for sort in PlanSort::ALL {
        let filter = PlanFilter {
            sort,
            ..Default::default()
        };
        let mut cursor = None;
        for _ in 0..100 {
            cursor = list::page(&db, &filter, cursor).await.expect("page").next;
        }
        measure(&format!("list {}, first page", sort.as_str()), || {
            list_len(&db, &filter, None)
        })
        .await;
        measure(&format!("list {}, page 101", sort.as_str()), || {
            list_len(&db, &filter, cursor)
        })
        .await;
    }
    let filters = [
        (
            "phase in_gesprek",
            PlanFilter {
                phase: Some(Phase::InGesprek),
                ..Default::default()
            },
        ),
        (
            "principle lange-termijn",
            PlanFilter {
                principle: Some("lange-termijn".into()),
                ..Default::default()
            },
        ),
        (
            "municipality Utrecht",
            PlanFilter {
                municipality: Some("Utrecht".into()),
                ..Default::default()
            },
        ),
        (
            "group groep-17",
            PlanFilter {
                group: Some("groep-17".into()),
                ..Default::default()
            },
        ),
        (
            "phase + municipality, most supported",
            PlanFilter {
                phase: Some(Phase::Besloten),
                municipality: Some("Leiden".into()),
                sort: PlanSort::MostSupported,
                ..Default::default()
            },
        ),
    ];
    for (label, filter) in &filters {
        measure(label, || list_len(&db, filter, None)).await;
    }
    let subject = format!("plan:{busy_plan}");
    let mut cursor: Option<ThreadCursor> = None;
    for _ in 0..9 {
        cursor = discussion::page(&db, None, &subject, None, cursor)
            .await
            .expect("threads")
            .next;
    }
    measure("thread of 2,000: first page", || async {
        discussion::page(&db, None, &subject, None, None)
            .await
            .expect("threads")
            .threads
            .len()
    })
    .await;
    measure("thread of 2,000: page 10", || async {
        discussion::page(&db, None, &subject, None, cursor)
            .await
            .expect("threads")
            .threads
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
