//! Rate limits kept in the database, so that every server instance counts
//! the same attempts (a limit in one process's memory would let a second
//! instance double it). Each limited action writes one `rate_events` row;
//! a request is refused when the window already holds the maximum. This is
//! the one limiter of the platform: every limit is a [`Limit`] below, and
//! one hourly job forgets old counts.
//!
//! Limits per address count the key of [`crate::accounts::client_address`]:
//! an IPv4 address, or the /64 network of an IPv6 one (one home or phone
//! gets a whole /64 and can pick any address in it).
//!
//! Two instances deciding at the very same moment may both let one more
//! through: a limit is a brake on abuse, not an exact quota, so counting
//! without a lock is the right trade for a write on every reaction.

use crate::{
    db::{now, Db},
    error::{AppError, AppResult},
};

/// One kind of limited action: how many in how long, and what to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The action's name in `rate_events`.
    pub action: &'static str,
    /// Most attempts within the window.
    pub max: i64,
    /// The window, in seconds.
    pub window: i64,
    /// Fluent key of the message a refused person reads.
    pub message: &'static str,
}

/// Registration attempts per IP address per hour, made or not (each one
/// costs a password hash): a family or a community centre sharing one
/// connection can still register several people, typing errors included.
pub const REGISTRATIONS_PER_IP: Limit = Limit {
    action: "register",
    max: 20,
    window: 3600,
    message: "error-rate-limited-register",
};

/// Reactions per person per ten minutes: a lively exchange stays well within
/// it; a script posting in a loop does not.
pub const REACTIONS_PER_PERSON: Limit = Limit {
    action: "react",
    max: 60,
    window: 600,
    message: "error-rate-limited-react",
};

/// Plans written or edited per person per ten minutes: careful writing
/// takes a few saves; a script rewriting plans in a loop is stopped.
pub const PLAN_WRITES_PER_PERSON: Limit = Limit {
    action: "plan-write",
    max: 20,
    window: 600,
    message: "error-rate-limited",
};

/// Progress and accountability updates per person per hour: a few a day
/// is a lot for one plan; a script posting them in a loop is stopped.
pub const UPDATES_PER_PERSON: Limit = Limit {
    action: "update",
    max: 10,
    window: 3600,
    message: "error-rate-limited",
};

/// Password reset mails per email address per hour.
pub const RESETS_PER_EMAIL: Limit = Limit {
    action: "reset-email",
    max: 3,
    window: 3600,
    message: "error-rate-limited-reset",
};

/// Sign-up mails (a link to confirm, or a note that the address has an
/// account) per address per hour: nobody can fill someone's inbox by
/// signing up with it. Past the limit the mail is skipped, and the answer to
/// the sign-up stays the same, so it tells nothing (see [`try_take`]).
pub const SIGNUP_MAILS_PER_EMAIL: Limit = Limit {
    action: "signup-email",
    max: 3,
    window: 3600,
    message: "error-rate-limited-register",
};

/// Password reset requests per IP address per hour.
pub const RESETS_PER_IP: Limit = Limit {
    action: "reset-ip",
    max: 20,
    window: 3600,
    message: "error-rate-limited-reset",
};

/// Failed logins on one account from one address per quarter of an hour:
/// that address then waits, and the account's owner elsewhere does not.
/// The subject is [`account_at`].
pub const LOGIN_FAILURES_PER_ACCOUNT_AT_ADDRESS: Limit = Limit {
    action: "login-fail-pair",
    max: 5,
    window: 15 * 60,
    message: "error-rate-limited",
};

/// Failed logins (and failed password checks) on one account from anywhere
/// per quarter of an hour. Not a lock: past the maximum every login on the
/// account is slowed ([`slowdown`]), so guessing from many addresses gets
/// slow while the owner still gets in.
pub const LOGIN_FAILURES_PER_EMAIL: Limit = Limit {
    action: "login-fail-email",
    max: 5,
    window: 15 * 60,
    message: "error-rate-limited",
};

/// Wrong passwords when a logged-in person confirms a change (password,
/// e-mail, deleting the account) per account per quarter of an hour: someone
/// holding another person's session cannot guess the password freely.
pub const PASSWORD_CHECK_FAILURES: Limit = Limit {
    action: "password-check-fail",
    max: 5,
    window: 15 * 60,
    message: "error-rate-limited",
};

/// The subject of [`LOGIN_FAILURES_PER_ACCOUNT_AT_ADDRESS`]: the e-mail
/// address and the client's address (a space never occurs in either).
pub fn account_at(email: &str, address: &str) -> String {
    format!("{email} {address}")
}

/// How long a login on an account waits after `failures` recent failures
/// on it: nothing up to the maximum, then one second more per failure, up
/// to ten.
pub fn slowdown(failures: i64) -> std::time::Duration {
    let over = failures - LOGIN_FAILURES_PER_EMAIL.max + 1;
    std::time::Duration::from_secs(over.clamp(0, 10) as u64)
}

/// Failed logins per address per quarter of an hour: one script trying many
/// accounts.
pub const LOGIN_FAILURES_PER_ADDRESS: Limit = Limit {
    action: "login-fail-ip",
    max: 30,
    window: 15 * 60,
    message: "error-rate-limited",
};

/// Guest reactions per address per hour: they wait for a moderator, so a few
/// are plenty.
pub const GUEST_REACTIONS_PER_ADDRESS: Limit = Limit {
    action: "guest-react",
    max: 5,
    window: 3600,
    message: "error-rate-limited",
};

/// How strict the limits are on this server. `factor` multiplies every
/// maximum: 1 in use; benchmarks and browser tests, which post far more than
/// a person could, run with a large one (`WIJKPLEIN_LIMIT_FACTOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Multiplier for every maximum (at least 1).
    pub factor: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { factor: 1 }
    }
}

impl Limits {
    /// The maximum that applies to `limit` here.
    pub fn max_of(self, limit: Limit) -> i64 {
        limit.max.saturating_mul(self.factor.max(1))
    }
}

/// Counts one attempt at `limit` by `subject` (an IP address, a person's id,
/// an email address), or refuses it with the limit's message when the window
/// is already full. A refused attempt is not counted, so waiting helps.
pub async fn take(db: &Db, limit: Limit, subject: &str) -> AppResult<()> {
    check(db, limit, subject).await?;
    record(db, limit, subject).await
}

/// Counts one attempt at `limit` by `subject` and says whether it was
/// allowed: for actions whose refusal must not show (a mail to an address
/// that may or may not have an account). A refused attempt is not counted.
pub async fn try_take(db: &Db, limit: Limit, subject: &str) -> AppResult<bool> {
    if used(db, limit, subject).await? >= db.limits.max_of(limit) {
        return Ok(false);
    }
    record(db, limit, subject).await?;
    Ok(true)
}

/// Refuses when `subject` has used up `limit`, without counting this one
/// (for actions that count only when they succeed, see [`record`]).
pub async fn check(db: &Db, limit: Limit, subject: &str) -> AppResult<()> {
    let used = queries::count(db, limit.action, subject, now() - limit.window).await?;
    if used >= db.limits.max_of(limit) {
        return Err(AppError::RateLimited(crate::i18n::t(limit.message)));
    }
    Ok(())
}

/// Counts one attempt at `limit` by `subject`.
pub async fn record(db: &Db, limit: Limit, subject: &str) -> AppResult<()> {
    queries::record(db, limit.action, subject, now()).await?;
    Ok(())
}

/// How many attempts `subject` made at `limit` within its window.
pub async fn used(db: &Db, limit: Limit, subject: &str) -> AppResult<i64> {
    Ok(queries::count(db, limit.action, subject, now() - limit.window).await?)
}

/// Forgets `subject`'s attempts at `limit` (a successful login clears the
/// failures before it).
pub async fn clear(db: &Db, limit: Limit, subject: &str) -> AppResult<()> {
    queries::clear(db, limit.action, subject).await?;
    Ok(())
}

/// No window is longer than a day, so older attempts count for nothing.
pub const KEPT_SECS: i64 = 86_400;

/// Forgets attempts older than [`KEPT_SECS`]; returns how many. The server
/// runs it every hour (several instances may: it is idempotent), instead of
/// every counted attempt paying for a delete.
pub async fn forget_old(db: &Db) -> AppResult<u64> {
    Ok(queries::forget_before(db, now() - KEPT_SECS).await?)
}

pub(crate) mod queries {
    use crate::db::Db;

    crate::statements! {
        COUNT_SINCE = r#"SELECT COUNT(*) FROM rate_events WHERE action = $1 AND subject = $2 AND at >= $3"#;
        INSERT_EVENT = r#"INSERT INTO rate_events (action, subject, at) VALUES ($1, $2, $3)"#;
        CLEAR_EVENTS = r#"DELETE FROM rate_events WHERE action = $1 AND subject = $2"#;
        FORGET_BEFORE = r#"DELETE FROM rate_events WHERE at < $1"#;
    }

    /// Attempts at `action` by `subject` since `since`.
    pub async fn count(
        db: &Db,
        action: &str,
        subject: &str,
        since: i64,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(COUNT_SINCE)
            .bind(action)
            .bind(subject)
            .bind(since)
            .fetch_one(&db.pool)
            .await
    }

    /// Records an attempt.
    pub async fn record(db: &Db, action: &str, subject: &str, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query(INSERT_EVENT)
            .bind(action)
            .bind(subject)
            .bind(now)
            .execute(&db.pool)
            .await
            .map(|_| ())
    }

    /// Deletes `subject`'s attempts at `action`.
    pub async fn clear(db: &Db, action: &str, subject: &str) -> Result<(), sqlx::Error> {
        sqlx::query(CLEAR_EVENTS)
            .bind(action)
            .bind(subject)
            .execute(&db.pool)
            .await
            .map(|_| ())
    }

    /// Deletes the attempts made before `before`.
    pub async fn forget_before(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
        sqlx::query(FORGET_BEFORE)
            .bind(before)
            .execute(&db.pool)
            .await
            .map(|done| done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_slow_down_after_the_maximum_and_never_lock() {
        use std::time::Duration;
        assert_eq!(slowdown(0), Duration::ZERO);
        assert_eq!(slowdown(LOGIN_FAILURES_PER_EMAIL.max - 1), Duration::ZERO);
        assert_eq!(
            slowdown(LOGIN_FAILURES_PER_EMAIL.max),
            Duration::from_secs(1)
        );
        assert_eq!(
            slowdown(LOGIN_FAILURES_PER_EMAIL.max + 3),
            Duration::from_secs(4)
        );
        assert_eq!(slowdown(1_000), Duration::from_secs(10));
    }

    #[test]
    fn the_factor_multiplies_and_never_lowers() {
        assert_eq!(Limits::default().max_of(REACTIONS_PER_PERSON), 60);
        assert_eq!(Limits { factor: 100 }.max_of(REACTIONS_PER_PERSON), 6000);
        assert_eq!(Limits { factor: 0 }.max_of(RESETS_PER_EMAIL), 3);
        assert_eq!(Limits { factor: -5 }.max_of(RESETS_PER_EMAIL), 3);
        assert_eq!(
            Limits { factor: i64::MAX }.max_of(RESETS_PER_EMAIL),
            i64::MAX
        );
    }

    #[test]
    fn every_limit_has_its_own_action_name() {
        let all = [
            REGISTRATIONS_PER_IP,
            REACTIONS_PER_PERSON,
            RESETS_PER_EMAIL,
            RESETS_PER_IP,
            LOGIN_FAILURES_PER_EMAIL,
            LOGIN_FAILURES_PER_ADDRESS,
            GUEST_REACTIONS_PER_ADDRESS,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.action, b.action);
            }
        }
    }
}
