//! Backup and restore on both backends: a backup made while the database is
//! in use, restored into an empty database, gives exactly the same rows in
//! every table, and the restored database serves logins. A restore into a
//! database with data is refused.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::url_of;

use app::{
    accounts::service as accounts,
    db::{Backend, Db},
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    testing::person,
};
use server::backup::{backup, restore};
use sqlx::{any::AnyPoolOptions, AnyPool, Executor};
use std::collections::BTreeMap;

/// Every table's rows, each as one line of text, sorted.
async fn contents(pool: &AnyPool, backend: Backend) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(match backend {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
              WHERE table_schema = current_schema()"
        }
    })
    .fetch_all(pool)
    .await
    .unwrap();
    let mut all = BTreeMap::new();
    for table in tables {
        let sql = match backend {
            Backend::Postgres => format!("SELECT CAST(t AS TEXT) FROM {table} t"),
            Backend::Sqlite => {
                let columns: Vec<String> =
                    sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
                        .bind(&table)
                        .fetch_all(pool)
                        .await
                        .unwrap();
                let quoted: Vec<String> =
                    columns.iter().map(|c| format!("quote(\"{c}\")")).collect();
                format!("SELECT {} FROM \"{table}\"", quoted.join(" || '|' || "))
            }
        };
        let mut rows: Vec<String> = sqlx::query_scalar(&sql).fetch_all(pool).await.unwrap();
        rows.sort();
        all.insert(table, rows);
    }
    all
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// A new, empty database (no tables) on the same server, and its URL.
async fn empty_database(db: &Db) -> String {
    match db.backend {
        Backend::Sqlite => {
            let path = std::env::temp_dir().join(format!(
                "wijkplein_test_restore_{}_{}.db",
                std::process::id(),
                unique()
            ));
            format!("sqlite://{}?mode=rwc", path.display())
        }
        Backend::Postgres => {
            let server = std::env::var("TEST_DATABASE_URL").unwrap();
            let name = format!("wijkplein_test_restore_{}_{}", std::process::id(), unique());
            let admin = AnyPoolOptions::new()
                .max_connections(1)
                .connect(&server)
                .await
                .unwrap();
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            admin.close().await;
            format!("{}/{name}", server.rsplit_once('/').unwrap().0)
        }
    }
}

db_test!(
    a_restored_backup_holds_exactly_the_same_data,
    |db: Db| async move {
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        discussion::post(
            &db,
            Some(&anna),
            ReactionForm::member(
                "manifest:lange-termijn",
                "herkenning",
                "Dit herken ik, **echt**: ‘één’ café.",
            ),
            "10.0.0.1",
        )
        .await
        .unwrap();
        let source = url_of(&db).await;
        let file = std::env::temp_dir().join(format!(
            "wijkplein_test_backup_{}_{}.bak",
            std::process::id(),
            unique()
        ));

        let expected = contents(&db.pool, db.backend).await;
        backup(&source, &file).await.unwrap();
        // Writing goes on after the backup; the backup does not see it.
        person(&db, "later@buurt.nl").await;
        let refused = backup(&source, &file).await.unwrap_err();
        assert!(refused.to_string().contains("exists already"), "{refused}");

        let target = empty_database(&db).await;
        restore(&target, &file).await.unwrap();
        let restored = Db::connect(&target, 2).await.unwrap();
        let actual = contents(&restored.pool, restored.backend).await;
        for table in [
            "users",
            "reactions",
            "search_docs",
            "manifest_versions",
            "_sqlx_migrations",
        ] {
            assert!(!expected[table].is_empty(), "{table} has rows to compare");
        }
        assert_eq!(
            expected.keys().collect::<Vec<_>>(),
            actual.keys().collect::<Vec<_>>()
        );
        for (table, rows) in &expected {
            assert_eq!(rows, &actual[table], "table {table}");
        }
        // The restored database works: Anna logs in.
        accounts::authenticate(&restored, "anna@buurt.nl", "Fietsbel-Lindeboom-42", "ip")
            .await
            .unwrap();

        // A database with data is never restored into.
        let refused = restore(&target, &file).await.unwrap_err();
        assert!(refused.to_string().contains("not empty"), "{refused}");
        let _ = std::fs::remove_file(&file);
    }
);
