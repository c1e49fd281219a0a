//! Account queries (server only). Written once for SQLite and PostgreSQL.

use super::model::{Profile, Role, Viewer};
use sqlx::{AnyConnection, AnyPool};

/// The start of the list of people with a professional role; the roles
/// themselves are bound from [`Role::is_professional`].
pub const PROFESSIONALS_WITH_ROLES_IN: &str =
    "SELECT u.email, u.display_name, u.role, COALESCE(v.municipality, u.municipality) AS municipality,
         COALESCE(v.organisation, '') AS organisation,
         CAST(CASE WHEN v.user_id IS NULL THEN 0 ELSE 1 END AS BIGINT) AS verified
     FROM users u LEFT JOIN professional_verifications v ON v.user_id = u.id AND v.role = u.role
     WHERE u.role IN ";

crate::statements! {
    /// A confirmation counts only for the role the person still has.
    VERIFICATION_OF = "SELECT v.role, v.organisation, v.municipality, v.verified_at
         FROM professional_verifications v JOIN users u ON u.id = v.user_id AND u.role = v.role
         WHERE v.user_id = $1";
    UPSERT_VERIFICATION = "INSERT INTO professional_verifications
             (user_id, role, organisation, municipality, verified_by, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id) DO UPDATE SET role = excluded.role,
             organisation = excluded.organisation, municipality = excluded.municipality,
             verified_by = excluded.verified_by, verified_at = excluded.verified_at";
    DELETE_VERIFICATION = "DELETE FROM professional_verifications WHERE user_id = $1";
    ID_AND_ROLE_BY_EMAIL = "SELECT id, role FROM users WHERE email = $1";
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

/// Inserts a user and returns the new id (on a connection, so that a
/// confirmed sign-up becomes an account in the transaction that uses it up).
pub async fn insert(
    conn: &mut AnyConnection,
    user: &NewUser<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(INSERT_USER)
        .bind(user.email)
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.role.as_str())
        .bind(now)
        .fetch_one(conn)
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
