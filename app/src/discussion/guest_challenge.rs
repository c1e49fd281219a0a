//! The guest challenge, issued without writing anything: the server signs
//! it (HMAC-SHA256 over the time, a random value and the discussion it is
//! for) with its own secret, so any instance can check it later. A page with
//! a challenge is then the same for every guest, and the page cache serves
//! it like any other page. Only the use of a solution is written, once, when
//! the reaction is posted: the same solution twice is a replay.
//!
//! Guests on one cached page share its challenge; each browser starts its
//! search at a random nonce (see `solver`), so their solutions differ and
//! each costs its own work.

use super::challenge::{solves, DIFFICULTY};
use super::queries::{FORGET_EXPIRED, INSERT_KEY_ONCE, RECORD_USE, SET_KEY, STORED_KEY};
use crate::{
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a challenge may be answered: a guest may take their time
/// writing; a cached page is at most seconds old when it is shown.
pub const LIFETIME_SECS: i64 = 3 * 3600;

/// The `server_keys` row of the signing secret.
const KEY_NAME: &str = "guest-challenge";

/// The server's signing secret.
#[derive(Clone)]
pub struct ChallengeKey(Vec<u8>);

impl std::fmt::Debug for ChallengeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChallengeKey(…)")
    }
}

impl ChallengeKey {
    /// A key from secret bytes (the environment's, or the stored one).
    pub fn new(secret: &[u8]) -> ChallengeKey {
        ChallengeKey(secret.to_vec())
    }

    fn mac(&self, issued_at: i64, random: &str, subject: &str) -> Hmac<Sha256> {
        // Any key length is accepted by HMAC, so this never fails.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(format!("{issued_at}.{random}.{subject}").as_bytes());
        mac
    }

    /// A new challenge for `subject`: `<time>.<random>.<signature>`.
    pub fn issue(&self, subject: &str, at: i64) -> String {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        let random = hex::encode(bytes);
        let signature = hex::encode(self.mac(at, &random, subject).finalize().into_bytes());
        format!("{at}.{random}.{signature}")
    }

    /// Checks a challenge and its nonce for `subject` at time `at`; returns
    /// the solution's key for recording its use.
    pub fn verify(&self, token: &str, subject: &str, nonce: &str, at: i64) -> Option<String> {
        let mut parts = token.splitn(3, '.');
        let issued_at: i64 = parts.next()?.parse().ok()?;
        let random = parts.next()?;
        let signature = hex::decode(parts.next()?).ok()?;
        self.mac(issued_at, random, subject)
            .verify_slice(&signature)
            .ok()?;
        let fresh = issued_at <= at + 60 && at - issued_at <= LIFETIME_SECS;
        let nonce_ok = !nonce.is_empty() && nonce.len() <= 20;
        (fresh && nonce_ok && solves(token, nonce, DIFFICULTY)).then(|| format!("{random}:{nonce}"))
    }
}

/// The signing secret: `WIJKPLEIN_SECRET` when the server was given one,
/// else the one stored in the database, made at first start. Several
/// instances on one database share it either way.
pub async fn key(db: &Db) -> AppResult<ChallengeKey> {
    if let Some(stored) = stored_key(db).await? {
        return Ok(ChallengeKey::new(stored.as_bytes()));
    }
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    // Two instances starting at once: the first insert wins, both read it.
    sqlx::query(INSERT_KEY_ONCE)
        .bind(KEY_NAME)
        .bind(hex::encode(bytes))
        .execute(&db.pool)
        .await?;
    let stored = stored_key(db)
        .await?
        .ok_or_else(|| AppError::internal("the challenge key was not stored"))?;
    Ok(ChallengeKey::new(stored.as_bytes()))
}

/// Stores the secret the operator gave (`WIJKPLEIN_SECRET`) in the place of
/// the generated one, at start-up.
pub async fn set_key(db: &Db, secret: &str) -> AppResult<()> {
    sqlx::query(SET_KEY)
        .bind(KEY_NAME)
        .bind(secret)
        .execute(&db.pool)
        .await?;
    Ok(())
}

async fn stored_key(db: &Db) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(STORED_KEY)
        .bind(KEY_NAME)
        .fetch_optional(&db.pool)
        .await
}

/// A challenge for a guest's form on `subject`.
pub async fn issue(db: &Db, subject: &str) -> AppResult<String> {
    Ok(key(db).await?.issue(subject, now()))
}

/// Checks the guest's challenge and nonce for `subject` and uses the
/// solution up; anything forged, expired, for another discussion, unsolved
/// or used before is refused with the same field error.
pub async fn take(db: &Db, subject: &str, token: &str, nonce: &str) -> AppResult<()> {
    let refused = || AppError::field("body", "challenge_failed");
    let at = now();
    let solution = key(db)
        .await?
        .verify(token, subject, nonce, at)
        .ok_or_else(refused)?;
    match sqlx::query(RECORD_USE)
        .bind(&solution)
        .bind(at)
        .execute(&db.pool)
        .await
    {
        Ok(_) => Ok(()),
        Err(err) if is_unique_violation(&err) => Err(refused()),
        Err(err) => Err(err.into()),
    }
}

/// Forgets used solutions whose challenge has expired (they can no longer
/// be replayed). Run by the hourly job with the rate-limit counts.
pub async fn forget_expired(db: &Db) -> AppResult<u64> {
    Ok(sqlx::query(FORGET_EXPIRED)
        .bind(now() - LIFETIME_SECS - 120)
        .execute(&db.pool)
        .await?
        .rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discussion::challenge::solve;

    const AT: i64 = 1_800_000_000;

    fn solved(key: &ChallengeKey, subject: &str) -> (String, String) {
        let token = key.issue(subject, AT);
        let nonce = solve(&token, DIFFICULTY).to_string();
        (token, nonce)
    }

    #[test]
    fn a_solved_challenge_is_accepted_for_its_subject_only() {
        let key = ChallengeKey::new(b"geheim");
        let (token, nonce) = solved(&key, "plan:7");
        assert!(key.verify(&token, "plan:7", &nonce, AT + 10).is_some());
        assert!(key.verify(&token, "plan:8", &nonce, AT + 10).is_none());
        assert!(key.verify(&token, "plan:7", "", AT + 10).is_none());
    }

    #[test]
    fn an_expired_or_future_challenge_is_refused() {
        let key = ChallengeKey::new(b"geheim");
        let (token, nonce) = solved(&key, "manifest");
        assert!(key
            .verify(&token, "manifest", &nonce, AT + LIFETIME_SECS)
            .is_some());
        assert!(key
            .verify(&token, "manifest", &nonce, AT + LIFETIME_SECS + 1)
            .is_none());
        assert!(key.verify(&token, "manifest", &nonce, AT - 3600).is_none());
    }

    #[test]
    fn a_forged_or_foreign_signature_is_refused() {
        let key = ChallengeKey::new(b"geheim");
        let (token, nonce) = solved(&key, "manifest");
        let other = ChallengeKey::new(b"ander geheim");
        assert!(other.verify(&token, "manifest", &nonce, AT).is_none());
        // A later time with the old signature.
        let moved = token.replacen(&AT.to_string(), &(AT + 100).to_string(), 1);
        assert!(key.verify(&moved, "manifest", &nonce, AT + 100).is_none());
        for junk in ["", "1.2", "x.y.z", "1.ab.zz", "..", &format!("{AT}.00.00")] {
            assert!(key.verify(junk, "manifest", "1", AT).is_none(), "{junk}");
        }
    }

    #[test]
    fn two_challenges_differ_and_the_solution_key_names_the_nonce() {
        let key = ChallengeKey::new(b"geheim");
        assert_ne!(key.issue("manifest", AT), key.issue("manifest", AT));
        let (token, nonce) = solved(&key, "manifest");
        let solution = key.verify(&token, "manifest", &nonce, AT).unwrap();
        assert!(solution.ends_with(&format!(":{nonce}")));
    }
}
