//! Multi-row inserts: a national data set has millions of rows, and one
//! statement per row would take SQLite many minutes. Rows collect in a buffer
//! and go out a few thousand parameters at a time, with explicit ids (on
//! PostgreSQL `OVERRIDING SYSTEM VALUE`), so the generator knows every id
//! without reading it back.

use app::db::Backend;
use sqlx::AnyConnection;

/// One value of a row.
pub enum V {
    I(i64),
    T(String),
    Null,
}

/// Rows waiting to be written to one table.
pub struct Batch {
    table: &'static str,
    columns: &'static [&'static str],
    backend: Backend,
    rows: Vec<Vec<V>>,
    /// Rows written so far.
    pub written: u64,
}

/// Parameters per statement: well under SQLite's and PostgreSQL's limits.
const PARAMETERS: usize = 6_000;

impl Batch {
    pub fn new(backend: Backend, table: &'static str, columns: &'static [&'static str]) -> Batch {
        Batch {
            table,
            columns,
            backend,
            rows: Vec::new(),
            written: 0,
        }
    }

    /// Adds a row; says whether the buffer is full. The caller then flushes
    /// its batches parents first, so no row points at one not yet written.
    pub fn push(&mut self, row: Vec<V>) -> bool {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
        self.rows.len() * self.columns.len() >= PARAMETERS
    }

    /// Writes what is buffered, a statement per few thousand parameters.
    pub async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        let per_statement = (PARAMETERS / self.columns.len()).max(1);
        let rows = std::mem::take(&mut self.rows);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<Vec<V>> = rows.by_ref().take(per_statement).collect();
            self.insert(conn, chunk).await.inspect_err(|err| {
                eprintln!("[seed] writing {} failed: {err}", self.table);
            })?;
        }
        Ok(())
    }

    async fn insert(
        &mut self,
        conn: &mut AnyConnection,
        rows: Vec<Vec<V>>,
    ) -> Result<(), sqlx::Error> {
        let width = self.columns.len();
        let mut sql = format!("INSERT INTO {} ({})", self.table, self.columns.join(", "));
        if self.backend == Backend::Postgres && self.columns.first() == Some(&"id") {
            sql.push_str(" OVERRIDING SYSTEM VALUE");
        }
        sql.push_str(" VALUES ");
        for r in 0..rows.len() {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..width {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", r * width + c + 1));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        for value in rows.into_iter().flatten() {
            query = match value {
                V::I(n) => query.bind(n),
                V::T(s) => query.bind(s),
                V::Null => query.bind(None::<i64>),
            };
        }
        let done = query.execute(&mut *conn).await?;
        self.written += done.rows_affected();
        Ok(())
    }
}

/// Flushes batches in the order given (parents first).
pub async fn flush_all(
    conn: &mut AnyConnection,
    batches: &mut [&mut Batch],
) -> Result<(), sqlx::Error> {
    for batch in batches.iter_mut() {
        batch.flush(conn).await?;
    }
    Ok(())
}

/// After explicit ids, PostgreSQL's identity must continue after the highest.
pub async fn continue_ids(
    conn: &mut AnyConnection,
    backend: Backend,
    table: &str,
) -> Result<(), sqlx::Error> {
    if backend == Backend::Postgres {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
        ))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
