//! Queries for sign-ups that wait for their address to be confirmed.

use crate::accounts::model::Role;
use sqlx::{AnyConnection, AnyPool};

crate::statements! {
    INSERT = "INSERT INTO pending_registrations
             (token_hash, email, display_name, password_hash, role, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    FIND = "SELECT email, display_name FROM pending_registrations
         WHERE token_hash = $1 AND expires_at > $2";
    TAKE = "DELETE FROM pending_registrations WHERE token_hash = $1 AND expires_at > $2
         RETURNING email, display_name, password_hash, role";
    FORGET_FOR_EMAIL = "DELETE FROM pending_registrations WHERE email = $1";
    FORGET_EXPIRED = "DELETE FROM pending_registrations WHERE expires_at <= $1";
    ACCOUNT_EXISTS = "SELECT COUNT(*) FROM users WHERE email = $1";
}

/// A sign-up to keep (checked, its password hashed).
pub struct NewSignup<'a> {
    /// Hash of the link's code.
    pub code_hash: &'a str,
    /// Normalised address.
    pub email: &'a str,
    /// Trimmed display name.
    pub display_name: &'a str,
    /// Argon2id hash of the chosen password.
    pub password_hash: &'a str,
    /// Chosen role.
    pub role: Role,
}

/// What the confirmation page shows about a waiting sign-up.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Waiting {
    /// The address it was made for.
    pub email: String,
    /// The name chosen.
    pub display_name: String,
}

/// A sign-up taken out to become an account.
#[derive(Debug, sqlx::FromRow)]
pub struct Taken {
    /// Normalised address.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Argon2id hash.
    pub password_hash: String,
    /// Role.
    #[sqlx(try_from = "String")]
    pub role: Role,
}

/// Keeps a sign-up until `expires_at`.
pub async fn insert(
    pool: &AnyPool,
    signup: &NewSignup<'_>,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(INSERT)
        .bind(signup.code_hash)
        .bind(signup.email)
        .bind(signup.display_name)
        .bind(signup.password_hash)
        .bind(signup.role.as_str())
        .bind(now)
        .bind(expires_at)
        .execute(pool)
        .await
        .map(|_| ())
}

/// The unexpired sign-up with this code hash.
pub async fn find(
    pool: &AnyPool,
    code_hash: &str,
    now: i64,
) -> Result<Option<Waiting>, sqlx::Error> {
    sqlx::query_as(FIND)
        .bind(code_hash)
        .bind(now)
        .fetch_optional(pool)
        .await
}

/// Removes the unexpired sign-up with this code hash and returns it: of two
/// tabs using one link at once, one gets it.
pub async fn take(
    conn: &mut AnyConnection,
    code_hash: &str,
    now: i64,
) -> Result<Option<Taken>, sqlx::Error> {
    sqlx::query_as(TAKE)
        .bind(code_hash)
        .bind(now)
        .fetch_optional(conn)
        .await
}

/// Removes every sign-up waiting for `email`.
pub async fn forget_for_email(conn: &mut AnyConnection, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query(FORGET_FOR_EMAIL)
        .bind(email)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Removes sign-ups that expired at or before `now`.
pub async fn forget_expired(pool: &AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(FORGET_EXPIRED)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected())
}

/// Whether an account has this address.
pub async fn account_exists(conn: &mut AnyConnection, email: &str) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(ACCOUNT_EXISTS)
        .bind(email)
        .fetch_one(conn)
        .await?;
    Ok(count > 0)
}
