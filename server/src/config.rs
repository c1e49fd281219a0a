//! Configuration: one typed struct, read once at start-up from the
//! environment (see `.env.example` for every variable and its meaning).

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
        Ok(Config {
            database_url,
            max_connections,
            demo: flag("WIJKPLEIN_DEMO", true)?,
            secure_cookies: flag("WIJKPLEIN_SECURE_COOKIES", false)?,
            listen,
            image_dir: var("WIJKPLEIN_IMAGE_DIR").map(std::path::PathBuf::from),
        })
    }
}
