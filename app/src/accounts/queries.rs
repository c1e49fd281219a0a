//! Account queries (server only). Written once for SQLite and PostgreSQL.

use super::model::{Profile, Role, Viewer};
use sqlx::AnyPool;

crate::statements! {
    SET_ADMIN = r#"UPDATE users SET is_admin = $1 WHERE email = $2"#;
    LIST_ADMINS = r#"SELECT email, display_name FROM users WHERE is_admin = 1 ORDER BY email"#;
    INSERT_USER = r#"INSERT INTO users (email, display_name, password_hash, role, created_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING id"#;
    FIND_CREDENTIALS = r#"SELECT id, password_hash FROM users WHERE email = $1"#;
    FIND_SESSION_VIEWER = r#"SELECT id, display_name, role, is_admin, CAST(session_epoch AS BIGINT) AS epoch,
                  (SELECT COUNT(*) FROM notifications n
                    WHERE n.user_id = users.id AND n.read_at IS NULL) AS unread
           FROM users WHERE id = $1"#;
    END_ALL_SESSIONS = "UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1";
    FIND_PROFILE = r#"SELECT id, email, display_name, role, neighbourhood, municipality
           FROM users WHERE id = $1"#;
    UPDATE_PROFILE = r#"UPDATE users SET display_name = $1, role = $2, neighbourhood = $3, municipality = $4
           WHERE id = $5"#;
}

/// What a new account is made from (already validated and hashed).
pub struct NewUser<'a> {
    /// Normalised email.
    pub email: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// Argon2id hash.
    pub password_hash: &'a str,
    /// Role.
    pub role: Role,
}

/// Inserts a user and returns the new id.
pub async fn insert(pool: &AnyPool, user: &NewUser<'_>, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(INSERT_USER)
        .bind(user.email)
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.role.as_str())
        .bind(now)
        .fetch_one(pool)
        .await
}

/// The id and password hash for a login attempt.
pub async fn find_credentials(
    pool: &AnyPool,
    email: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(FIND_CREDENTIALS)
        .bind(email)
        .fetch_optional(pool)
        .await
}

/// The viewer for a session's user id.
pub async fn find_viewer(pool: &AnyPool, id: i64) -> Result<Option<Viewer>, sqlx::Error> {
    Ok(find_session_viewer(pool, id)
        .await?
        .map(|(viewer, _)| viewer))
}

/// The viewer with the account's session epoch, which a session must match
/// to stay logged in (see `session::attach_context`).
pub async fn find_session_viewer(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(Viewer, i64)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        viewer: Viewer,
        epoch: i64,
    }
    let row: Option<Row> = sqlx::query_as(FIND_SESSION_VIEWER)
        .bind(id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| (r.viewer, r.epoch)))
}

/// Raises the account's session epoch: every session started before is over.
pub async fn end_all_sessions(pool: &AnyPool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(END_ALL_SESSIONS).bind(id).execute(pool).await?;
    Ok(())
}

/// The full profile, for its owner.
pub async fn find_profile(pool: &AnyPool, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    sqlx::query_as(FIND_PROFILE)
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Saves the editable part of a profile.
pub async fn update_profile(pool: &AnyPool, p: &Profile) -> Result<(), sqlx::Error> {
    sqlx::query(UPDATE_PROFILE)
        .bind(&p.display_name)
        .bind(p.role.as_str())
        .bind(&p.neighbourhood)
        .bind(&p.municipality)
        .bind(p.id)
        .execute(pool)
        .await
        .map(|_| ())
}
