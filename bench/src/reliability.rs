//! `bench reliability`: issue #8's "nothing lost" proofs against the release
//! server, on SQLite and on PostgreSQL: the crash test (SIGKILL during
//! writes, many rounds), the load test (hundreds of people for a minute) and,
//! on PostgreSQL, a database outage. Writes `bench/RELIABILITY.md` with the
//! figures and fails when anything was lost or wrongly answered.

mod crash;
mod outage;
mod soak;
mod writers;

pub use outage::Switch;

use crate::server::Server;
use app::db::Db;
use std::{error::Error, fmt::Write as _, path::PathBuf};

/// What to run.
pub struct Options {
    pub root: PathBuf,
    /// A PostgreSQL server (its `postgres` database URL) to test on as well.
    pub postgres: Option<String>,
    /// How to stop and start that server, for the outage.
    pub switch: Option<Switch>,
    pub rounds: usize,
    pub writers: usize,
    pub people: usize,
    pub seconds: u64,
}

const PORT: u16 = 3_150;

pub async fn run(options: Options) -> Result<(), Box<dyn Error>> {
    let dir = options.root.join("target/reliability");
    std::fs::create_dir_all(&dir)?;
    let sqlite = dir.join("betrouwbaar.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", sqlite.display()));
    }
    let mut backends = vec![("SQLite", format!("sqlite://{}?mode=rwc", sqlite.display()))];
    if let Some(server) = &options.postgres {
        backends.push(("PostgreSQL", fresh_postgres(server).await?));
    }
    let mut report = header(&options);
    let mut failures = Vec::new();
    for (name, url) in &backends {
        println!("{name}:");
        // The demo data gives a plan to react to; then people sign up.
        let server = Server::start_with(&options.root, url, PORT, true)?;
        let db = Db::connect(url, 4).await?;
        let plan: i64 = sqlx::query_scalar("SELECT MIN(id) FROM plans")
            .fetch_one(&db.pool)
            .await?;
        let people = writers::register(&db, PORT, options.people.max(options.writers), "mens")
            .await
            .map_err(|e| e.to_string())?;
        drop(server);
        let crashes = crash::run(
            &options.root,
            url,
            &db,
            plan,
            &people[..options.writers],
            options.rounds,
            PORT,
        )
        .await?;
        let server = Server::start_with(&options.root, url, PORT, false)?;
        println!(
            "  load: {} people for {} s",
            options.people, options.seconds
        );
        let soak = soak::run(&db, PORT, plan, &people[..options.people], options.seconds).await?;
        let outage = match (&options.switch, *name) {
            (Some(switch), "PostgreSQL") => {
                println!("  outage: the database stops for 10 s");
                Some(outage::run(&db, PORT, plan, &people[..50.min(people.len())], switch).await?)
            }
            _ => None,
        };
        drop(server);
        report.push_str(&section(
            name,
            &crashes,
            &soak,
            outage.as_ref(),
            &mut failures,
        ));
    }
    let _ = writeln!(report, "\n## Verdict\n");
    if failures.is_empty() {
        report.push_str("Nothing lost, no wrong answer.\n");
    } else {
        for f in &failures {
            let _ = writeln!(report, "- **{f}**");
        }
    }
    std::fs::write(options.root.join("bench/RELIABILITY.md"), &report)?;
    println!("\n{report}");
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; ").into())
    }
}

/// A new, empty database on the PostgreSQL `server`; its URL.
pub(crate) async fn fresh_postgres(server: &str) -> Result<String, Box<dyn Error>> {
    sqlx::any::install_default_drivers();
    let name = format!("wijkplein_betrouwbaar_{}", std::process::id());
    let admin = sqlx::AnyPool::connect(server).await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await?;
    admin.close().await;
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    Ok(format!("{base}/{name}"))
}

fn header(o: &Options) -> String {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default();
    format!(
        "# Reliability results\n\nWritten by `scripts/reliability.sh` (see the README), commit {commit}, on this \
         machine ({} cores). The release server runs as a child process; the simulated people are \
         in the same process as the checks, on the same cores.\n\n\
         - Crash: {} writers post reactions; after a random 0.3 to 3 s the server gets SIGKILL, then starts \
         again on the same database; {} rounds.\n\
         - Load: {} logged-in people for {} s, each waiting 0.1 to 0.9 s between steps; a step is a \
         reaction (one in four) or a page (plan, plans, groups, manifest, search).\n\
         - Outage (PostgreSQL): 50 people keep opening their profile and posting; the database \
         server is stopped (`pg_ctl stop -m fast`) for 10 s and started again.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        o.writers,
        o.rounds,
        o.people,
        o.seconds
    )
}

fn section(
    name: &str,
    c: &crash::Crashes,
    s: &soak::Soak,
    o: Option<&outage::Outage>,
    failures: &mut Vec<String>,
) -> String {
    let mut out = format!("\n## {name}\n\n");
    let _ = writeln!(
        out,
        "- Crash: {} rounds with {} writers, {} reactions acknowledged before the kills, **{} missing** after the restarts{}; \
         {} refusals while running.",
        c.rounds,
        c.writers,
        c.acknowledged,
        c.missing,
        if name == "SQLite" {
            format!(
                ", integrity_check not ok in **{}** rounds{}",
                c.damaged,
                c.first_damage.as_deref().map_or(String::new(), |d| format!(" (first: {d:.300})"))
            )
        } else {
            String::new()
        },
        c.refused
    );
    let statuses: Vec<String> = s
        .statuses
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    let _ = writeln!(
        out,
        "- Load: {} people, {} s, {} requests ({}), {} unanswered, **{} server errors**; p50 {:.1?}, p99 {:.1?}; \
         {} reactions acknowledged, **{} missing**.",
        s.people, s.seconds, s.requests(), statuses.join(", "), s.unanswered, s.server_errors(), s.p50, s.p99,
        s.acknowledged, s.missing
    );
    if c.missing > 0 || c.damaged > 0 {
        failures.push(format!(
            "{name}: crash lost {} reactions, {} damaged rounds",
            c.missing, c.damaged
        ));
    }
    if s.server_errors() > 0 || s.missing > 0 || s.unanswered > 0 {
        failures.push(format!(
            "{name}: load gave {} server errors, {} unanswered, {} lost",
            s.server_errors(),
            s.unanswered,
            s.missing
        ));
    }
    if let Some(o) = o {
        let during: Vec<String> = o.during.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let _ = writeln!(
            out,
            "- Outage: database down {:.1?}; answers meanwhile {} with **{} other server errors**, {} unanswered, \
             slowest {:.1?}; logged-in pages served again **{}** after the database was back; live event after a \
             post **{}**; {} reactions acknowledged, **{} missing**.",
            o.down_for,
            during.join(", "),
            o.wrong_answers(),
            o.unanswered,
            o.slowest,
            o.recovered_in.map_or("never".to_owned(), |d| format!("{d:.1?}")),
            o.live_after.map_or("never".to_owned(), |d| format!("{d:.1?}")),
            o.acknowledged,
            o.missing
        );
        let slow_recovery = o
            .recovered_in
            .is_none_or(|d| d > std::time::Duration::from_secs(5));
        if o.wrong_answers() > 0
            || o.unanswered > 0
            || slow_recovery
            || o.live_after.is_none()
            || o.missing > 0
        {
            failures.push(format!("{name}: the outage was not handled as it should"));
        }
    }
    out
}
