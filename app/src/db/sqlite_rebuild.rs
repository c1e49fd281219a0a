//! Table rebuilds SQLite needs where PostgreSQL alters in place. SQLite
//! cannot change a CHECK constraint; its documented way is a new table,
//! filled and renamed, with foreign keys off. That pragma does nothing inside
//! a transaction, and sqlx runs every SQLite migration inside one, so the
//! rebuild runs here, between the migrations before and after it.

use sqlx::{migrate::Migrator, AnyPool, Executor};
use std::borrow::Cow;

/// The migration whose change is made here (its file only records it).
pub const ANSWER_KIND: i64 = 27;

/// `reactions` as of migration 27, with 'antwoord' among the kinds; the
/// columns and indexes are those of migrations 3, 7, 10 and 16.
const REBUILD_REACTIONS: &str = r"
BEGIN IMMEDIATE;
CREATE TABLE reactions_new (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    subject       TEXT    NOT NULL,
    parent_id     INTEGER REFERENCES reactions (id),
    kind          TEXT    NOT NULL
                  CHECK (kind IN ('herkenning', 'aanvulling', 'vraag', 'zorg', 'voorbeeld', 'antwoord')),
    source        TEXT    NOT NULL,
    html          TEXT    NOT NULL,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    guest_name    TEXT    NOT NULL DEFAULT '',
    guest_email   TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'rejected')),
    created_at    INTEGER NOT NULL,
    edited_at     INTEGER,
    root_id       INTEGER REFERENCES reactions (id),
    depth         INTEGER NOT NULL DEFAULT 0,
    hidden_reason TEXT,
    client_key    TEXT
);
INSERT INTO reactions_new (id, subject, parent_id, kind, source, html, user_id, guest_name, guest_email,
                           status, created_at, edited_at, root_id, depth, hidden_reason, client_key)
    SELECT id, subject, parent_id, kind, source, html, user_id, guest_name, guest_email,
           status, created_at, edited_at, root_id, depth, hidden_reason, client_key
    FROM reactions;
DROP TABLE reactions;
ALTER TABLE reactions_new RENAME TO reactions;
CREATE INDEX reactions_by_subject ON reactions (subject, created_at, id);
CREATE INDEX reactions_pending ON reactions (status, created_at);
CREATE INDEX reactions_tops ON reactions (subject, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX reactions_by_root ON reactions (root_id, created_at, id);
CREATE UNIQUE INDEX reactions_by_client_key ON reactions (client_key) WHERE client_key IS NOT NULL;
COMMIT;
";

/// Runs the SQLite migrations, with the rebuild of [`ANSWER_KIND`] after the
/// ones before it.
pub async fn migrate(pool: &AnyPool, all: &Migrator) -> Result<(), sqlx::Error> {
    // sqlx has no public way to run migrations up to a version; its fields
    // are public (for `migrate!`), and Cargo.lock pins the version.
    let mut before = Migrator {
        migrations: Cow::Owned(
            all.iter()
                .filter(|m| m.version < ANSWER_KIND)
                .cloned()
                .collect(),
        ),
        ..Migrator::DEFAULT
    };
    // Later migrations already applied are not an error here.
    before.set_ignore_missing(true);
    let failed = |e| sqlx::Error::Migrate(Box::new(e));
    before.run(pool).await.map_err(failed)?;
    widen_reaction_kinds(pool).await?;
    all.run(pool).await.map_err(failed)
}

/// Rebuilds `reactions` unless its kinds already include 'antwoord' (so a
/// rebuild cut off before its migration was recorded is not done twice).
async fn widen_reaction_kinds(pool: &AnyPool) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let schema: Option<String> = sqlx::query_scalar(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'reactions'",
    )
    .fetch_optional(&mut *conn)
    .await?;
    if schema.is_none_or(|sql| sql.contains("'antwoord'")) {
        return Ok(());
    }
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let rebuilt = conn.execute(REBUILD_REACTIONS).await;
    if rebuilt.is_err() {
        let _ = conn.execute("ROLLBACK").await;
    }
    // The connection goes back to the pool: keys on again in any case.
    conn.execute("PRAGMA foreign_keys = ON").await?;
    let problems: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&mut *conn)
        .await?;
    if let Some((table,)) = problems.first() {
        return Err(sqlx::Error::Protocol(format!(
            "after rebuilding reactions, {table} has a dangling reference"
        )));
    }
    rebuilt.map(|_| ())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

    use super::*;
    use crate::db::SQLITE_MIGRATIONS;
    use sqlx::any::AnyPoolOptions;

    /// A database file as it was before migration 27, with a reply, an
    /// edited reaction's earlier text (a child row that a careless DROP
    /// would delete through ON DELETE CASCADE) and a mention.
    async fn database_at_26() -> (AnyPool, std::path::PathBuf) {
        sqlx::any::install_default_drivers();
        let path =
            std::env::temp_dir().join(format!("wijkplein-rebuild-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let pool = AnyPoolOptions::new()
            .max_connections(2)
            .after_connect(|conn, _| {
                Box::pin(async move { conn.execute("PRAGMA foreign_keys = ON").await.map(|_| ()) })
            })
            .connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let mut before = Migrator {
            migrations: Cow::Owned(
                SQLITE_MIGRATIONS
                    .iter()
                    .filter(|m| m.version < ANSWER_KIND)
                    .cloned()
                    .collect(),
            ),
            ..Migrator::DEFAULT
        };
        before.set_ignore_missing(true);
        before.run(&pool).await.unwrap();
        pool.execute(
            "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (1, 'a@b.nl', 'Anna', 'x', 1);
             INSERT INTO reactions (id, subject, kind, source, html, user_id, status, created_at)
                 VALUES (1, 'manifest', 'vraag', 'Hoe laat?', '<p>Hoe laat?</p>', 1, 'published', 1);
             INSERT INTO reactions (id, subject, parent_id, root_id, depth, kind, source, html, user_id, status, created_at)
                 VALUES (2, 'manifest', 1, 1, 1, 'aanvulling', 'Acht uur.', '<p>Acht uur.</p>', 1, 'published', 2);
             INSERT INTO reaction_versions (reaction_id, kind, source, written_at, replaced_at)
                 VALUES (1, 'vraag', 'Hoe laat dan?', 1, 3);",
        )
        .await
        .unwrap();
        (pool, path)
    }

    #[tokio::test]
    async fn the_rebuild_keeps_every_row_and_reference() {
        let (pool, path) = database_at_26().await;
        let refused = pool
            .execute("UPDATE reactions SET kind = 'antwoord' WHERE id = 2")
            .await;
        assert!(refused.is_err(), "before 27 an answer is not a kind");

        migrate(&pool, &SQLITE_MIGRATIONS).await.unwrap();
        // Twice is the same as once.
        migrate(&pool, &SQLITE_MIGRATIONS).await.unwrap();

        pool.execute("UPDATE reactions SET kind = 'antwoord' WHERE id = 2")
            .await
            .unwrap();
        let rows: Vec<(i64, Option<i64>, String)> =
            sqlx::query_as("SELECT id, parent_id, kind FROM reactions ORDER BY id")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(
            rows,
            vec![(1, None, "vraag".into()), (2, Some(1), "antwoord".into())]
        );
        let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reaction_versions")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(versions, 1, "the earlier text survived the rebuild");
        // New ids go on from the old ones, and references still hold.
        pool.execute(
            "INSERT INTO reactions (subject, kind, source, html, status, created_at)
                 VALUES ('manifest', 'zorg', 'Zo.', '<p>Zo.</p>', 'published', 4)",
        )
        .await
        .unwrap();
        let newest: i64 = sqlx::query_scalar("SELECT MAX(id) FROM reactions")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(newest, 3);
        let dangling: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert!(dangling.is_empty());
        pool.close().await;
        let _ = std::fs::remove_file(path);
    }
}
