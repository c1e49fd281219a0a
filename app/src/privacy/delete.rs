//! "Delete my account". What the person wrote for others stays, so that
//! discussions and plans still read, but under the name "Oud-lid" and
//! linked to an account that no longer names anyone and cannot log in.
//! Everything else that points to them is removed, and their sessions end.

use crate::{
    accounts::{credentials, Viewer},
    db::Db,
    error::{AppError, AppResult},
    groups,
    i18n::t_args,
};

/// The name shown for someone who deleted their account.
pub const FORMER_MEMBER: &str = "Oud-lid";

/// Deletes the account after checking the password. Refused while the
/// person is the only coordinator of a group: a group must never be left
/// without one, so they hand over first (as when leaving).
pub async fn delete_account(db: &Db, viewer: &Viewer, password: &str) -> AppResult<()> {
    credentials::confirm_password(db, viewer.id, password, "delete_password").await?;
    if let Some(group) = queries::sole_coordinator_of(db, viewer.id).await? {
        return Err(AppError::Conflict(t_args(
            "error-delete-last-coordinator",
            &[("group", group)],
        )));
    }
    // Leaving through the groups' own rule keeps their member counts and
    // activity right.
    for slug in queries::group_slugs(db, viewer.id).await? {
        groups::service::leave(db, Some(viewer), &slug).await?;
    }
    let mut tx = db.write_tx().await?;
    let (email, name) = queries::identity(&mut tx, viewer.id).await?;
    for table in [
        "signatures",
        "join_requests",
        "group_bans",
        "notifications",
        "email_preferences",
        "email_settings",
        "password_resets",
    ] {
        queries::delete_rows(&mut tx, table, viewer.id).await?;
    }
    queries::forget_traces(&mut tx, viewer.id, &email, &name, FORMER_MEMBER).await?;
    queries::anonymise(&mut tx, viewer.id, FORMER_MEMBER).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) mod queries {
    use crate::db::Db;
    use sqlx::AnyConnection;

    crate::statements! {
        /// `$2` is the coordinator role's stored value.
        SOLE_COORDINATOR_OF = r#"SELECT g.name FROM group_members m JOIN groups g ON g.id = m.group_id
                    WHERE m.user_id = $1 AND m.role = $2
                      AND (SELECT COUNT(*) FROM group_members c
                            WHERE c.group_id = m.group_id AND c.role = $2) = 1
                    ORDER BY g.name LIMIT 1"#;
        GROUP_SLUGS = r#"SELECT g.slug FROM group_members m JOIN groups g ON g.id = m.group_id
                    WHERE m.user_id = $1"#;
        IDENTITY = r#"SELECT email, display_name FROM users WHERE id = $1"#;
        FORGET_LOGIN_FAILURES = r#"DELETE FROM login_failures WHERE email = $1"#;
        FORGET_PENDING_SIGNUPS = r#"DELETE FROM pending_registrations WHERE email = $1"#;
        /// `$1` the account id, `$2` the e-mail address (alone, or before a
        /// space and a client address).
        FORGET_RATE_EVENTS = r#"DELETE FROM rate_events WHERE subject = $1 OR subject = $2
                    OR substr(subject, 1, length($2) + 1) = $2 || ' '"#;
        RENAME_ACTOR = r#"UPDATE notifications SET actor_name = $1
                    WHERE actor_id = $2 OR (actor_id IS NULL AND actor_name = $3)"#;
        ANONYMISE = r#"UPDATE users
                      SET email = $1, display_name = $2, password_hash = '!',
                          neighbourhood = '', municipality = '', is_admin = 0,
                          session_epoch = session_epoch + 1
                    WHERE id = $3"#;
    }

    /// The name of a group this person alone coordinates, if any.
    pub async fn sole_coordinator_of(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(SOLE_COORDINATOR_OF)
            .bind(id)
            .bind(crate::groups::model::MemberRole::Coordinator.as_str())
            .fetch_optional(&db.pool)
            .await
    }

    /// The slugs of the groups this person belongs to.
    pub async fn group_slugs(db: &Db, id: i64) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(GROUP_SLUGS)
            .bind(id)
            .fetch_all(&db.pool)
            .await
    }

    /// The account's email address and name as they are now.
    pub async fn identity(
        conn: &mut AnyConnection,
        id: i64,
    ) -> Result<(String, String), sqlx::Error> {
        sqlx::query_as(IDENTITY).bind(id).fetch_one(conn).await
    }

    /// Deletes the person's rows from a table keyed by `user_id` (the table
    /// names come from the fixed list in `delete_account`, never from input).
    pub async fn delete_rows(
        conn: &mut AnyConnection,
        table: &str,
        id: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    }

    /// Removes what names the person elsewhere: failed logins and limits by
    /// their address or id, and their name in other people's notifications.
    pub async fn forget_traces(
        conn: &mut AnyConnection,
        id: i64,
        email: &str,
        name: &str,
        former: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(FORGET_LOGIN_FAILURES)
            .bind(email)
            .execute(&mut *conn)
            .await?;
        sqlx::query(FORGET_PENDING_SIGNUPS)
            .bind(email)
            .execute(&mut *conn)
            .await?;
        sqlx::query(FORGET_RATE_EVENTS)
            .bind(id.to_string())
            .bind(email)
            .execute(&mut *conn)
            .await?;
        sqlx::query(RENAME_ACTOR)
            .bind(former)
            .bind(id)
            .bind(name)
            .execute(&mut *conn)
            .await
            .map(|_| ())
    }

    /// Keeps the account row (so what the person wrote keeps an author) but
    /// without anything that names them, a password that matches nothing,
    /// and every session ended.
    pub async fn anonymise(
        conn: &mut AnyConnection,
        id: i64,
        former: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(ANONYMISE)
            .bind(format!("oud-lid-{id}@verwijderd.invalid"))
            .bind(former)
            .bind(id)
            .execute(conn)
            .await
            .map(|_| ())
    }
}
