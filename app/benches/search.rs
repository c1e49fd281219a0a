//! How fast search answers at national scale: 1,000,000 reactions (and the
//! manifest's principles) in the index, five typical searches. Prints p50 and
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
        query::{run, Filters},
        text::{fold, stem, Query},
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
    "koffie ontmoeten buren",
];

/// The i-th word of a reaction, the same expression for the text and its stems.
fn pick(list: &str, n: u32) -> String {
    match n {
        0 => format!("{list}[i % 37]"),
        1 => format!("{list}[(i * 7) % 37]"),
        2 => format!("{list}[(i * 13) % 37]"),
        _ => format!("{list}[(i * 31) % 37]"),
    }
}

async fn seed(db: &Db) {
    let words: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
    let stems: Vec<String> = WORDS.iter().map(|w| stem(&fold(w))).collect();
    let towns: Vec<String> = TOWNS.iter().map(|w| (*w).to_owned()).collect();
    let json = |v: &Vec<String>| serde_json::to_string(v).expect("json");
    let sql = match db.backend {
        Backend::Sqlite => {
            let at = |list: &str, n| {
                pick(list, n)
                    .replace(
                        &format!("{list}[",),
                        &format!("json_extract({list}, '$[' || ("),
                    )
                    .replacen(']', ") || ']')", 1)
            };
            let text = |list: &str| {
                (0..4)
                    .map(|n| at(list, n))
                    .collect::<Vec<_>>()
                    .join(" || ' ' || ")
            };
            vec![
                format!(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {REACTIONS}),
                     v(w, s, t) AS (SELECT '{}', '{}', '{}')
                     INSERT INTO search_docs (kind, ref_key, municipality, title, body, link)
                     SELECT 'reaction', CAST(i AS TEXT), json_extract(t, '$[' || (i % 5) || ']'),
                            'Plan ' || (i % 1000), {}, '/plannen/' || (i % 1000) || '#reactie-' || i
                     FROM n, v",
                    json(&words), json(&stems), json(&towns), text("w")
                ),
                format!(
                    "WITH v(w, s) AS (SELECT '{}', '{}')
                     INSERT INTO search_fts (rowid, title, body)
                     SELECT d.id, '', {} FROM (SELECT id, CAST(ref_key AS INTEGER) AS i FROM search_docs
                                                WHERE kind = 'reaction') d, v",
                    json(&words), json(&stems), text("s")
                ),
            ]
        }
        Backend::Postgres => {
            let array = |v: &Vec<String>| {
                format!(
                    "ARRAY[{}]",
                    v.iter()
                        .map(|w| format!("'{}'", fold(w)))
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            let text = (0..4)
                .map(|n| pick("w", n).replace("w[", "w[1 + "))
                .collect::<Vec<_>>()
                .join(" || ' ' || ");
            vec![format!(
                "INSERT INTO search_docs (kind, ref_key, municipality, title, body, link, words)
                 SELECT 'reaction', i::text, t[1 + i % 5], 'Plan ' || (i % 1000), body,
                        '/plannen/' || (i % 1000) || '#reactie-' || i, to_tsvector('dutch', body)
                 FROM (SELECT i, t, {text} AS body FROM generate_series(1, {REACTIONS}) AS i,
                       (SELECT {} AS w, {} AS t) v) g",
                array(&words),
                array(&towns)
            )]
        }
    };
    for statement in sql {
        sqlx::query(&statement)
            .execute(&db.pool)
            .await
            .expect("seed");
    }
    let analyze = match db.backend {
        Backend::Sqlite => "ANALYZE",
        Backend::Postgres => "ANALYZE search_docs",
    };
    sqlx::query(analyze)
        .execute(&db.pool)
        .await
        .expect("analyze");
}

async fn bench(name: &str, db: Db) {
    let start = Instant::now();
    seed(&db).await;
    println!(
        "{name}: {REACTIONS} reactions indexed in {:.1?}",
        start.elapsed()
    );
    for q in SEARCHES {
        let query = Query::parse(q);
        let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
        let mut found = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            found = run(&db, &query, &Filters::default(), None, 21)
                .await
                .expect("search")
                .len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "  {q:<28} p50 {:>8.2?}  p99 {:>8.2?}  ({found} on the first page)",
            times[RUNS / 2],
            times[RUNS * 99 / 100]
        );
    }
}

#[tokio::main]
async fn main() {
    bench("SQLite", app::testing::sqlite().await).await;
    if let Some(db) = app::testing::postgres().await {
        bench("PostgreSQL", db).await;
    }
}
