//! How fast search answers at national scale: 1,000,000 reactions, 20,000
//! plans and 5,000 groups in the index, five typical searches as the results
//! page runs them (the best five of each kind: four queries). Prints p50 and
//! p99 per search over 200 runs; asserts nothing about time. The budget of
//! issue #9 is p99 under 50 ms.
//!
//! `cargo bench -p app --features ssr --bench search` (SQLite; PostgreSQL too
//! when `TEST_DATABASE_URL` is set). The index is filled in bulk by SQL from a
//! fixed Dutch vocabulary, with the same folding and stemming as the app.

#![expect(
    clippy::expect_used,
    reason = "benchmark: a failure should stop it loudly"
)]

use app::{
    db::{Backend, Db},
    search::{
        index::DocKind,
        model::{Asked, CANDIDATES},
        query::{run, Filters},
        service::search,
        text::{fold, plain_text, stem, Query},
    },
};
use std::time::{Duration, Instant};

const REACTIONS: i64 = 1_000_000;
const RUNS: usize = 200;
const WORDS: [&str; 37] = [
    "speeltuinen",
    "bomen",
    "groene",
    "bankjes",
    "plein",
    "fietsen",
    "buurt",
    "moestuin",
    "zonnepanelen",
    "verlichting",
    "straat",
    "parkeren",
    "afval",
    "kinderen",
    "ouderen",
    "ontmoeten",
    "koffie",
    "schilderen",
    "bloemen",
    "verkeer",
    "veilig",
    "school",
    "bibliotheek",
    "markt",
    "muziek",
    "sport",
    "water",
    "klimaat",
    "tegels",
    "geveltuin",
    "buren",
    "feest",
    "wandelen",
    "boodschappen",
    "zorg",
    "speelplek",
    "café",
];
const TOWNS: [&str; 5] = ["Den Haag", "Utrecht", "Rotterdam", "Amsterdam", "Zwolle"];
const SEARCHES: [&str; 5] = [
    "speeltuin",
    "groen plein",
    "zonnepaneel",
    "veilig verkeer school",
    "1094",
];
/// Words per reaction, and groups and plans besides the reactions.
const LENGTH: u64 = 8;
const PLANS: i64 = 20_000;
const GROUPS: i64 = 5_000;

/// SQL for the index into the word list of the `slot`-th word of row `i`: a
/// spread that makes every pair of words occur together somewhere.
fn slot(slot: u64) -> String {
    let multiplier = [1, 7, 13, 31, 101, 1009, 10007, 65537][slot as usize % 8];
    format!("((i * {multiplier} + {slot}) % 1000003) % 37")
}

/// One insert per kind: `(kind, rows, words per row)`.
const KINDS: [(&str, i64, u64); 3] = [
    ("reaction", REACTIONS, LENGTH),
    ("plan", PLANS, LENGTH),
    ("group", GROUPS, 4),
];

fn sqlite_seed(kind: &str, rows: i64, length: u64) -> Vec<String> {
    let words: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
    let stems: Vec<String> = WORDS.iter().map(|w| stem(&fold(w))).collect();
    let towns: Vec<String> = TOWNS.iter().map(|w| (*w).to_owned()).collect();
    let json = |v: &Vec<String>| serde_json::to_string(v).expect("json");
    let text = |list: &str| {
        (0..length)
            .map(|n| format!("json_extract({list}, '$[' || ({}) || ']')", slot(n)))
            .collect::<Vec<_>>()
            .join(" || ' ' || ")
    };
    // Groups and plans carry a postcode area; everything its kind and town.
    let postcode = if kind == "reaction" {
        "''".to_owned()
    } else {
        "' pc' || (1000 + i % 9000)".to_owned()
    };
    vec![
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}),
             v(w, t) AS (SELECT '{}', '{}')
             INSERT INTO search_docs (kind, ref_key, municipality, title, body, link)
             SELECT '{kind}', CAST(i AS TEXT), json_extract(t, '$[' || (i % 5) || ']'),
                    'Titel ' || i, {}, '/{kind}/' || i
             FROM n, v",
            json(&words),
            json(&towns),
            text("w")
        ),
        format!(
            "WITH v(s, t) AS (SELECT '{}', '{}')
             INSERT INTO search_fts (rowid, title, body, facets)
             SELECT d.id, '', {}, 'k{kind} m' || lower(replace(json_extract(t, '$[' || (i % 5) || ']'), ' ', '')) || {postcode}
             FROM (SELECT id, CAST(ref_key AS INTEGER) AS i FROM search_docs WHERE kind = '{kind}') d, v",
            json(&stems),
            json(&towns),
            text("s")
        ),
    ]
}

fn postgres_seed(kind: &str, rows: i64, length: u64) -> String {
    let array = |v: &[&str]| {
        format!(
            "ARRAY[{}]",
            v.iter()
                .map(|w| format!("'{}'", plain_text(w)))
                .collect::<Vec<_>>()
                .join(",")
        )
    };
    let text = (0..length)
        .map(|n| format!("w[(1 + {})::int]", slot(n)))
        .collect::<Vec<_>>()
        .join(" || ' ' || ");
    let postcode = if kind == "reaction" {
        "''".to_owned()
    } else {
        "' pc' || (1000 + i % 9000)".to_owned()
    };
    format!(
        "INSERT INTO search_docs (kind, ref_key, municipality, title, body, link, words)
         SELECT '{kind}', i::text, t[(1 + i % 5)::int], 'Titel ' || i, body, '/{kind}/' || i,
                setweight(to_tsvector('dutch', body), 'B')
                || setweight(to_tsvector('simple', 'k{kind} m' || replace(t[(1 + i % 5)::int], ' ', '') || {postcode}), 'D')
         FROM (SELECT i, t, {text} AS body FROM generate_series(1, {rows}::bigint) AS i,
               (SELECT {} AS w, {} AS t) v) g",
        array(&WORDS),
        array(&TOWNS)
    )
}

async fn seed(db: &Db) {
    for (kind, rows, length) in KINDS {
        let statements = match db.backend {
            Backend::Sqlite => sqlite_seed(kind, rows, length),
            Backend::Postgres => vec![postgres_seed(kind, rows, length)],
        };
        for statement in statements {
            sqlx::query(&statement)
                .execute(&db.pool)
                .await
                .expect("seed");
        }
    }
    let analyze = match db.backend {
        Backend::Sqlite => "ANALYZE",
        Backend::Postgres => "VACUUM ANALYZE search_docs",
    };
    sqlx::query(analyze)
        .execute(&db.pool)
        .await
        .expect("analyze");
}

/// p50 and p99 of `runs` calls of `search`.
async fn measure<F, Fut>(runs: usize, mut search: F) -> (Duration, Duration)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        search().await;
        times.push(t.elapsed());
    }
    times.sort();
    (times[runs / 2], times[runs * 99 / 100])
}

async fn bench(name: &str, db: Db) {
    let start = Instant::now();
    seed(&db).await;
    println!(
        "{name}: {REACTIONS} reactions, {PLANS} plans and {GROUPS} groups indexed in {:.1?}",
        start.elapsed()
    );
    println!("  what the results page runs (best 5 of each of the 4 kinds), {RUNS} runs:");
    for q in SEARCHES {
        let asked = Asked {
            q: q.to_owned(),
            ..Asked::default()
        };
        let view = search(&db, asked.clone()).await.expect("search");
        let found: Vec<String> = view
            .kinds
            .iter()
            .map(|k| {
                format!(
                    "{} {}{}",
                    k.hits.len(),
                    k.kind,
                    if k.capped { " (capped)" } else { "" }
                )
            })
            .collect();
        let (p50, p99) = measure(RUNS, || {
            let asked = asked.clone();
            let db = &db;
            async move {
                search(db, asked).await.expect("search");
            }
        })
        .await;
        println!(
            "  {q:<24} p50 {p50:>8.2?}  p99 {p99:>8.2?}  ({})",
            found.join(", ")
        );
    }
    println!("  one kind, with a filter (reactions in Utrecht), {RUNS} runs:");
    for q in ["speeltuin", "groen plein"] {
        let query = Query::parse(q);
        let filters = Filters {
            kind: Some(DocKind::Reaction),
            municipality: Some("Utrecht".to_owned()),
            ..Filters::default()
        };
        let (p50, p99) = measure(RUNS, || {
            let (db, query, filters) = (&db, &query, &filters);
            async move {
                run(db, query, filters, None, 21, CANDIDATES)
                    .await
                    .expect("search");
            }
        })
        .await;
        println!("  {q:<24} p50 {p50:>8.2?}  p99 {p99:>8.2?}");
    }
}

#[tokio::main]
async fn main() {
    bench("SQLite", app::testing::sqlite().await).await;
    if let Some(db) = app::testing::postgres().await {
        bench("PostgreSQL", db).await;
    }
}
