//! Signing up without telling anyone which addresses have an account.
//!
//! A sign-up makes no account. It waits, with its details and its password
//! already hashed, until the link mailed to its address is used; only then
//! does the account exist and may it log in. The answer to a sign-up is the
//! same whether the address is new or taken: a new address gets the link, a
//! taken one a note to its owner (who may have forgotten they have an
//! account). Each sign-up costs one password hash either way, so the two
//! cannot be told apart by time, and every attempt counts against the limit
//! per client address. Sign-ups not confirmed within 48 hours are removed.
//!
//! Because the details travel with the link, a sign-up with someone else's
//! address gives no one anything: only that address's reader can make the
//! account, and only with the details of the link they use.

pub(crate) mod queries;

use super::{
    model::Role,
    password,
    token::{code_hash, new_code},
    validate::{self, normalize_email},
};
use crate::{
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
    limits,
};

/// How long a sign-up waits for its address to be confirmed, in seconds.
pub const SIGNUP_LIFETIME: i64 = 48 * 3600;

/// A sign-up as submitted.
pub struct Registration {
    /// Email as typed.
    pub email: String,
    /// Display name as typed.
    pub display_name: String,
    /// Password as typed.
    pub password: String,
    /// Role value from the form.
    pub role: String,
}

/// The mail a sign-up sends; the person who signed up is told neither which
/// one nor whether one went (see [`limits::SIGNUP_MAILS_PER_EMAIL`]).
#[derive(Debug)]
pub enum SignupMail {
    /// A new address: the link that makes the account (the code is shown to
    /// no one but the mail's reader).
    Confirm {
        /// The code for the link.
        code: String,
        /// Where it goes.
        email: String,
        /// The name chosen in the sign-up, for the greeting.
        name: String,
    },
    /// The address has an account already: a note to its owner with the
    /// ways in (log in, new password).
    AlreadyRegistered {
        /// The account's address.
        email: String,
        /// The account's name, for the greeting.
        name: String,
    },
}

/// Checks a sign-up and keeps it until its address is confirmed. Returns
/// the mail to send, or `None` when this address had its share of mails this
/// hour (the answer to the person stays the same).
pub async fn sign_up(db: &Db, form: Registration) -> AppResult<Option<SignupMail>> {
    let email = normalize_email(&form.email);
    let display_name = form.display_name.trim().to_owned();
    let mut problems =
        validate::registration_problems(&email, &display_name, &form.password, &form.role);
    if !problems.iter().any(|(field, _)| *field == "password")
        && password::is_too_guessable(&form.password, &[&email, &display_name])
    {
        problems.push(("password", "password_common"));
    }
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let role = Role::parse(&form.role).unwrap_or_default();
    // Hashed for a taken address too, so that both answers take as long.
    let password_hash = password::hash_in_turn(&form.password).await?;
    if !limits::try_take(db, limits::SIGNUP_MAILS_PER_EMAIL, &email).await? {
        return Ok(None);
    }
    if let Some(account) =
        super::credentials::queries::find_account_by_email(&db.pool, &email).await?
    {
        return Ok(Some(SignupMail::AlreadyRegistered {
            email: account.email,
            name: account.name,
        }));
    }
    let code = new_code();
    let current = now();
    queries::forget_expired(&db.pool, current).await?;
    queries::insert(
        &db.pool,
        &queries::NewSignup {
            code_hash: &code_hash(&code),
            email: &email,
            display_name: &display_name,
            password_hash: &password_hash,
            role,
        },
        current,
        current + SIGNUP_LIFETIME,
    )
    .await?;
    Ok(Some(SignupMail::Confirm {
        code,
        email,
        name: display_name,
    }))
}

/// The sign-up a link confirms, while it can still be used (for the page,
/// which shows whose account the button makes).
pub async fn waiting(db: &Db, code: &str) -> AppResult<Option<queries::Waiting>> {
    Ok(queries::find(&db.pool, &code_hash(code), now()).await?)
}

/// Makes the account of the sign-up behind `code` and returns its id, to
/// log the person in. The link then no longer works, nor do the other
/// links waiting for the same address. A used, expired or unknown link, or
/// one whose address got an account in the meantime, is refused with a
/// sentence that says what to do.
pub async fn confirm(db: &Db, code: &str) -> AppResult<i64> {
    let mut tx = db.write_tx().await?;
    let Some(signup) = queries::take(&mut tx, &code_hash(code), now()).await? else {
        return Err(AppError::conflict("error-signup-link-invalid"));
    };
    queries::forget_for_email(&mut tx, &signup.email).await?;
    if queries::account_exists(&mut tx, &signup.email).await? {
        tx.commit().await?;
        return Err(AppError::conflict("error-signup-address-taken"));
    }
    let new_user = super::queries::NewUser {
        email: &signup.email,
        display_name: &signup.display_name,
        password_hash: &signup.password_hash,
        role: signup.role,
    };
    // On PostgreSQL a confirmation of another link for the same address at
    // the same moment can still win the race; the unique address decides.
    let id = super::queries::insert(&mut tx, &new_user, now())
        .await
        .map_err(|err| {
            if is_unique_violation(&err) {
                AppError::conflict("error-signup-address-taken")
            } else {
                AppError::internal(err)
            }
        })?;
    tx.commit().await?;
    Ok(id)
}

/// Removes sign-ups whose 48 hours are over (the hourly job and every new
/// sign-up call this). Returns how many.
pub async fn forget_expired(db: &Db) -> AppResult<u64> {
    Ok(queries::forget_expired(&db.pool, now()).await?)
}
