//! Reactions that a browser may send more than once: a retry after a lost
//! answer, or the service worker's outbox replaying what was written
//! offline. The browser's `client_key` makes the second send harmless.

use super::{queries, service::ReactionForm};
use crate::{
    accounts::{validate::normalize_email, Viewer},
    db::Db,
    error::{AppError, AppResult},
};

/// Posts a reaction that the browser may send more than once: a retry after
/// a lost answer, or the service worker's outbox replaying what was written
/// offline. The same `client_key` from the same author gives back the first
/// reaction's id, even if the subject has closed since, instead of a second
/// reaction. An empty key is an ordinary post.
pub async fn post_once(
    db: &Db,
    viewer: Option<&Viewer>,
    form: ReactionForm,
    ip: &str,
    client_key: &str,
) -> AppResult<i64> {
    let key = client_key.trim();
    if key.is_empty() {
        return super::service::post(db, viewer, form, ip).await;
    }
    if !is_client_key(key) {
        return Err(AppError::field("body", "client_key_invalid"));
    }
    if let Some(id) = sent_before(db, viewer, &form, key).await? {
        return Ok(id);
    }
    super::service::post_keyed(db, viewer, form, ip, Some(key)).await
}

/// A browser key: 8 to 64 letters, digits and dashes (a UUID fits).
pub fn is_client_key(key: &str) -> bool {
    (8..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The reaction sent earlier under `key` by the same author. Someone else's
/// key is refused rather than answered, so that keys reveal nothing.
pub(super) async fn sent_before(
    db: &Db,
    viewer: Option<&Viewer>,
    form: &ReactionForm,
    key: &str,
) -> AppResult<Option<i64>> {
    let Some(queries::KeyedReaction {
        id,
        user_id,
        guest_email,
    }) = queries::find_by_client_key(&db.pool, key).await?
    else {
        return Ok(None);
    };
    let same_author = match viewer {
        Some(v) => user_id == Some(v.id),
        None => user_id.is_none() && guest_email == normalize_email(&form.guest_email),
    };
    if same_author {
        Ok(Some(id))
    } else {
        Err(AppError::conflict("error-client-key-taken"))
    }
}
