//! Every static statement of the app is valid SQL for both backends, against
//! the real schema: preparing it makes the database parse it and resolve every
//! table and column, so a typo in a query that runs once a month fails here.
//! The companion check reads the source: SQL lives in `statements!` blocks
//! (or a `SqlBuilder`), and every module with such a block is listed in
//! `app::db::all_statements`, so no statement escapes this test.

use app::db_test;
use sqlx::Executor;
use std::path::{Path, PathBuf};

db_test!(every_statement_prepares, |db: app::db::Db| async move {
    let mut conn = db.pool.acquire().await.unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for (module, statements) in app::db::all_statements() {
        for statement in statements {
            if statement.only.is_some_and(|only| only != db.backend) {
                continue;
            }
            count += 1;
            let sql = statement.sql;
            if let Err(err) = (&mut *conn).prepare(sql).await {
                failures.push(format!("{module} ({:?}): {err}\n  {sql}", db.backend));
            }
        }
    }
    assert!(count > 150, "only {count} statements listed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
});

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `app/src/plans/queries.rs` → `plans::queries`.
fn module_path(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap().with_extension("");
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("::")
}

/// Modules allowed to build SQL with `format!`, and why.
const DYNAMIC: &[(&str, &str)] = &[
    (
        "privacy::delete",
        "one DELETE per table of the closed list privacy::tables",
    ),
    (
        "privacy::export",
        "one SELECT per table of the closed list privacy::tables",
    ),
    (
        "db::sqlite_rebuild",
        "SQLite's schema rebuild during migration, before any statement runs; tested in its module",
    ),
    (
        "search::query",
        "PostgreSQL search assembled from fixed pieces, tested in search.rs",
    ),
    (
        "testing",
        "test set-up: creates and drops databases by name",
    ),
];

#[test]
fn sql_lives_in_listed_statement_blocks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let listed: Vec<&str> = app::db::all_statements().iter().map(|(m, _)| *m).collect();
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let module = module_path(&root, file);
        // A block inside a file's own module (`limits::queries`) counts too.
        let is_listed = listed
            .iter()
            .any(|m| *m == module || m.starts_with(&format!("{module}::")));
        if text.contains("crate::statements! {") && !is_listed {
            problems.push(format!(
                "{module} declares statements but is not in all_statements()"
            ));
        }
        if DYNAMIC.iter().any(|(m, _)| *m == module) {
            continue;
        }
        let compact: String = text.split_whitespace().collect();
        for (at, _) in compact.match_indices("sqlx::query") {
            let rest = &compact[at..];
            let Some(open) = rest.find('(') else { continue };
            // `query_with` and friends take a `SqlBuilder`'s finished text.
            if rest[..open].contains("_with") {
                continue;
            }
            let call = &rest[open + 1..];
            // A constant or a variable holding one is fine; text, a
            // format! or a borrowed String is SQL made on the spot.
            if call.starts_with('"')
                || call.starts_with("r#")
                || call.starts_with('&')
                || call.starts_with("format!")
            {
                problems.push(format!(
                    "{module}: SQL outside a statements! block: {}",
                    &rest[..rest.len().min(60)]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Pages, islands and server functions read through their domain's service,
/// never its queries, so what a page shows and what a server function allows
/// follow the same rules. The server crate does the same.
#[test]
fn pages_read_through_services() {
    let app_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let server_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src");
    let mut files = Vec::new();
    rust_files(&app_src, &mut files);
    let app_files = files.len();
    rust_files(&server_src, &mut files);
    let mut problems = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).unwrap();
        let renders = ["#[component]", "#[island]", "#[server"]
            .iter()
            .any(|mark| text.contains(mark));
        if (renders || n >= app_files) && text.contains("queries::") {
            problems.push(file.display().to_string());
        }
    }
    assert!(problems.is_empty(), "reads around a service: {problems:?}");
}
