//! Live updates: "something changed on this plan" reaches everyone who has
//! it open, on every server instance.
//!
//! Each instance keeps a broadcast channel that its server-sent-event streams
//! read. On SQLite there is one instance, so publishing sends straight into
//! that channel. On PostgreSQL several instances share the database, so
//! publishing is a `NOTIFY` and every instance (this one included) forwards
//! what it hears on `LISTEN` into its own channel. Nothing here is state that
//! another instance would need: a missed event only means a reader sees the
//! change on their next load.

use serde::{Deserialize, Serialize};

pub mod refresh;

/// What happened, and where. Sent to browsers as an SSE event named `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    /// What it is about, e.g. `plan:12`.
    pub topic: String,
    /// `reaction`, `phase`, `support` or `update`.
    pub kind: String,
}

impl LiveEvent {
    /// An event on a plan.
    pub fn plan(plan_id: i64, kind: &str) -> LiveEvent {
        LiveEvent {
            topic: format!("plan:{plan_id}"),
            kind: kind.to_owned(),
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::LiveEvent;
    use crate::db::{Backend, Db};
    use tokio::sync::broadcast;

    crate::statements! {
        NOTIFY [postgres] = "SELECT pg_notify($1, $2)";
    }

    /// The PostgreSQL channel all instances listen on.
    pub const CHANNEL: &str = "wijkplein_live";

    /// This instance's side of the live updates.
    #[derive(Debug, Clone)]
    pub struct Bus {
        sender: broadcast::Sender<LiveEvent>,
    }

    impl Default for Bus {
        fn default() -> Bus {
            // Readers that fall this far behind skip ahead; see `subscribe`.
            let (sender, _) = broadcast::channel(256);
            Bus { sender }
        }
    }

    impl Bus {
        /// A stream of this instance's events, for one SSE connection.
        pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
            self.sender.subscribe()
        }

        /// Hands an event to this instance's readers (no one listening is fine).
        pub fn deliver(&self, event: LiveEvent) {
            let _ = self.sender.send(event);
        }
    }

    impl Db {
        /// Announces a change after it is committed. Best effort: a failure is
        /// logged, never returned, because the change itself already happened.
        pub async fn publish(&self, event: LiveEvent) {
            match self.backend {
                Backend::Sqlite => self.live.deliver(event),
                Backend::Postgres => {
                    let payload = match serde_json::to_string(&event) {
                        Ok(p) => p,
                        Err(err) => return tracing::warn!("live event not encoded: {err}"),
                    };
                    let sent = sqlx::query(NOTIFY)
                        .bind(CHANNEL)
                        .bind(payload)
                        .execute(&self.pool)
                        .await;
                    if let Err(err) = sent {
                        tracing::warn!("live event not sent: {err}");
                    }
                }
            }
        }
    }

    /// On PostgreSQL, forwards every `NOTIFY` on [`CHANNEL`] to this
    /// instance's readers, reconnecting after a lost connection. Returns once
    /// listening has started, so callers know no later event is missed.
    pub async fn listen(db: &Db, url: &str) -> Result<(), sqlx::Error> {
        if db.backend != Backend::Postgres {
            return Ok(());
        }
        let mut listener = sqlx::postgres::PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        let bus = db.live.clone();
        tokio::spawn(async move {
            loop {
                // `recv` reconnects by itself after a lost connection.
                match listener.recv().await {
                    Ok(note) => match serde_json::from_str::<LiveEvent>(note.payload()) {
                        Ok(event) => bus.deliver(event),
                        Err(err) => tracing::warn!("unreadable live event: {err}"),
                    },
                    Err(err) => {
                        tracing::warn!("live listener: {err}; retrying");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }
}
