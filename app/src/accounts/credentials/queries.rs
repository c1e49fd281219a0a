//! Queries for passwords, email addresses and reset links (server only).

use sqlx::{AnyConnection, AnyPool};

crate::statements! {
    FIND_ACCOUNT = r#"SELECT id, email, display_name, password_hash FROM users WHERE id = $1"#;
    FIND_ACCOUNT_BY_EMAIL = r#"SELECT id, email, display_name AS name FROM users WHERE email = $1"#;
    SET_PASSWORD = r#"UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2"#;
    SET_EMAIL = r#"UPDATE users SET email = $1 WHERE id = $2"#;
    FORGET_EXPIRED_RESETS = r#"DELETE FROM password_resets WHERE expires_at < $1"#;
    INSERT_RESET = r#"INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
           VALUES ($1, $2, $3, $4)"#;
    FIND_RESET_ACCOUNT = r#"SELECT u.id, u.email, u.display_name AS name
             FROM password_resets r JOIN users u ON u.id = r.user_id
            WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2"#;
    USE_RESET = r#"UPDATE password_resets SET used_at = $1
            WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1"#;
    FORGET_RESETS = r#"DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL"#;
}

/// The parts of an account the credential rules need.
#[derive(Debug, sqlx::FromRow)]
pub struct Account {
    /// User id.
    pub id: i64,
    /// Normalised email.
    pub email: String,
    /// Display name.
    pub name: String,
}

/// The account with its password hash.
pub async fn find_account(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    let row: Option<(i64, String, String, String)> = sqlx::query_as(FIND_ACCOUNT)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(id, email, name, hash)| (Account { id, email, name }, hash)))
}

/// The account with this (normalised) email address.
pub async fn find_account_by_email(
    pool: &AnyPool,
    email: &str,
) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(FIND_ACCOUNT_BY_EMAIL)
        .bind(email)
        .fetch_optional(pool)
        .await
}

/// Stores a new password hash and moves the session epoch on, which ends
/// every session that was started before.
pub async fn set_password(
    conn: &mut AnyConnection,
    id: i64,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(SET_PASSWORD)
        .bind(hash)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Stores a new email address (unique: a taken one is a unique violation).
pub async fn set_email(pool: &AnyPool, id: i64, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query(SET_EMAIL)
        .bind(email)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Stores a reset link's token hash (and forgets links expired a day ago).
pub async fn insert_reset(
    pool: &AnyPool,
    token_hash: &str,
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(FORGET_EXPIRED_RESETS)
        .bind(now - 86_400)
        .execute(pool)
        .await?;
    sqlx::query(INSERT_RESET)
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(pool)
        .await
        .map(|_| ())
}

/// The account of an unused, unexpired reset link.
pub async fn find_reset_account(
    pool: &AnyPool,
    token_hash: &str,
    now: i64,
) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(FIND_RESET_ACCOUNT)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(pool)
        .await
}

/// Marks a reset link used; false when it was used or expired already.
pub async fn use_reset(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(USE_RESET)
        .bind(now)
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes every open reset link of an account useless (after any new password).
pub async fn forget_resets(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(FORGET_RESETS)
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ())
}
