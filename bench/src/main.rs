//! Wijkplein's benchmark at national scale (issue #7).
//!
//! - `bench seed <database-url> [--divide N]`: fills an empty database with
//!   the national data set (or one N times smaller), deterministic.
//! - `bench run [--seconds S] [--readers N] [--postgres URL] [--no-lighthouse]`: the whole
//!   benchmark on the release build, written to `bench/RESULTS.md`.
//!
//! - `bench reliability [--rounds R] [--writers W] [--people P] [--seconds S]
//!   [--postgres URL]`: crash, load and outage tests on the release build,
//!   written to `bench/RELIABILITY.md` (`scripts/reliability.sh`).
//!
//! - `bench flood`: issue #20's flood (registrations and image uploads at
//!   once) against the release build, written to `bench/FLOOD.md`.
//!
//! `scripts/bench.sh` builds everything and calls `bench run`: the one
//! command the README gives.

mod batch;
mod client;
mod fanout;
mod flood;
mod http;
mod lighthouse;
mod load;
mod reliability;
mod report;
mod run;
mod seed;
mod server;
mod weight;
mod words;
mod writes;

use std::error::Error;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("seed") => seed_command(&args[1..]).await,
        Some("run") => run_command(&args[1..]).await,
        Some("reliability") => reliability_command(&args[1..]).await,
        Some("flood") => flood_command(&args[1..]).await,
        _ => Err(USAGE.into()),
    };
    if let Err(err) = result {
        eprintln!("bench: {err}");
        std::process::exit(1);
    }
}

const USAGE: &str = "usage: bench seed <database-url> [--divide N]\n       \
                     bench run [--seconds S] [--readers N] [--postgres URL] [--no-lighthouse]\n       \
                     bench reliability [--rounds R] [--writers W] [--people P] [--seconds S] [--postgres URL]\n       \
                     bench flood [--postgres URL]";

/// The value after `--name`, if given.
fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn number<T: std::str::FromStr>(
    args: &[String],
    name: &str,
    default: T,
) -> Result<T, Box<dyn Error>> {
    match option(args, name) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| format!("{name} takes a whole number, not {v:?}").into()),
    }
}

async fn seed_command(args: &[String]) -> Result<(), Box<dyn Error>> {
    let url = args.first().filter(|a| !a.starts_with("--")).ok_or(USAGE)?;
    let db = app::db::Db::connect(url, 4).await?;
    app::manifest::content::ensure_loaded(&db).await?;
    let divide = number(args, "--divide", 1)?;
    seed::seed(&db, seed::Scale::NATIONAL.divided(divide)).await
}

async fn run_command(args: &[String]) -> Result<(), Box<dyn Error>> {
    run::run(run::Options {
        root: std::env::current_dir()?,
        seconds: number(args, "--seconds", 20)?,
        readers: number(args, "--readers", 5_000)?,
        postgres: option(args, "--postgres"),
        lighthouse: !args.iter().any(|a| a == "--no-lighthouse"),
    })
    .await
}

async fn flood_command(args: &[String]) -> Result<(), Box<dyn Error>> {
    let postgres = option(args, "--postgres");
    flood::run(&std::env::current_dir()?, postgres.as_deref()).await
}

/// The outage needs to stop and start the database server: `scripts/reliability.sh`
/// passes the commands in `WIJKPLEIN_PG_STOP` and `WIJKPLEIN_PG_START`.
async fn reliability_command(args: &[String]) -> Result<(), Box<dyn Error>> {
    let switch = match (
        std::env::var("WIJKPLEIN_PG_STOP"),
        std::env::var("WIJKPLEIN_PG_START"),
    ) {
        (Ok(stop), Ok(start)) => Some(reliability::Switch { stop, start }),
        _ => None,
    };
    reliability::run(reliability::Options {
        root: std::env::current_dir()?,
        postgres: option(args, "--postgres"),
        switch,
        rounds: number(args, "--rounds", 20)?,
        writers: number(args, "--writers", 32)?,
        people: number(args, "--people", 500)?,
        seconds: number(args, "--seconds", 60)?,
    })
    .await
}
