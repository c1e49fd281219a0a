//! The whole benchmark: seeds the data sets (once; they are kept under
//! `target/bench`), starts the release server on each, measures, and writes
//! `bench/RESULTS.md`. Every figure comes from this run on this machine;
//! where a figure depends on the machine, a reference measured in the same
//! run (nginx serving the same bytes) stands beside it.

use crate::{
    fanout, lighthouse, load,
    report::{Page, Report},
    seed::{self, Scale},
    server::{self, Server},
    weight, writes,
};
use std::{error::Error, path::PathBuf, time::Duration};

/// What to run.
pub struct Options {
    /// Repository root (where `target/release/wijkplein` and `target/site` are).
    pub root: PathBuf,
    /// Seconds per load run (the issue says 20).
    pub seconds: u64,
    /// Live readers for the fan-out (the issue says 5,000).
    pub readers: usize,
    /// A PostgreSQL database to seed and measure writes on, when given.
    pub postgres: Option<String>,
    /// Run Lighthouse (needs `npm ci` in `bench/lighthouse`).
    pub lighthouse: bool,
}

const PORT: u16 = 3_100;
const NGINX_PORT: u16 = 3_190;
/// The data set for the flatness comparison is this many times smaller.
const SMALLER: i64 = 100;

/// The four pages of the issue, at a scale.
fn pages(scale: Scale) -> Vec<(&'static str, String)> {
    vec![
        ("Manifest", "/manifest".to_owned()),
        ("Groepen", "/groepen".to_owned()),
        (
            "Plan, 200 reacties",
            format!("/plannen/{}", scale.busy_plan(0)),
        ),
        (
            "Plan, 5.000 reacties",
            format!("/plannen/{}", scale.busy_plan(1)),
        ),
    ]
}

pub async fn run(options: Options) -> Result<(), Box<dyn Error>> {
    let dir = options.root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let national = Scale::NATIONAL;
    let small = national.divided(SMALLER);
    let mut report = Report::new(national, SMALLER, options.seconds);

    // The small data set: p50 of each page as rendered, for flatness (the
    // page cache would hide what the data set's size costs).
    let small_url = sqlite_url(&dir, "small");
    ensure_seeded(&small_url, small).await?;
    {
        let server = Server::start(&options.root, &small_url, PORT)?;
        for (_, path) in pages(small) {
            let url = format!("{}{path}", server.base);
            let measured = load::wrk_with(&url, options.seconds, None, Some(load::PAST_THE_CACHE))?;
            report.small_p50.push(measured.p50_ms);
        }
    }

    // The national data set: throughput against nginx, weight, footprint.
    let national_url = sqlite_url(&dir, "national");
    ensure_seeded(&national_url, national).await?;
    let server = Server::start(&options.root, &national_url, PORT)?;
    report.start_up = server.start_up;
    std::thread::sleep(Duration::from_secs(1));
    report.idle_rss_kib = server::rss_kib(server.pid());
    let mut bodies = Vec::new();
    for (name, path) in pages(national) {
        let url = format!("{}{path}", server.base);
        bodies.push((path.clone(), crate::http::body(&url)?));
        let (ours, rss) =
            server::peak_rss_during(server.pid(), || load::wrk(&url, options.seconds, None));
        report.loaded_rss_kib = report.loaded_rss_kib.max(rss);
        let rendered = load::wrk_with(&url, options.seconds, None, Some(load::PAST_THE_CACHE))?;
        report.pages.push(Page {
            name,
            path,
            ours: ours?,
            rendered,
            nginx: load::Load::default(),
            html_bytes: bodies.last().map_or(0, |(_, b)| b.len()),
        });
    }
    {
        let nginx = load::Nginx::serve(&dir.join("nginx"), NGINX_PORT, &bodies)?;
        for page in &mut report.pages {
            page.nginx = load::wrk(
                &format!("{}{}", nginx.base, page.path),
                options.seconds,
                None,
            )?;
        }
    }
    report.weight = weight::visit(&server.base, "/manifest")?;
    report.weight_plan =
        weight::visit(&server.base, &format!("/plannen/{}", national.busy_plan(0)))?;
    if options.lighthouse {
        for (name, path) in [pages(national)[0].clone(), pages(national)[2].clone()] {
            let measured = lighthouse::measure(&options.root, &format!("{}{path}", server.base))?;
            report.lighthouse.push((name, measured));
        }
    }

    // Live fan-out to many readers of the busiest plan (not one of the four pages).
    let cookie = crate::http::login(&server.base, "mens99@bench.wijkplein.nl", seed::PASSWORD)?;
    report.fanout = Some(fanout::run(PORT, server.pid(), 1, &cookie, options.readers).await?);

    // Writes, last: they add reactions (to the quietest plan).
    let db = app::db::Db::connect(&national_url, 2).await?;
    report.writes_sqlite =
        Some(writes::run(&db, &server.base, &dir, national.plans, options.seconds).await?);
    drop(server);

    if let Some(url) = &options.postgres {
        ensure_seeded(url, national).await?;
        let server = Server::start(&options.root, url, PORT)?;
        let db = app::db::Db::connect(url, 2).await?;
        report.writes_postgres =
            Some(writes::run(&db, &server.base, &dir, national.plans, options.seconds).await?);
    }

    let path = options.root.join("bench/RESULTS.md");
    std::fs::write(&path, report.markdown(&options.root))?;
    println!("{}", report.markdown(&options.root));
    eprintln!("[bench] written to {}", path.display());
    Ok(())
}

fn sqlite_url(dir: &std::path::Path, name: &str) -> String {
    format!("sqlite://{}/{name}.db?mode=rwc", dir.display())
}

/// Seeds a database unless it holds the data set already (seeding the
/// national set takes minutes; later runs reuse it).
async fn ensure_seeded(url: &str, scale: Scale) -> Result<(), Box<dyn Error>> {
    let db = app::db::Db::connect(url, 2).await?;
    app::manifest::content::ensure_loaded(&db).await?;
    let plans: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plans")
        .fetch_one(&db.pool)
        .await?;
    if plans == scale.plans {
        return Ok(());
    }
    if plans > 0 {
        return Err(format!("{url} holds another data set; remove it first").into());
    }
    eprintln!("[bench] seeding {url} …");
    seed::seed(&db, scale).await?;
    db.pool.close().await;
    Ok(())
}
