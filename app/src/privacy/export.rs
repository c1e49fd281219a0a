//! "Download my data": every row about the person from every table in
//! [`super::tables::PERSONAL`], with every column but the secrets, as JSON.
//! Rows are read with `SELECT *`, so a column added later is in the file
//! without a change here.

use super::tables::{PERSONAL, SECRET_COLUMNS};
use crate::{
    db::{now, Db},
    error::AppResult,
};
use serde_json::{Map, Value};
use sqlx::{any::AnyRow, Column, Row};

/// The person's data: `{"exported_at": …, "tables": {"users": [{…}], …}}`.
pub async fn export(db: &Db, user_id: i64) -> AppResult<Value> {
    let mut tables = Map::new();
    for (table, condition) in PERSONAL {
        let sql = format!("SELECT * FROM {table} WHERE {condition}");
        let rows = sqlx::query(&sql).bind(user_id).fetch_all(&db.pool).await?;
        let rows: Vec<Value> = rows.iter().map(|row| to_json(table, row)).collect();
        tables.insert((*table).to_owned(), Value::Array(rows));
    }
    let mut root = Map::new();
    root.insert("exported_at".into(), Value::from(now()));
    root.insert("tables".into(), Value::Object(tables));
    Ok(Value::Object(root))
}

/// One row as a JSON object, whatever its column types on either backend.
fn to_json(table: &str, row: &AnyRow) -> Value {
    let mut object = Map::new();
    for column in row.columns() {
        let name = column.name();
        if SECRET_COLUMNS.contains(&(table, name)) {
            continue;
        }
        object.insert(name.to_owned(), value(row, column.ordinal()));
    }
    Value::Object(object)
}

fn value(row: &AnyRow, i: usize) -> Value {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<i32>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
        return v.map(Value::from).unwrap_or(Value::Null);
    }
    if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
        return v
            .map(|bytes| Value::from(format!("({} bytes)", bytes.len())))
            .unwrap_or(Value::Null);
    }
    Value::Null
}
