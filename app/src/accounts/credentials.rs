//! What a person logs in with: changing the password or the email address
//! (both ask for the current password, so an unattended open session cannot
//! take the account over) and a forgotten password, reset through a link by
//! email that works once and for an hour.
//!
//! A new password ends every other session (the session epoch moves on, see
//! `session::attach_context`): whoever knew the old one is logged out.

pub(crate) mod queries;

use super::{
    password,
    token::{code_hash, new_code},
    validate::{check_password_length, is_plausible_email, normalize_email},
    Viewer,
};
use crate::{
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
    limits,
};

/// How long a reset link works, in seconds.
pub const RESET_LIFETIME: i64 = 3600;

/// A reset link to send: the secret token (only its hash is stored) and who
/// gets it.
#[derive(Debug)]
pub struct ResetMail {
    /// The token for the link; shown to no one but the mail's reader.
    pub token: String,
    /// The account's email address.
    pub email: String,
    /// The account's display name, for the greeting.
    pub name: String,
}

/// Changes the password after checking the current one. Returns nothing; the
/// caller starts a new session for this device, since all others end.
pub async fn change_password(
    db: &Db,
    viewer: &Viewer,
    current: &str,
    new_password: &str,
) -> AppResult<()> {
    let account = confirm_password(db, viewer.id, current, "current_password").await?;
    check_new_password(new_password, &account.email, &account.name)?;
    let hash = hash(new_password).await?;
    let mut tx = db.write_tx().await?;
    queries::set_password(&mut tx, viewer.id, &hash).await?;
    queries::forget_resets(&mut tx, viewer.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the email address after checking the password.
pub async fn change_email(db: &Db, viewer: &Viewer, password: &str, email: &str) -> AppResult<()> {
    let email = normalize_email(email);
    if !is_plausible_email(&email) {
        return Err(AppError::field("new_email", "email_invalid"));
    }
    confirm_password(db, viewer.id, password, "email_password").await?;
    queries::set_email(&db.pool, viewer.id, &email)
        .await
        .map_err(|err| {
            if is_unique_violation(&err) {
                AppError::field("new_email", "email_taken")
            } else {
                AppError::internal(err)
            }
        })
}

/// Makes a reset link for `email` when an account has that address. Whether
/// one exists is not told to the asker (the page says the same either way);
/// requests are limited per address and per IP address.
pub async fn request_reset(db: &Db, email: &str, ip: &str) -> AppResult<Option<ResetMail>> {
    let email = normalize_email(email);
    if !is_plausible_email(&email) {
        return Err(AppError::field("email", "email_invalid"));
    }
    limits::take(db, limits::RESETS_PER_IP, ip).await?;
    limits::take(db, limits::RESETS_PER_EMAIL, &email).await?;
    let Some(account) = queries::find_account_by_email(&db.pool, &email).await? else {
        return Ok(None);
    };
    let token = new_code();
    let current = now();
    queries::insert_reset(
        &db.pool,
        &code_hash(&token),
        account.id,
        current,
        current + RESET_LIFETIME,
    )
    .await?;
    Ok(Some(ResetMail {
        token,
        email: account.email,
        name: account.name,
    }))
}

/// Whether `token` is a reset link that still works (for the page, so that
/// it can say so before a new password is typed).
pub async fn reset_is_usable(db: &Db, token: &str) -> AppResult<bool> {
    Ok(
        queries::find_reset_account(&db.pool, &code_hash(token), now())
            .await?
            .is_some(),
    )
}

/// Sets a new password through a reset link and uses the link up. Returns the
/// account's id, to log the person in. A used, expired or unknown link is
/// refused; a password that is not good enough leaves the link usable.
pub async fn reset_password(db: &Db, token: &str, new_password: &str) -> AppResult<i64> {
    let hashed_token = code_hash(token);
    let account = queries::find_reset_account(&db.pool, &hashed_token, now())
        .await?
        .ok_or_else(|| AppError::conflict("error-reset-link-invalid"))?;
    check_new_password(new_password, &account.email, &account.name)?;
    let hash = hash(new_password).await?;
    let mut tx = db.write_tx().await?;
    // Taken in the same transaction that sets the password: of two tabs
    // using one link at the same moment, one wins and the other is refused.
    if !queries::use_reset(&mut tx, &hashed_token, now()).await? {
        return Err(AppError::conflict("error-reset-link-invalid"));
    }
    queries::set_password(&mut tx, account.id, &hash).await?;
    queries::forget_resets(&mut tx, account.id).await?;
    tx.commit().await?;
    // A reset proves the person: their failed logins no longer count.
    crate::limits::clear(db, crate::limits::LOGIN_FAILURES_PER_EMAIL, &account.email).await?;
    Ok(account.id)
}

/// Checks `password` against the account's; a wrong one is a field error on
/// `field` (the form's password box). Wrong ones are limited per account
/// (someone holding another person's session cannot guess on) and count
/// with the account's failed logins.
pub(crate) async fn confirm_password(
    db: &Db,
    id: i64,
    password: &str,
    field: &'static str,
) -> AppResult<queries::Account> {
    use crate::limits::{self, LOGIN_FAILURES_PER_EMAIL, PASSWORD_CHECK_FAILURES};
    limits::check(db, PASSWORD_CHECK_FAILURES, &id.to_string()).await?;
    let (account, stored) = queries::find_account(&db.pool, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if password::verify_in_turn(password, &stored).await? {
        Ok(account)
    } else {
        limits::record(db, PASSWORD_CHECK_FAILURES, &id.to_string()).await?;
        limits::record(db, LOGIN_FAILURES_PER_EMAIL, &account.email).await?;
        Err(AppError::field(field, "password_wrong"))
    }
}

fn check_new_password(new_password: &str, email: &str, name: &str) -> AppResult<()> {
    if let Some(code) = check_password_length(new_password) {
        return Err(AppError::field("new_password", code));
    }
    if password::is_too_guessable(new_password, &[email, name]) {
        return Err(AppError::field("new_password", "password_common"));
    }
    Ok(())
}

async fn hash(plain: &str) -> AppResult<String> {
    password::hash_in_turn(plain).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_must_be_long_and_not_guessable() {
        assert!(check_new_password("kort", "a@b.nl", "Anna").is_err());
        assert!(check_new_password("wachtwoord123", "a@b.nl", "Anna").is_err());
        assert!(check_new_password("anna@voorbeeld.nl", "anna@voorbeeld.nl", "Anna").is_err());
        assert!(check_new_password("kastanje vlieger moestuin", "a@b.nl", "Anna").is_ok());
    }
}
