//! Manifest queries (server only). Written once for SQLite and PostgreSQL.

use super::model::{ManifestDoc, OwnSignature, PublicSignature, SignatureCounts};
use crate::accounts::Role;
use sqlx::AnyPool;

crate::statements! {
    LATEST = r#"SELECT id, document FROM manifest_versions ORDER BY version DESC LIMIT 1"#;
    INSERT_VERSION = r#"INSERT INTO manifest_versions (version, document, published_at, published_by)
           VALUES ($1, $2, $3, $4) RETURNING id"#;
    INSERT_SIGNATURE = r#"INSERT INTO signatures (user_id, version_id, role, organisation, motivation, is_public, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)"#;
    DELETE_SIGNATURE = r#"DELETE FROM signatures WHERE user_id = $1"#;
    FIND_OWN = r#"SELECT role, is_public FROM signatures WHERE user_id = $1"#;
    COUNTS = r#"SELECT role, CAST(signed AS BIGINT) FROM signature_counts WHERE signed > 0"#;
    PUBLIC_PAGE = r#"SELECT s.id, u.display_name AS name, s.role, s.organisation, s.motivation,
               s.created_at AS signed_at
           FROM signatures s JOIN users u ON u.id = s.user_id
           WHERE s.is_public = 1 AND (s.created_at < $1 OR (s.created_at = $1 AND s.id < $2))
           ORDER BY s.created_at DESC, s.id DESC
           LIMIT $3"#;
}

/// The newest published version: its row id and document.
pub async fn latest(pool: &AnyPool) -> Result<Option<(i64, ManifestDoc)>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as(LATEST).fetch_optional(pool).await?;
    row.map(|(id, json)| {
        serde_json::from_str(&json)
            .map(|doc| (id, doc))
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))
    })
    .transpose()
}

/// Stores a new version and returns its row id.
pub async fn insert_version(
    conn: &mut sqlx::AnyConnection,
    doc: &ManifestDoc,
    by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let json = serde_json::to_string(doc).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query_scalar(INSERT_VERSION)
        .bind(doc.version)
        .bind(json)
        .bind(now)
        .bind(by)
        .fetch_one(&mut *conn)
        .await
}

/// What a new signature is made of (already validated).
pub struct NewSignature<'a> {
    /// Signer.
    pub user_id: i64,
    /// Version signed.
    pub version_id: i64,
    /// Role signed with.
    pub role: Role,
    /// Organisation or group, may be empty.
    pub organisation: &'a str,
    /// Why they sign, may be empty.
    pub motivation: &'a str,
    /// Show the name publicly.
    pub is_public: bool,
}

/// Inserts a signature; a second one by the same person violates the unique key.
pub async fn insert_signature(
    pool: &AnyPool,
    s: &NewSignature<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(INSERT_SIGNATURE)
        .bind(s.user_id)
        .bind(s.version_id)
        .bind(s.role.as_str())
        .bind(s.organisation)
        .bind(s.motivation)
        .bind(i64::from(s.is_public))
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Removes a person's signature; returns whether there was one.
pub async fn delete_signature(pool: &AnyPool, user_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(DELETE_SIGNATURE)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The person's own signature, if any.
pub async fn find_own(pool: &AnyPool, user_id: i64) -> Result<Option<OwnSignature>, sqlx::Error> {
    sqlx::query_as(FIND_OWN)
        .bind(user_id)
        .fetch_optional(pool)
        .await
}

/// How many signed, in total and per role (counted by triggers as
/// signatures come and go; see migration 0014).
pub async fn counts(pool: &AnyPool) -> Result<SignatureCounts, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(COUNTS).fetch_all(pool).await?;
    let by_role: Vec<(Role, i64)> = Role::ALL
        .into_iter()
        .filter_map(|role| {
            rows.iter()
                .find(|(r, _)| r == role.as_str())
                .map(|(_, n)| (role, *n))
        })
        .collect();
    Ok(SignatureCounts {
        total: by_role.iter().map(|(_, n)| n).sum(),
        by_role,
    })
}

/// Public signatures, newest first, strictly older than `before` = (signed_at, id).
pub async fn public_page(
    pool: &AnyPool,
    before: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<PublicSignature>, sqlx::Error> {
    let (at, id) = before.unwrap_or((i64::MAX, i64::MAX));
    sqlx::query_as(PUBLIC_PAGE)
        .bind(at)
        .bind(id)
        .bind(limit)
        .fetch_all(pool)
        .await
}
