//! Account operations with their rules, independent of HTTP so the database
//! tests can call them directly. Server functions wrap these.

use super::{
    model::{Profile, Role, Viewer},
    password, queries,
    validate::{self, normalize_email},
};
use crate::{
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
};

/// Stores an account whose details were checked (or, for the demo people,
/// need no check: their password is in the README and the server refuses to
/// seed them where real accounts live).
pub(crate) async fn insert_account(
    db: &Db,
    email: &str,
    display_name: &str,
    password: &str,
    role: Role,
) -> AppResult<i64> {
    let hash = password::hash_in_turn(password).await?;
    let new_user = queries::NewUser {
        email,
        display_name,
        password_hash: &hash,
        role,
    };
    let mut conn = db.pool.acquire().await?;
    queries::insert(&mut conn, &new_user, now())
        .await
        .map_err(|err| {
            if is_unique_violation(&err) {
                AppError::field("email", "email_taken")
            } else {
                AppError::internal(err)
            }
        })
}

/// Checks login details and returns the viewer. Unknown email and wrong
/// password give the same error. Failures are limited per address and per
/// (account, address), and past a few on one account every login on it is
/// slowed down, never locked: the owner, from their own address, still gets
/// in (see [`crate::limits`]).
pub async fn authenticate(db: &Db, email: &str, password: &str, ip: &str) -> AppResult<Viewer> {
    use crate::limits::{self, account_at, LOGIN_FAILURES_PER_ACCOUNT_AT_ADDRESS as PAIR};
    use crate::limits::{LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURES_PER_EMAIL};
    let email = normalize_email(email);
    let pair = account_at(&email, ip);
    limits::check(db, LOGIN_FAILURES_PER_ADDRESS, ip).await?;
    limits::check(db, PAIR, &pair).await?;
    let failures = limits::used(db, LOGIN_FAILURES_PER_EMAIL, &email).await?;
    tokio::time::sleep(limits::slowdown(failures)).await;
    let found = queries::find_credentials(&db.pool, &email).await?;
    let stored = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| password::dummy_hash().to_owned());
    let matches = password::verify_in_turn(password, &stored).await?;
    match found {
        Some((id, _)) if matches => {
            limits::clear(db, PAIR, &pair).await?;
            queries::find_viewer(&db.pool, id)
                .await?
                .ok_or_else(AppError::not_found)
        }
        _ => {
            limits::record(db, LOGIN_FAILURES_PER_EMAIL, &email).await?;
            limits::record(db, PAIR, &pair).await?;
            limits::record(db, LOGIN_FAILURES_PER_ADDRESS, ip).await?;
            Err(AppError::Unauthorized(crate::i18n::t("error-login-failed")))
        }
    }
}

/// The editable profile fields as submitted.
pub struct ProfileUpdate {
    /// Display name.
    pub display_name: String,
    /// Role value.
    pub role: String,
    /// Neighbourhood.
    pub neighbourhood: String,
    /// Municipality.
    pub municipality: String,
}

/// Ends all of a person's sessions: their session epoch moves on, so every
/// session that remembers the old one is logged out on its next request.
pub async fn log_out_everywhere(db: &Db, viewer: &Viewer) -> AppResult<()> {
    queries::end_all_sessions(&db.pool, viewer.id).await?;
    Ok(())
}

/// The reader's own full profile (their e-mail address included).
pub async fn profile(db: &Db, viewer: &Viewer) -> AppResult<Option<super::model::Profile>> {
    let Some(mut profile) = queries::find_profile(&db.pool, viewer.id).await? else {
        return Ok(None);
    };
    profile.confirmed = super::professionals::verification(&db.pool, viewer.id)
        .await?
        .map(|v| format!("{}, {}", v.organisation, v.municipality));
    Ok(Some(profile))
}

/// Saves a person's own profile.
pub async fn update_profile(db: &Db, viewer: &Viewer, form: ProfileUpdate) -> AppResult<()> {
    let problems = validate::profile_problems(
        &form.display_name,
        &form.role,
        &form.neighbourhood,
        &form.municipality,
    );
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let mut profile: Profile = queries::find_profile(&db.pool, viewer.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    profile.display_name = form.display_name.trim().to_owned();
    profile.role = Role::parse(&form.role).unwrap_or_default();
    profile.neighbourhood = form.neighbourhood.trim().to_owned();
    profile.municipality = form.municipality.trim().to_owned();
    queries::update_profile(&db.pool, &profile).await?;
    Ok(())
}
