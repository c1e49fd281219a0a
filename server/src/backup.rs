//! Backups while the site runs, and restoring one into an empty database,
//! with each backend's own consistent tools: SQLite's `VACUUM INTO` (one
//! transaction, so a snapshot, written as a plain database file) and
//! PostgreSQL's `pg_dump` (a snapshot in one transaction) with `pg_restore`.
//!
//! `wijkplein backup <file>` and `wijkplein restore <file>` use
//! `DATABASE_URL`. A restore refuses a database that already has tables, so
//! it can never mix two sets of data.

use app::db::Backend;
use sqlx::{any::AnyPoolOptions, AnyPool};
use std::path::Path;

/// What went wrong, in words for whoever runs the command.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The database answered with an error.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A file could not be read or written, or a tool could not start.
    #[error("file or tool: {0}")]
    Io(#[from] std::io::Error),
    /// `pg_dump` or `pg_restore` failed; their own message follows.
    #[error("{tool} failed: {message}")]
    Tool {
        /// Which tool.
        tool: &'static str,
        /// What it printed.
        message: String,
    },
    /// The request itself cannot be carried out.
    #[error("{0}")]
    Refused(String),
}

/// Writes a consistent backup of the database at `url` to `file`, which must
/// not exist yet.
pub async fn backup(url: &str, file: &Path) -> Result<(), BackupError> {
    if file.exists() {
        return Err(BackupError::Refused(format!(
            "{} exists already; choose a new file name",
            file.display()
        )));
    }
    match backend(url)? {
        Backend::Sqlite => {
            let pool = connect(url).await?;
            sqlx::query("VACUUM INTO $1")
                .bind(file.to_string_lossy().into_owned())
                .execute(&pool)
                .await?;
            pool.close().await;
            Ok(())
        }
        Backend::Postgres => {
            run_tool(
                "pg_dump",
                &[
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    &file.to_string_lossy(),
                    "--dbname",
                    url,
                ],
            )
            .await
        }
    }
}

/// Restores `file` (made by [`backup`] for the same backend) into the empty
/// database at `url`.
pub async fn restore(url: &str, file: &Path) -> Result<(), BackupError> {
    if !file.is_file() {
        return Err(BackupError::Refused(format!(
            "{} is not a file",
            file.display()
        )));
    }
    let backend = backend(url)?;
    if backend == Backend::Sqlite && !Path::new(&sqlite_path(url)).exists() {
        std::fs::copy(file, sqlite_path(url))?;
        return Ok(());
    }
    let pool = connect(url).await?;
    let tables: i64 = sqlx::query_scalar(match backend {
        Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
        Backend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        }
    })
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    if tables > 0 {
        return Err(BackupError::Refused(
            "the database to restore into is not empty; restore into a new, empty one".into(),
        ));
    }
    match backend {
        Backend::Sqlite => {
            // An empty database file: the backup takes its place.
            std::fs::copy(file, sqlite_path(url))?;
            Ok(())
        }
        Backend::Postgres => {
            run_tool(
                "pg_restore",
                &[
                    "--no-owner",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                    url,
                    &file.to_string_lossy(),
                ],
            )
            .await
        }
    }
}

fn backend(url: &str) -> Result<Backend, BackupError> {
    Backend::from_url(url).ok_or_else(|| {
        BackupError::Refused("DATABASE_URL is neither sqlite:// nor postgres://".into())
    })
}

async fn connect(url: &str) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    AnyPoolOptions::new().max_connections(1).connect(url).await
}

/// The file of a `sqlite://path?options` address.
fn sqlite_path(url: &str) -> String {
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    rest.split('?').next().unwrap_or(rest).to_owned()
}

async fn run_tool(tool: &'static str, args: &[&str]) -> Result<(), BackupError> {
    let out = tokio::process::Command::new(tool)
        .args(args)
        .output()
        .await?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool {
            tool,
            message: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn the_file_of_a_sqlite_address() {
        assert_eq!(sqlite_path("sqlite:///tmp/a.db?mode=rwc"), "/tmp/a.db");
        assert_eq!(sqlite_path("sqlite://wijkplein.db"), "wijkplein.db");
        assert_eq!(sqlite_path("sqlite:data/w.db?mode=rwc"), "data/w.db");
    }
}
