//! The README's "Running it in production": the real binary, started with
//! nothing but `DATABASE_URL`, on an empty database, makes no account; and
//! demo data is refused where it would be dangerous.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::mpsc,
    time::Duration,
};

/// Starts the server binary with exactly `vars` as its environment and
/// returns what it logged once it listens, or once it exits. It is stopped
/// afterwards either way.
fn run_until_ready(vars: &[(&str, &str)]) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wijkplein"))
        .env_clear()
        .envs(vars.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (sender, lines) = mpsc::channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let sender = sender.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
    }
    drop(sender);
    let mut log = String::new();
    let mut listening = false;
    // Both reader threads end when the process exits, which ends the loop.
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(60)) {
        log.push_str(&line);
        log.push('\n');
        if line.contains("Wijkplein listens on") {
            listening = true;
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    (listening, log)
}

async fn account_count(url: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    count
}

async fn only_database_url_makes_no_account(url: String) {
    let (listening, log) = run_until_ready(&[("DATABASE_URL", &url)]);
    // The default address (127.0.0.1:3000) may be taken on a developer's
    // machine; then the server stops at binding, after every start-up step.
    assert!(
        listening || log.contains("Address already in use"),
        "the server did not start:\n{log}"
    );
    assert!(!log.contains("demo data"), "{log}");
    let accounts = account_count(&url).await;
    app::testing::remove_database(&url).await;
    assert_eq!(accounts, 0, "no account: {log}");
}

#[tokio::test]
async fn with_only_database_url_sqlite_has_no_account() {
    only_database_url_makes_no_account(app::testing::sqlite_url()).await;
}

#[tokio::test]
async fn with_only_database_url_postgres_has_no_account() {
    if let Some(url) = app::testing::empty_postgres().await {
        only_database_url_makes_no_account(url).await;
    }
}

#[tokio::test]
async fn demo_is_refused_over_tls() {
    let url = app::testing::sqlite_url();
    let (listening, log) = run_until_ready(&[
        ("DATABASE_URL", &url),
        ("WIJKPLEIN_DEMO", "1"),
        ("WIJKPLEIN_SECURE_COOKIES", "1"),
        ("WIJKPLEIN_LISTEN", "127.0.0.1:0"),
    ]);
    app::testing::remove_database(&url).await;
    assert!(!listening, "{log}");
    assert!(
        log.contains(server::config::DEMO_WITH_SECURE_COOKIES),
        "{log}"
    );
}

#[tokio::test]
async fn demo_is_refused_beside_real_accounts() {
    let url = app::testing::sqlite_url();
    let db = app::db::Db::connect(&url, 2).await.unwrap();
    app::testing::person(&db, "echt@buurt.nl").await;
    db.pool.close().await;
    let (listening, log) = run_until_ready(&[
        ("DATABASE_URL", &url),
        ("WIJKPLEIN_DEMO", "1"),
        ("WIJKPLEIN_LISTEN", "127.0.0.1:0"),
    ]);
    let accounts = account_count(&url).await;
    app::testing::remove_database(&url).await;
    assert!(!listening, "{log}");
    assert!(log.contains("not demo accounts"), "{log}");
    assert_eq!(accounts, 1, "nothing added: {log}");
}
