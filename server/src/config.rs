//! Configuration: one typed struct, read once at start-up from the
//! environment (see `.env.example` for every variable and its meaning).

use app::accounts::client_address::TrustedProxies;
use std::net::SocketAddr;

/// Everything the server needs to know before it starts.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` (default, embedded) or `postgres://…` (scale-out).
    pub database_url: String,
    /// Maximum connections in the pool.
    pub max_connections: u32,
    /// Load demo data into an empty database.
    pub demo: bool,
    /// Mark the session cookie `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Address to listen on; `None` means the one in Cargo.toml's Leptos metadata.
    pub listen: Option<SocketAddr>,
    /// Folder for uploaded images; `None` keeps them in the database.
    pub image_dir: Option<std::path::PathBuf>,
    /// Notification e-mail; `None` (no `WIJKPLEIN_SMTP_URL`) sends none.
    pub mail: Option<MailConfig>,
    /// `WIJKPLEIN_LIMIT_FACTOR`: multiplies every rate limit's maximum
    /// (default 1). Only benchmarks and browser tests, which write far more
    /// than a person could, raise it.
    pub limit_factor: i64,
    /// `WIJKPLEIN_TRUSTED_PROXIES`: addresses or ranges of the load
    /// balancers in front of this server, whose `X-Forwarded-For` names the
    /// client for the limits per address. Empty: served directly.
    pub trusted_proxies: TrustedProxies,
}

/// Where and how notification e-mail goes out.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `WIJKPLEIN_SMTP_URL`, e.g. `smtp://127.0.0.1:2525` (a local sink) or
    /// `smtps://user:password@smtp.example.nl`.
    pub smtp_url: String,
    /// `WIJKPLEIN_MAIL_FROM`, the sender.
    pub from: String,
    /// `WIJKPLEIN_PUBLIC_URL`, the site's address for links in mails.
    pub public_url: String,
    /// `WIJKPLEIN_MAIL_INTERVAL_SECS`: how often each instance looks for mail
    /// that is due.
    pub every: std::time::Duration,
}

/// A configuration problem, reported before anything starts.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A variable has a value we cannot use.
    #[error("{name} has an invalid value {value:?}: {reason}")]
    Invalid {
        name: &'static str,
        value: String,
        reason: &'static str,
    },
}

impl Config {
    /// Reads the configuration from environment variables.
    pub fn from_env() -> Result<Config, ConfigError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let database_url =
            var("DATABASE_URL").unwrap_or_else(|| "sqlite://wijkplein.db?mode=rwc".to_owned());
        if app::db::Backend::from_url(&database_url).is_none() {
            return Err(ConfigError::Invalid {
                name: "DATABASE_URL",
                value: database_url,
                reason: "use sqlite://… or postgres://…",
            });
        }
        let max_connections = match var("WIJKPLEIN_DB_CONNECTIONS") {
            None => 8,
            Some(v) => v.parse().map_err(|_| ConfigError::Invalid {
                name: "WIJKPLEIN_DB_CONNECTIONS",
                value: v,
                reason: "expected a number",
            })?,
        };
        let flag = |name: &'static str, default: bool| -> Result<bool, ConfigError> {
            match var(name).as_deref() {
                None => Ok(default),
                Some("1" | "true" | "yes") => Ok(true),
                Some("0" | "false" | "no") => Ok(false),
                Some(other) => Err(ConfigError::Invalid {
                    name,
                    value: other.to_owned(),
                    reason: "expected 0 or 1",
                }),
            }
        };
        let listen = match var("WIJKPLEIN_LISTEN") {
            None => None,
            Some(v) => Some(v.parse().map_err(|_| ConfigError::Invalid {
                name: "WIJKPLEIN_LISTEN",
                value: v,
                reason: "expected host:port",
            })?),
        };
        let mail = match var("WIJKPLEIN_SMTP_URL") {
            None => None,
            Some(smtp_url) => Some(MailConfig {
                smtp_url,
                from: var("WIJKPLEIN_MAIL_FROM")
                    .unwrap_or_else(|| "Wijkplein <meldingen@wijkplein.localhost>".to_owned()),
                public_url: var("WIJKPLEIN_PUBLIC_URL")
                    .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned()),
                every: match var("WIJKPLEIN_MAIL_INTERVAL_SECS") {
                    None => std::time::Duration::from_secs(10),
                    Some(v) => match v.parse::<u64>() {
                        Ok(secs) if secs > 0 => std::time::Duration::from_secs(secs),
                        _ => {
                            return Err(ConfigError::Invalid {
                                name: "WIJKPLEIN_MAIL_INTERVAL_SECS",
                                value: v,
                                reason: "expected a whole number of seconds above 0",
                            })
                        }
                    },
                },
            }),
        };
        let limit_factor = match var("WIJKPLEIN_LIMIT_FACTOR") {
            None => 1,
            Some(v) => match v.parse::<i64>() {
                Ok(factor) if factor >= 1 => factor,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "WIJKPLEIN_LIMIT_FACTOR",
                        value: v,
                        reason: "expected a whole number of at least 1",
                    })
                }
            },
        };
        let trusted_proxies = match var("WIJKPLEIN_TRUSTED_PROXIES") {
            None => TrustedProxies::none(),
            Some(v) => v.parse().map_err(|_| ConfigError::Invalid {
                name: "WIJKPLEIN_TRUSTED_PROXIES",
                value: v,
                reason: "expected IP addresses or ranges such as 10.0.0.0/8, separated by commas",
            })?,
        };
        Ok(Config {
            trusted_proxies,
            mail,
            limit_factor,
            database_url,
            max_connections,
            demo: flag("WIJKPLEIN_DEMO", true)?,
            secure_cookies: flag("WIJKPLEIN_SECURE_COOKIES", false)?,
            listen,
            image_dir: var("WIJKPLEIN_IMAGE_DIR").map(std::path::PathBuf::from),
        })
    }
}
