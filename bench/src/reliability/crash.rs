//! The crash test: writers post reactions while the server is killed with
//! SIGKILL at a random moment, then it starts again on the same database.
//! Every reaction a writer saw acknowledged must be there afterwards, and a
//! SQLite file must pass `PRAGMA integrity_check`.

use super::writers::{acknowledged_id, missing, reaction_form};
use crate::{client::Client, server::Server};
use app::db::{Backend, Db};
use std::{error::Error, path::Path, time::Duration};

/// What the rounds showed.
pub struct Crashes {
    pub rounds: usize,
    pub writers: usize,
    /// Reactions acknowledged before a kill, over all rounds.
    pub acknowledged: usize,
    /// Of those, not in the database after the restart (must be 0).
    pub missing: usize,
    /// Rounds whose `integrity_check` was not `ok` (SQLite; must be 0).
    pub damaged: usize,
    /// What the first such check said.
    pub first_damage: Option<String>,
    /// Answers other than 200 while the server ran (for the record).
    pub refused: usize,
}

pub async fn run(
    root: &Path,
    url: &str,
    db: &Db,
    plan: i64,
    cookies: &[String],
    rounds: usize,
    port: u16,
) -> Result<Crashes, Box<dyn Error>> {
    let mut rng = fastrand::Rng::with_seed(20);
    let mut figures = Crashes {
        rounds,
        writers: cookies.len(),
        acknowledged: 0,
        missing: 0,
        damaged: 0,
        first_damage: None,
        refused: 0,
    };
    let mut server = Server::start_with(root, url, port, false)?;
    for round in 1..=rounds {
        let mut tasks = Vec::new();
        for (w, cookie) in cookies.iter().enumerate() {
            let cookie = cookie.clone();
            tasks.push(tokio::spawn(async move {
                let mut client = Client::new(port);
                client.cookie = Some(cookie);
                let (mut ids, mut refused) = (Vec::new(), 0);
                for n in 0.. {
                    let form =
                        reaction_form(plan, &format!("ronde+{round}+schrijver+{w}+bericht+{n}"));
                    match client.post("/api/post_reaction", &form).await {
                        Ok(answer) => match acknowledged_id(&answer) {
                            Some(id) => ids.push(id),
                            None => refused += 1,
                        },
                        Err(_) => break, // the server is gone
                    }
                }
                (ids, refused)
            }));
        }
        tokio::time::sleep(Duration::from_millis(rng.u64(300..=3_000))).await;
        server.kill(); // SIGKILL, then wait for the process
        let mut acknowledged = Vec::new();
        for task in tasks {
            let (ids, refused) = task.await?;
            acknowledged.extend(ids);
            figures.refused += refused;
        }
        // Starting again is part of the test: recovery from the crash.
        server = Server::start_with(root, url, port, false)?;
        figures.acknowledged += acknowledged.len();
        figures.missing += missing(db, plan, &acknowledged).await?;
        if db.backend == Backend::Sqlite {
            // On a connection of its own: one that read the search index before
            // the server wrote to it gets a false "malformed inverted index"
            // from SQLite 3.46 (see app/tests/db/sqlite_integrity.rs).
            let fresh = Db::connect(url, 1).await?;
            let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(&fresh.pool)
                .await?;
            fresh.pool.close().await;
            if check != ["ok"] {
                figures.damaged += 1;
                figures.first_damage.get_or_insert_with(|| check.join("; "));
            }
        }
        println!(
            "  crash round {round}/{rounds}: {} acknowledged, {} missing so far",
            acknowledged.len(),
            figures.missing
        );
    }
    Ok(figures)
}
