//! Platform admins: set and listed only from the server's command line
//! (`wijkplein admin …`), never through a page, so that no hidden address or
//! stolen session can make someone an admin.

use super::queries::{LIST_ADMINS, SET_ADMIN};
use super::validate::normalize_email;
use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// Makes the account with `email` a platform admin, or takes that away.
/// Removing the last admin is allowed: the command line can always add one.
pub async fn set_admin(db: &Db, email: &str, admin: bool) -> AppResult<()> {
    let done = sqlx::query(SET_ADMIN)
        .bind(i64::from(admin))
        .bind(normalize_email(email))
        .execute(&db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// Every platform admin's email address and name, by address.
pub async fn list(db: &Db) -> AppResult<Vec<(String, String)>> {
    Ok(sqlx::query_as(LIST_ADMINS).fetch_all(&db.pool).await?)
}
