//! Queries whose shape depends on the input (optional filters, `IN` lists).
//!
//! `sqlx::QueryBuilder` would be the natural tool, but over the `Any` driver it
//! writes `?` placeholders, which PostgreSQL rejects (sqlx issue #3000, still
//! open in 0.8). [`SqlBuilder`] does the same job with numbered `$N`
//! placeholders, which both backends accept, so values are always bound and
//! never pasted into the SQL text.

use sqlx::{any::AnyArguments, Any, Arguments, Encode, Type};
use std::fmt::Write;

/// SQL text plus the values bound to its placeholders, in order.
pub struct SqlBuilder<'q> {
    sql: String,
    args: AnyArguments<'q>,
    count: usize,
    error: Option<sqlx::error::BoxDynError>,
}

impl<'q> SqlBuilder<'q> {
    /// Starts with a fixed piece of SQL.
    pub fn new(start: &str) -> Self {
        SqlBuilder {
            sql: start.to_owned(),
            args: AnyArguments::default(),
            count: 0,
            error: None,
        }
    }

    /// Appends SQL text (never a value: values go through [`Self::push_bind`]).
    pub fn push(&mut self, text: &str) -> &mut Self {
        self.sql.push_str(text);
        self
    }

    /// Appends the next placeholder and binds `value` to it.
    pub fn push_bind<T>(&mut self, value: T) -> &mut Self
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
    {
        self.count += 1;
        let _ = write!(self.sql, "${}", self.count);
        if let Err(err) = self.args.add(value) {
            self.error.get_or_insert(err);
        }
        self
    }

    /// Appends `(a, b, c)` with one bound value each; for `IN` lists. An
    /// empty list becomes `(NULL)`, which matches nothing.
    pub fn push_list<T, I>(&mut self, values: I) -> &mut Self
    where
        T: 'q + Encode<'q, Any> + Type<Any>,
        I: IntoIterator<Item = T>,
    {
        self.push("(");
        let mut first = true;
        for value in values {
            if !first {
                self.push(", ");
            }
            first = false;
            self.push_bind(value);
        }
        if first {
            self.push("NULL");
        }
        self.push(")")
    }

    /// The finished SQL and its arguments, for `sqlx::query_with` and friends.
    pub fn finish(self) -> Result<(String, AnyArguments<'q>), sqlx::Error> {
        match self.error {
            Some(err) => Err(sqlx::Error::Encode(err)),
            None => Ok((self.sql, self.args)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SqlBuilder;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut b = SqlBuilder::new("SELECT 1 WHERE a = ");
        b.push_bind(7_i64).push(" AND b IN ").push_list(["x", "y"]);
        let (sql, _) = b.finish().map_err(|e| e.to_string()).unwrap_or_default();
        assert_eq!(sql, "SELECT 1 WHERE a = $1 AND b IN ($2, $3)");
    }

    #[test]
    fn an_empty_list_matches_nothing() {
        let mut b = SqlBuilder::new("x IN ");
        b.push_list(Vec::<i64>::new());
        let (sql, _) = b.finish().map_err(|e| e.to_string()).unwrap_or_default();
        assert_eq!(sql, "x IN (NULL)");
    }
}
