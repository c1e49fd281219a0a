//! Sending mail over SMTP with `lettre`. Every server instance runs
//! [`run`]; what is due comes from the database and each mail is claimed
//! there before it is sent, so a mail goes out once however many instances
//! there are. A failed direct mail is tried again a few times.

use super::{
    compose::{self, Letter},
    model::{arrange, digest_day, DIGEST_HOUR},
    service::{self, Recipient},
};
use crate::{
    db::{now, Db},
    error::AppResult,
};
use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

/// Direct mails handled per round.
const BATCH: i64 = 50;

/// An SMTP connection and what every mail needs.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The site's public address, for absolute links (no trailing slash).
    pub base_url: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtp://host:port` without TLS, as for a local
    /// sink; `smtp://…?tls=required` for STARTTLS; `smtps://user:pass@host`).
    pub fn new(smtp_url: &str, from: &str, base_url: &str) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("SMTP address: {e}"))?
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("sender address: {e}"))?;
        Ok(Mailer {
            transport,
            from,
            base_url: base_url.trim_end_matches('/').to_owned(),
        })
    }

    async fn send(&self, to: &Recipient, letter: Letter) -> Result<(), String> {
        self.send_to(&to.email, &to.name, letter).await
    }

    /// Sends one letter to `email` now (for mail that cannot wait for the
    /// next round, such as a password reset link).
    pub async fn send_to(&self, email: &str, name: &str, letter: Letter) -> Result<(), String> {
        let address = email.parse().map_err(|e| format!("address: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(name.to_owned()), address))
            .subject(letter.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(letter.body)
            .map_err(|e| format!("message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("SMTP: {e}"))
    }
}

/// Sends the direct mails that are due; returns how many went out.
pub async fn send_direct_due(db: &Db, mailer: &Mailer) -> AppResult<usize> {
    let mut sent = 0;
    for (to, n) in service::direct_due(db, BATCH).await? {
        if !service::claim(db, n.id, now()).await? {
            continue;
        }
        let letter = compose::direct(to.lang, &to.name, &n, &mailer.base_url);
        match mailer.send(&to, letter).await {
            Ok(()) => sent += 1,
            Err(err) => {
                tracing::warn!(notification = n.id, "mail not sent, will retry: {err}");
                service::release(db, n.id).await?;
            }
        }
    }
    Ok(sent)
}

/// Sends the digests due at `now` (Unix seconds); returns how many went out.
pub async fn send_digests_due(db: &Db, mailer: &Mailer, now: i64) -> AppResult<usize> {
    let today = digest_day(now, DIGEST_HOUR);
    let mut sent = 0;
    for to in service::digest_due(db, today).await? {
        let Some(before) = service::claim_digest(db, to.user_id, today).await? else {
            continue;
        };
        let entries = service::digest_entries(db, to.user_id).await?;
        let ids: Vec<i64> = entries.iter().map(|e| e.notification.id).collect();
        if ids.is_empty() {
            continue;
        }
        let letter = compose::digest(to.lang, &to.name, &arrange(entries), &mailer.base_url);
        match mailer.send(&to, letter).await {
            Ok(()) => {
                service::mark_digested(db, to.user_id, &ids, now).await?;
                sent += 1;
            }
            Err(err) => {
                tracing::warn!(user = to.user_id, "digest not sent, will retry: {err}");
                service::release_digest(db, to.user_id, before).await?;
            }
        }
    }
    Ok(sent)
}

/// Sends what is due, every `every`, for as long as the server runs.
pub async fn run(db: Db, mailer: Mailer, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(err) = send_direct_due(&db, &mailer).await {
            tracing::error!("sending mail: {err}");
        }
        if let Err(err) = send_digests_due(&db, &mailer, now()).await {
            tracing::error!("sending digests: {err}");
        }
    }
}
