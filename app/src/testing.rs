//! Fresh databases for tests: each test gets its own SQLite file or its own
//! PostgreSQL database, so tests never see each other's rows.
//!
//! PostgreSQL tests use `TEST_DATABASE_URL` (a server URL; a database per test
//! is created on it). `scripts/test.sh` starts a throwaway server and sets it.
//! Without it they are skipped with a message, unless `WIJKPLEIN_REQUIRE_PG=1`,
//! which the test script sets so that CI can never skip them silently.

use crate::{
    accounts::{queries, signup, Viewer},
    db::Db,
};
use sqlx::{any::AnyPoolOptions, Executor};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The address of a new, empty SQLite file in the temporary folder, for
/// tests that open more than one connection pool on the same file.
pub fn sqlite_url() -> String {
    let path = std::env::temp_dir().join(format!("{}.db", unique_name("wijkplein_test")));
    format!("sqlite://{}?mode=rwc", path.display())
}

/// A new SQLite database in the system temp folder, migrated.
pub async fn sqlite() -> Db {
    sqlite_at(&sqlite_url()).await
}

/// The SQLite database at `url` (from [`sqlite_url`]), migrated.
pub async fn sqlite_at(url: &str) -> Db {
    match Db::connect(url, 4).await {
        Ok(db) => db,
        Err(err) => panic!("could not create test SQLite database: {err}"),
    }
}

/// A new PostgreSQL database on the test server, migrated; `None` when no
/// test server is configured (and none is required).
pub async fn postgres() -> Option<Db> {
    postgres_with_url().await.map(|(db, _)| db)
}

/// Like [`postgres`], with the new database's URL, for tests that open a
/// second connection to it (a second server instance).
pub async fn postgres_with_url() -> Option<(Db, String)> {
    let url = empty_postgres().await?;
    match Db::connect(&url, 4).await {
        Ok(db) => Some((db, url)),
        Err(err) => panic!("could not connect to test database {url}: {err}"),
    }
}

/// The URL of a new, empty (not migrated) PostgreSQL database on the test
/// server; `None` when no test server is configured (and none is required).
pub async fn empty_postgres() -> Option<String> {
    let Ok(server) = std::env::var("TEST_DATABASE_URL") else {
        if std::env::var("WIJKPLEIN_REQUIRE_PG").as_deref() == Ok("1") {
            panic!("TEST_DATABASE_URL is not set, but WIJKPLEIN_REQUIRE_PG=1");
        }
        eprintln!("skipping a PostgreSQL test: TEST_DATABASE_URL is not set");
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = unique_name("wijkplein_test");
    let admin = match AnyPoolOptions::new()
        .max_connections(1)
        .connect(&server)
        .await
    {
        Ok(pool) => pool,
        Err(err) => panic!("could not reach TEST_DATABASE_URL: {err}"),
    };
    if let Err(err) = admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
    {
        panic!("could not create test database {name}: {err}");
    }
    admin.close().await;
    let (base, _) = server.rsplit_once('/').unwrap_or((&server, ""));
    Some(format!("{base}/{name}"))
}

/// Runs the same async test body once on SQLite and once on PostgreSQL:
/// `db_test!(name, |db| async move { ... });` makes `name::sqlite` and
/// `name::postgres`. Each test's database is removed when it ends, also when
/// it fails (see [`run_then_remove`]).
#[macro_export]
macro_rules! db_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let url = $crate::testing::sqlite_url();
                let db = $crate::testing::sqlite_at(&url).await;
                $crate::testing::run_then_remove(($body)(db), &url).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some((db, url)) = $crate::testing::postgres_with_url().await {
                    $crate::testing::run_then_remove(($body)(db), &url).await;
                }
            }
        }
    };
}

/// Runs a test body, then removes its database (`url`), and only then
/// passes on a failure: a failing test leaves nothing behind either.
pub async fn run_then_remove(body: impl std::future::Future<Output = ()>, url: &str) {
    use futures::FutureExt;
    let outcome = std::panic::AssertUnwindSafe(body).catch_unwind().await;
    remove_database(url).await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Removes a test database: the SQLite file with its journal files, or the
/// PostgreSQL database (closing what still uses it).
pub async fn remove_database(url: &str) {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let path = path.split('?').next().unwrap_or(path);
        for suffix in ["", "-wal", "-shm"] {
            // Already gone is fine: nothing to clean.
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
        return;
    }
    let (Ok(server), Some((_, name))) = (std::env::var("TEST_DATABASE_URL"), url.rsplit_once('/'))
    else {
        return;
    };
    let Ok(admin) = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&server)
        .await
    else {
        eprintln!("could not reach TEST_DATABASE_URL to drop {name}");
        return;
    };
    if let Err(err) = admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
    {
        eprintln!("could not drop test database {name}: {err}");
    }
    admin.close().await;
}

/// The password of every test person made by [`person`].
pub const PASSWORD: &str = "Fietsbel-Lindeboom-42";

/// Test fixture: a registered resident named after their email address.
pub async fn person(db: &Db, email: &str) -> Viewer {
    let form = signup::Registration {
        email: email.into(),
        display_name: format!("Buur {email}"),
        password: PASSWORD.into(),
        role: "bewoner".into(),
    };
    let id = signed_up(db, form).await;
    match queries::find_viewer(&db.pool, id).await {
        Ok(Some(viewer)) => viewer,
        other => panic!("could not load {email}: {other:?}"),
    }
}

/// Test fixture: the id of the account made by signing up with `form` and
/// using the link at once.
pub async fn signed_up(db: &Db, form: signup::Registration) -> i64 {
    let email = form.email.clone();
    let code = match signup::sign_up(db, form).await {
        Ok(Some(signup::SignupMail::Confirm { code, .. })) => code,
        other => panic!("could not sign up {email}: {other:?}"),
    };
    match signup::confirm(db, &code).await {
        Ok(id) => id,
        Err(err) => panic!("could not confirm {email}: {err:?}"),
    }
}

/// Test fixture: a fresh code for the newest sign-up waiting for `email`,
/// as if read from its mail (the mailed one is stored only as a hash). For
/// HTTP tests, which follow the link through the router; the tests with the
/// SMTP sink read the real mail.
pub async fn confirmation_code(db: &Db, email: &str) -> String {
    let code = crate::accounts::token::new_code();
    let changed = sqlx::query(
        "UPDATE pending_registrations SET token_hash = $1 WHERE token_hash =
             (SELECT token_hash FROM pending_registrations WHERE email = $2
               ORDER BY created_at DESC LIMIT 1)",
    )
    .bind(crate::accounts::token::code_hash(&code))
    .bind(email)
    .execute(&db.pool)
    .await;
    match changed {
        Ok(done) if done.rows_affected() == 1 => code,
        other => panic!("no sign-up waiting for {email}: {other:?}"),
    }
}

/// Test fixture: a registered person who is a platform administrator.
pub async fn admin(db: &Db, email: &str) -> Viewer {
    let viewer = person(db, email).await;
    if let Err(err) = sqlx::query("UPDATE users SET is_admin = 1 WHERE id = $1")
        .bind(viewer.id)
        .execute(&db.pool)
        .await
    {
        panic!("could not make {email} an admin: {err}");
    }
    Viewer {
        is_admin: true,
        ..viewer
    }
}

/// Test fixture: a plain green PNG of the given size.
pub fn sample_png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([30, 110, 90]));
    let mut out = Vec::new();
    if let Err(err) = image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
    {
        panic!("could not make a sample PNG: {err}");
    }
    out
}

/// The local SMTP sink that `scripts/test.sh` starts (Python's `aiosmtpd`
/// writing to a Maildir): its SMTP URL (`TEST_SMTP_URL`) and the Maildir
/// (`TEST_MAILDIR`). `None` skips a mail test, unless `WIJKPLEIN_REQUIRE_PG=1`
/// (CI), which makes a missing sink a failure.
pub fn mail_sink() -> Option<(String, std::path::PathBuf)> {
    match (
        std::env::var("TEST_SMTP_URL"),
        std::env::var("TEST_MAILDIR"),
    ) {
        (Ok(url), Ok(dir)) => Some((url, dir.into())),
        _ if std::env::var("WIJKPLEIN_REQUIRE_PG").as_deref() == Ok("1") => {
            panic!("TEST_SMTP_URL and TEST_MAILDIR are not set, but WIJKPLEIN_REQUIRE_PG=1")
        }
        _ => {
            eprintln!("skipping a mail test: TEST_SMTP_URL is not set");
            None
        }
    }
}

/// A public address no other test uses, so a test finds its own mails in
/// the shared sink (every link in them starts with it).
pub fn unique_base_url() -> String {
    format!(
        "http://{}.wijkplein.test",
        unique_name("mail").replace('_', "-")
    )
}

/// Every message in the sink's Maildir (`new/` and `cur/`), as raw bytes
/// (bodies may be encoded, so tests decode them before they look inside).
pub fn sink_messages(maildir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut found = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(entries) = std::fs::read_dir(maildir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                found.push(bytes);
            }
        }
    }
    found
}
