//! Configuration: one typed struct, read once at start-up from the
//! environment (see `.env.example` for every variable and its meaning).
//!
//! Safe by default: an operator who sets only `DATABASE_URL` gets no demo
//! accounts, no mail, limits at their normal strength and the client address
//! from the socket. What must be switched on for production (TLS cookies,
//! trusted proxies, mail) is listed in the README's "Running it in
//! production".

use app::accounts::client_address::TrustedProxies;
use std::{net::SocketAddr, path::PathBuf, str::FromStr, time::Duration};

/// Everything the server needs to know before it starts.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://…` (default, embedded) or `postgres://…` (scale-out).
    pub database_url: String,
    /// Maximum connections in the pool.
    pub max_connections: u32,
    /// `WIJKPLEIN_DEMO=1`: load demo data into an empty database. Off unless
    /// asked for (`scripts/dev.sh` asks): the demo admin's password is public.
    pub demo: bool,
    /// Mark the session cookie `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Address to listen on; `None` means the one in Cargo.toml's Leptos metadata.
    pub listen: Option<SocketAddr>,
    /// Folder for uploaded images; `None` keeps them in the database.
    pub image_dir: Option<PathBuf>,
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
    /// `WIJKPLEIN_SECRET`: signs guest challenges. Unset, the server makes
    /// one at first start and keeps it in the database, shared by every
    /// instance; set, it takes that one's place (at least 32 characters).
    pub secret: Option<String>,
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
    pub every: Duration,
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
    /// Two settings that must not go together.
    #[error("{0}")]
    Conflict(&'static str),
}

/// Refusal when demo data is asked for on a site served over TLS.
pub const DEMO_WITH_SECURE_COOKIES: &str = "WIJKPLEIN_DEMO=1 together with WIJKPLEIN_SECURE_COOKIES=1: demo data (with an admin whose password is in the README) is for a local try-out, never for a site served over HTTPS. Remove WIJKPLEIN_DEMO.";

/// Reads variables by name, ignoring empty values: the environment in the
/// server, a map in tests.
struct Vars<F: Fn(&str) -> Option<String>>(F);

impl<F: Fn(&str) -> Option<String>> Vars<F> {
    fn get(&self, name: &str) -> Option<String> {
        (self.0)(name).filter(|v| !v.trim().is_empty())
    }

    /// A value parsed with `FromStr` and accepted by `ok`, or the default.
    fn parsed<T: FromStr>(
        &self,
        name: &'static str,
        default: T,
        ok: impl Fn(&T) -> bool,
        reason: &'static str,
    ) -> Result<T, ConfigError> {
        match self.get(name) {
            None => Ok(default),
            Some(value) => match value.trim().parse::<T>() {
                Ok(parsed) if ok(&parsed) => Ok(parsed),
                _ => Err(ConfigError::Invalid {
                    name,
                    value,
                    reason,
                }),
            },
        }
    }

    /// A 0/1 switch.
    fn flag(&self, name: &'static str, default: bool) -> Result<bool, ConfigError> {
        match self.get(name).as_deref().map(str::trim) {
            None => Ok(default),
            Some("1" | "true" | "yes") => Ok(true),
            Some("0" | "false" | "no") => Ok(false),
            Some(other) => Err(ConfigError::Invalid {
                name,
                value: other.to_owned(),
                reason: "expected 0 or 1",
            }),
        }
    }
}

impl Config {
    /// Reads the configuration from environment variables.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_vars(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `var` (the environment, or a map in
    /// tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let vars = Vars(var);
        let config = Config {
            database_url: database_url(&vars)?,
            max_connections: vars.parsed(
                "WIJKPLEIN_DB_CONNECTIONS",
                8,
                |n| *n > 0,
                "expected a number above 0",
            )?,
            demo: vars.flag("WIJKPLEIN_DEMO", false)?,
            secure_cookies: vars.flag("WIJKPLEIN_SECURE_COOKIES", false)?,
            listen: match vars.get("WIJKPLEIN_LISTEN") {
                None => None,
                Some(_) => Some(vars.parsed(
                    "WIJKPLEIN_LISTEN",
                    SocketAddr::from(([127, 0, 0, 1], 3000)),
                    |_| true,
                    "expected host:port",
                )?),
            },
            image_dir: vars.get("WIJKPLEIN_IMAGE_DIR").map(PathBuf::from),
            mail: mail(&vars)?,
            limit_factor: vars.parsed(
                "WIJKPLEIN_LIMIT_FACTOR",
                1,
                |n| *n >= 1,
                "expected a whole number of at least 1",
            )?,
            trusted_proxies: vars.parsed(
                "WIJKPLEIN_TRUSTED_PROXIES",
                TrustedProxies::none(),
                |_| true,
                "expected IP addresses or ranges such as 10.0.0.0/8, separated by commas",
            )?,
            secret: secret(&vars)?,
        };
        if config.demo && config.secure_cookies {
            return Err(ConfigError::Conflict(DEMO_WITH_SECURE_COOKIES));
        }
        Ok(config)
    }
}

fn database_url<F: Fn(&str) -> Option<String>>(vars: &Vars<F>) -> Result<String, ConfigError> {
    let url = vars
        .get("DATABASE_URL")
        .unwrap_or_else(|| "sqlite://wijkplein.db?mode=rwc".to_owned());
    if app::db::Backend::from_url(&url).is_none() {
        return Err(ConfigError::Invalid {
            name: "DATABASE_URL",
            value: url,
            reason: "use sqlite://… or postgres://…",
        });
    }
    Ok(url)
}

fn secret<F: Fn(&str) -> Option<String>>(vars: &Vars<F>) -> Result<Option<String>, ConfigError> {
    match vars.get("WIJKPLEIN_SECRET") {
        Some(secret) if secret.trim().chars().count() < 32 => Err(ConfigError::Invalid {
            name: "WIJKPLEIN_SECRET",
            value: "(hidden)".to_owned(),
            reason: "expected at least 32 characters, for example from `openssl rand -hex 32`",
        }),
        other => Ok(other.map(|s| s.trim().to_owned())),
    }
}

/// Mail is on only when an SMTP server is named.
fn mail<F: Fn(&str) -> Option<String>>(vars: &Vars<F>) -> Result<Option<MailConfig>, ConfigError> {
    let Some(smtp_url) = vars.get("WIJKPLEIN_SMTP_URL") else {
        return Ok(None);
    };
    Ok(Some(MailConfig {
        smtp_url,
        from: vars
            .get("WIJKPLEIN_MAIL_FROM")
            .unwrap_or_else(|| "Wijkplein <meldingen@wijkplein.localhost>".to_owned()),
        public_url: vars
            .get("WIJKPLEIN_PUBLIC_URL")
            .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned()),
        every: Duration::from_secs(vars.parsed(
            "WIJKPLEIN_MAIL_INTERVAL_SECS",
            10,
            |secs| *secs > 0,
            "expected a whole number of seconds above 0",
        )?),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_vars(|name| map.get(name).cloned())
    }

    #[test]
    fn only_a_database_url_gives_the_safe_defaults() {
        let config = read(&[("DATABASE_URL", "postgres://db/wijkplein")]).unwrap();
        assert!(!config.demo, "demo data must be asked for");
        assert!(!config.secure_cookies);
        assert!(config.mail.is_none());
        assert_eq!(config.limit_factor, 1);
        assert_eq!(config.max_connections, 8);
        assert!(config.listen.is_none());
        assert!(config.image_dir.is_none());
        assert!(config.secret.is_none(), "made and stored at first start");
    }

    #[test]
    fn demo_is_refused_with_secure_cookies() {
        let err = read(&[("WIJKPLEIN_DEMO", "1"), ("WIJKPLEIN_SECURE_COOKIES", "1")]).unwrap_err();
        assert!(err
            .to_string()
            .contains("never for a site served over HTTPS"));
        assert!(read(&[("WIJKPLEIN_DEMO", "1")]).unwrap().demo);
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (name, value) in [
            ("DATABASE_URL", "mysql://x"),
            ("WIJKPLEIN_DB_CONNECTIONS", "veel"),
            ("WIJKPLEIN_DB_CONNECTIONS", "0"),
            ("WIJKPLEIN_DEMO", "ja"),
            ("WIJKPLEIN_LISTEN", "poort 80"),
            ("WIJKPLEIN_LIMIT_FACTOR", "0"),
            ("WIJKPLEIN_TRUSTED_PROXIES", "balancer"),
            ("WIJKPLEIN_SECRET", "te kort"),
        ] {
            let err = read(&[(name, value)]).unwrap_err().to_string();
            assert!(err.starts_with(name), "{name}={value}: {err}");
        }
        let err = read(&[
            ("WIJKPLEIN_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("WIJKPLEIN_MAIL_INTERVAL_SECS", "0"),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("WIJKPLEIN_MAIL_INTERVAL_SECS"), "{err}");
    }

    #[test]
    fn values_are_read() {
        let config = read(&[
            ("WIJKPLEIN_LISTEN", "0.0.0.0:8080"),
            ("WIJKPLEIN_LIMIT_FACTOR", "1000"),
            ("WIJKPLEIN_SMTP_URL", "smtp://127.0.0.1:2525"),
            ("WIJKPLEIN_MAIL_INTERVAL_SECS", "3"),
            ("WIJKPLEIN_DEMO", ""),
        ])
        .unwrap();
        assert_eq!(config.listen, Some(SocketAddr::from(([0, 0, 0, 0], 8080))));
        assert_eq!(config.limit_factor, 1000);
        assert_eq!(config.mail.unwrap().every, Duration::from_secs(3));
        assert!(!config.demo, "an empty value is no value");
    }
}
