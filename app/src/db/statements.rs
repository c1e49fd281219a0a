//! Static SQL as named constants, and the list of all of them.
//!
//! The checked `query!` macros cannot serve a backend chosen at run time, so
//! every module that talks to the database declares its SQL with
//! [`statements!`]. That keeps the SQL of a domain in one place, and lets one
//! test (`app/tests/db/statements.rs`) prepare every statement on SQLite and
//! PostgreSQL: a typo in a query that runs once a month fails in CI, not in
//! production. Queries whose shape depends on the input (an `IN` list) are
//! built with `sqlx::QueryBuilder` and tested through their functions.

/// Declares `pub const NAME: &str = "SQL";` for each statement and
/// `pub const STATEMENTS` listing them all. A statement only one backend
/// understands (SQLite's full-text table, PostgreSQL's `pg_notify`) is
/// marked `NAME [sqlite] = ...` or `NAME [postgres] = ...`.
#[macro_export]
macro_rules! statements {
    ($( $(#[$doc:meta])* $name:ident $([$only:ident])? = $sql:expr; )*) => {
        $( $(#[$doc])* pub const $name: &str = $sql; )*
        /// Every statement of this module, for the test that prepares them.
        pub const STATEMENTS: &[$crate::db::Statement] = &[$($crate::db::Statement {
            sql: $name,
            only: $crate::db::statements_only!($($only)?),
        }),*];
    };
}

/// The backend a statement is limited to, from its `[sqlite]` or
/// `[postgres]` mark.
#[doc(hidden)]
#[macro_export]
macro_rules! statements_only {
    () => {
        None
    };
    (sqlite) => {
        Some($crate::db::Backend::Sqlite)
    };
    (postgres) => {
        Some($crate::db::Backend::Postgres)
    };
}

/// One listed statement.
#[derive(Debug, Clone, Copy)]
pub struct Statement {
    /// Its SQL.
    pub sql: &'static str,
    /// The one backend it is written for, if it is not for both.
    pub only: Option<super::Backend>,
}

/// Lists modules with their statements, each under its path.
macro_rules! listed {
    ($($first:ident $(:: $rest:ident)*),* $(,)?) => {
        vec![$((
            concat!(stringify!($first) $(, "::", stringify!($rest))*),
            crate::$first $(:: $rest)* ::STATEMENTS,
        )),*]
    };
}

/// Every module's statements, by module path (the test checks that each file
/// using [`statements!`] is listed here).
pub fn all() -> Vec<(&'static str, &'static [Statement])> {
    listed![
        accounts::credentials::queries,
        accounts::queries,
        accounts::signup::queries,
        demo,
        discussion::queries,
        email::queries,
        groups::queries,
        groups::queries::activity,
        groups::queries::members,
        groups::queries::requests,
        limits::queries,
        live::server,
        manifest::queries,
        media::store,
        moderation::queries,
        notifications::queries,
        plans::queries,
        privacy::delete::queries,
        search::entry,
        search::index,
        search::query,
        search::rebuild,
        search::service,
    ]
}

/// A flag column (0 or 1, how both backends store a yes/no) read as a
/// `bool`: rows decode it with `#[sqlx(try_from = "crate::db::Flag")]`.
#[derive(Debug, Clone, Copy)]
pub struct Flag(bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        <i64 as sqlx::Decode<'r, sqlx::Any>>::decode(value).map(|n| Flag(n != 0))
    }
}

/// A text column that may be NULL, for an optional stored enum:
/// `#[sqlx(try_from = "crate::db::OptionalText")]` on an `Option<Phase>`.
#[derive(Debug, Clone)]
pub struct OptionalText(Option<String>);

impl<T: TryFrom<String>> TryFrom<OptionalText> for Option<T> {
    type Error = T::Error;

    fn try_from(text: OptionalText) -> Result<Self, Self::Error> {
        text.0.map(T::try_from).transpose()
    }
}

impl sqlx::Type<sqlx::Any> for OptionalText {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for OptionalText {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        <Option<String> as sqlx::Decode<'r, sqlx::Any>>::decode(value).map(OptionalText)
    }
}
