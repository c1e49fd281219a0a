//! The database: one sqlx `AnyPool` over SQLite (the embedded default) or
//! PostgreSQL (for several server instances), chosen by the URL.
//!
//! Queries are written once in the SQL both backends understand (`$1`
//! placeholders, `RETURNING`, integers for flags and unix-second times), so
//! each domain has a single `queries.rs`. The compile-time checked `query!`
//! macros cannot serve a runtime-chosen backend, so instead every query runs in
//! the database test suite against both real backends.

mod builder;
mod sqlite_rebuild;
mod statements;

pub use crate::statements_only;
pub use builder::SqlBuilder;
pub use statements::{all as all_statements, Flag, OptionalText, Statement};

use sqlx::{any::AnyPoolOptions, migrate::Migrator, Any, AnyPool, Executor, Transaction};
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Which engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Picks the backend from a database URL.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// The shared connection pool plus the backend it talks to.
#[derive(Debug, Clone)]
pub struct Db {
    /// The pool; cheap to clone.
    pub pool: AnyPool,
    /// Which engine it is.
    pub backend: Backend,
    /// This instance's live-update channel (see [`crate::live`]).
    pub live: crate::live::Bus,
    /// How strict rate limits are here (see [`crate::limits`]).
    pub limits: crate::limits::Limits,
}

/// How long a request waits for a database connection before it gets a 503
/// ("try again in a moment"). Long enough for a burst of writers on SQLite,
/// short enough that nobody stares at a spinner while the database is down.
pub const ACQUIRE_WAIT: Duration = Duration::from_secs(5);

impl Db {
    /// Connects, configures SQLite for concurrent use and applies migrations.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or_else(|| {
            sqlx::Error::Configuration(format!("unsupported DATABASE_URL: {url}").into())
        })?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(ACQUIRE_WAIT)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers continue while one writer writes; the busy
                        // timeout makes a second writer wait instead of failing.
                        conn.execute(
                            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                                      PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        let db = Db {
            pool,
            backend,
            live: crate::live::Bus::default(),
            limits: crate::limits::Limits::default(),
        };
        db.migrate().await?;
        Ok(db)
    }

    /// Applies the migrations of this backend.
    pub async fn migrate(&self) -> Result<(), sqlx::Error> {
        match self.backend {
            Backend::Sqlite => sqlite_rebuild::migrate(&self.pool, &SQLITE_MIGRATIONS).await,
            Backend::Postgres => POSTGRES_MIGRATIONS
                .run(&self.pool)
                .await
                .map_err(|e| sqlx::Error::Migrate(Box::new(e))),
        }
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock
    /// at once (`BEGIN IMMEDIATE`): a plain `BEGIN` that later upgrades to a
    /// writer fails with "database is locked" when another writer got there
    /// first, whereas an immediate one simply waits for the busy timeout.
    pub async fn write_tx(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// Seconds since the Unix epoch: how both backends store points in time.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
