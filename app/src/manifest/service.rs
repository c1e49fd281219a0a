//! Signing rules, independent of HTTP so the database tests call them directly.

use super::{
    model::{ManifestDoc, OwnSignature, PublicSignature, SignatureCounts},
    queries,
};
use crate::{
    accounts::{Role, Viewer},
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
};

/// Longest organisation or group name, in characters.
pub const ORGANISATION_MAX: usize = 100;
/// Longest "why I sign", in characters.
pub const MOTIVATION_MAX: usize = 500;

/// A signature as submitted.
pub struct SignForm {
    /// Role value.
    pub role: String,
    /// Organisation or group (optional).
    pub organisation: String,
    /// Why they sign (optional).
    pub motivation: String,
    /// Show the name in the public list.
    pub is_public: bool,
}

/// Problems with a signature form, as `(field, code)` pairs.
pub fn sign_problems(form: &SignForm) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if Role::parse(&form.role).is_none() {
        problems.push(("role", "role_invalid"));
    }
    if form.organisation.trim().chars().count() > ORGANISATION_MAX {
        problems.push(("organisation", "organisation_too_long"));
    }
    if form.motivation.trim().chars().count() > MOTIVATION_MAX {
        problems.push(("motivation", "motivation_too_long"));
    }
    problems
}

/// Signs the newest version for the viewer; a second signature is a conflict.
pub async fn sign(db: &Db, viewer: &Viewer, form: SignForm) -> AppResult<SignatureCounts> {
    let problems = sign_problems(&form);
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let (version_id, _) = queries::latest(&db.pool)
        .await?
        .ok_or_else(AppError::not_found)?;
    let signature = queries::NewSignature {
        user_id: viewer.id,
        version_id,
        role: Role::parse(&form.role).unwrap_or_default(),
        organisation: form.organisation.trim(),
        motivation: form.motivation.trim(),
        is_public: form.is_public,
    };
    queries::insert_signature(&db.pool, &signature, now())
        .await
        .map_err(|err| {
            if is_unique_violation(&err) {
                AppError::conflict("error-already-signed")
            } else {
                AppError::internal(err)
            }
        })?;
    Ok(queries::counts(&db.pool).await?)
}

/// Withdraws the viewer's signature; withdrawing nothing is "not found".
pub async fn withdraw(db: &Db, viewer: &Viewer) -> AppResult<SignatureCounts> {
    if !queries::delete_signature(&db.pool, viewer.id).await? {
        return Err(AppError::not_found());
    }
    Ok(queries::counts(&db.pool).await?)
}

/// The newest version, if one was ever published.
pub async fn latest(db: &Db) -> AppResult<Option<ManifestDoc>> {
    Ok(queries::latest(&db.pool).await?.map(|(_, doc)| doc))
}

/// The newest version; "not found" before the first is published.
pub async fn current(db: &Db) -> AppResult<ManifestDoc> {
    latest(db).await?.ok_or_else(AppError::not_found)
}

/// The reader's own signature (none for guests).
pub async fn own_signature(db: &Db, viewer: Option<&Viewer>) -> AppResult<Option<OwnSignature>> {
    match viewer {
        Some(v) => Ok(queries::find_own(&db.pool, v.id).await?),
        None => Ok(None),
    }
}

/// How many signed, in total and per role.
pub async fn counts(db: &Db) -> AppResult<SignatureCounts> {
    Ok(queries::counts(&db.pool).await?)
}

/// One page of public signatures before `before` = (signed_at, id), and the
/// cursor of the next page if there is one.
pub async fn signatures(
    db: &Db,
    before: Option<(i64, i64)>,
    page_size: i64,
) -> AppResult<(Vec<PublicSignature>, Option<String>)> {
    let mut page = queries::public_page(&db.pool, before, page_size + 1).await?;
    let next = if page.len() as i64 > page_size {
        page.truncate(page_size as usize);
        page.last().map(|s| format!("{}-{}", s.signed_at, s.id))
    } else {
        None
    };
    Ok((page, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_limits() {
        let form = |org: usize, why: usize, role: &str| SignForm {
            role: role.into(),
            organisation: "o".repeat(org),
            motivation: "w".repeat(why),
            is_public: true,
        };
        assert!(sign_problems(&form(100, 500, "bewoner")).is_empty());
        assert_eq!(
            sign_problems(&form(101, 0, "bewoner")),
            vec![("organisation", "organisation_too_long")]
        );
        assert_eq!(
            sign_problems(&form(0, 501, "bewoner")),
            vec![("motivation", "motivation_too_long")]
        );
        assert_eq!(
            sign_problems(&form(0, 0, "x")),
            vec![("role", "role_invalid")]
        );
    }
}
