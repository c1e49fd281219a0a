//! Wijkplein's benchmark at national scale (issue #7).
//!
//! - `bench seed <database-url> [--divide N]`: fills an empty database with
//!   the national data set (or one N times smaller), deterministic.
//! - `bench run [--seconds S] [--readers N] [--postgres URL] [--no-lighthouse]`: the whole
//!   benchmark on the release build, written to `bench/RESULTS.md`.
//!
//! `scripts/bench.sh` builds everything and calls `bench run`: the one
//! command the README gives.

mod batch;
mod fanout;
mod http;
mod lighthouse;
mod load;
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
        _ => Err(USAGE.into()),
    };
    if let Err(err) = result {
        eprintln!("bench: {err}");
        std::process::exit(1);
    }
}

const USAGE: &str = "usage: bench seed <database-url> [--divide N]\n       \
                     bench run [--seconds S] [--readers N] [--postgres URL] [--no-lighthouse]";

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
