//! Confirmed professional roles. Anyone may call themselves a civil servant,
//! a community worker or housing-corporation staff on their profile; that is
//! shown as self-described and gives no rights. A platform admin confirms a
//! person's role, organisation and the municipality they work for (from the
//! admin page `/beheer/rollen`, or from the server's command line:
//! `wijkplein admin verify`).
//! Only then may they give account on plans in that municipality. Changing
//! one's role ends the confirmation.

use super::{
    model::Role,
    queries::{
        DELETE_VERIFICATION, ID_AND_ROLE_BY_EMAIL, PROFESSIONALS_WITH_ROLES_IN,
        UPSERT_VERIFICATION, VERIFICATION_OF,
    },
    validate::normalize_email,
};
use crate::{
    db::{now, Db, Flag, SqlBuilder},
    error::{AppError, AppResult},
};
use sqlx::{Any, Executor};

/// A confirmed professional role.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Verification {
    /// The role confirmed (the person still has it).
    #[sqlx(try_from = "String")]
    pub role: Role,
    /// Where they work.
    pub organisation: String,
    /// The municipality they work for.
    pub municipality: String,
    /// When it was confirmed.
    pub verified_at: i64,
}

/// The person's confirmed role, if they have one and still hold that role.
pub async fn verification<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: i64,
) -> AppResult<Option<Verification>> {
    Ok(sqlx::query_as(VERIFICATION_OF)
        .bind(user_id)
        .fetch_optional(ex)
        .await?)
}

/// Confirms the professional role the account at `email` has now, with the
/// organisation and municipality the admin checked. `by` is the admin's
/// account, when the confirmation comes from one (the command line has none).
pub async fn verify(
    db: &Db,
    email: &str,
    organisation: &str,
    municipality: &str,
    by: Option<i64>,
) -> AppResult<Role> {
    let (id, role): (i64, String) = sqlx::query_as(ID_AND_ROLE_BY_EMAIL)
        .bind(normalize_email(email))
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(AppError::not_found)?;
    let role = Role::try_from(role).map_err(AppError::internal)?;
    if !role.is_professional() {
        return Err(AppError::conflict("error-not-a-professional"));
    }
    let (organisation, municipality) = (organisation.trim(), municipality.trim());
    let mut missing = Vec::new();
    if organisation.is_empty() {
        missing.push(("organisation", "organisation_required"));
    }
    if municipality.is_empty() {
        missing.push(("municipality", "municipality_required"));
    }
    if !missing.is_empty() {
        return Err(AppError::fields(missing));
    }
    sqlx::query(UPSERT_VERIFICATION)
        .bind(id)
        .bind(role.as_str())
        .bind(organisation)
        .bind(municipality)
        .bind(by)
        .bind(now())
        .execute(&db.pool)
        .await?;
    Ok(role)
}

/// Ends the confirmation of the account at `email`.
pub async fn unverify(db: &Db, email: &str) -> AppResult<()> {
    let (id, _): (i64, String) = sqlx::query_as(ID_AND_ROLE_BY_EMAIL)
        .bind(normalize_email(email))
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(AppError::not_found)?;
    sqlx::query(DELETE_VERIFICATION)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Confirms a role on the admin page: only a platform admin may.
pub async fn verify_as(
    db: &Db,
    viewer: &super::Viewer,
    email: &str,
    organisation: &str,
    municipality: &str,
) -> AppResult<Role> {
    require_admin(viewer)?;
    verify(db, email, organisation, municipality, Some(viewer.id)).await
}

/// Ends a confirmation on the admin page: only a platform admin may.
pub async fn unverify_as(db: &Db, viewer: &super::Viewer, email: &str) -> AppResult<()> {
    require_admin(viewer)?;
    unverify(db, email).await
}

/// The list for the admin page: only a platform admin may see it (it
/// holds e-mail addresses).
pub async fn list_as(db: &Db, viewer: &super::Viewer) -> AppResult<Vec<Listed>> {
    require_admin(viewer)?;
    list(db).await
}

fn require_admin(viewer: &super::Viewer) -> AppResult<()> {
    if viewer.is_admin {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// One person with a professional role on their profile.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Listed {
    /// Their address.
    pub email: String,
    /// Their name.
    pub display_name: String,
    /// The role they gave.
    #[sqlx(try_from = "String")]
    pub role: Role,
    /// The confirmed municipality, or else the one on their profile.
    pub municipality: String,
    /// The confirmed organisation ('' when not confirmed).
    pub organisation: String,
    /// Whether the role is confirmed.
    #[sqlx(try_from = "Flag")]
    pub verified: bool,
}

/// Everyone with a professional role on their profile, confirmed or not.
pub async fn list(db: &Db) -> AppResult<Vec<Listed>> {
    let mut sql = SqlBuilder::new(PROFESSIONALS_WITH_ROLES_IN);
    let professional = Role::ALL.into_iter().filter(|r| r.is_professional());
    sql.push_list(professional.map(Role::as_str))
        .push(" ORDER BY u.email");
    let (sql, args) = sql.finish()?;
    Ok(sqlx::query_as_with(&sql, args).fetch_all(&db.pool).await?)
}
