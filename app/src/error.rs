//! The one error type that crosses the server-function boundary.
//!
//! Every variant has a stable snake_case `code` (for tests and logs) and a
//! message that the server has already translated into the reader's language,
//! so islands in the browser never need the translation files. Each variant
//! maps to one HTTP status, so pages served without JavaScript get it too.

use serde::{Deserialize, Serialize};
use server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};

/// A problem with one form field, already in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's `name`, so the page can show the message beside it.
    pub field: String,
    /// Stable code, e.g. `password_too_short`.
    pub code: String,
    /// Translated, plain-language message.
    pub message: String,
}

/// Everything that can go wrong in a server function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not logged in, or the login details were wrong.
    #[error("{0}")]
    Unauthorized(String),
    /// Logged in, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// The thing asked for does not exist (or is hidden from this person).
    #[error("{0}")]
    NotFound(String),
    /// One or more fields are wrong; each carries its own message.
    #[error("{summary}")]
    Validation {
        summary: String,
        fields: Vec<FieldError>,
    },
    /// The request clashes with what is already there (e.g. signed twice).
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts in a short time.
    #[error("{0}")]
    RateLimited(String),
    /// Something broke on our side; details are only in the server log.
    #[error("{0}")]
    Internal(String),
    /// The database cannot be reached for now; trying again later helps.
    #[error("{0}")]
    Unavailable(String),
    /// The request could not be read or sent (framework level).
    #[error("{0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status that goes with this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized(_) => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Validation { .. } => 422,
            AppError::Conflict(_) => 409,
            AppError::RateLimited(_) => 429,
            AppError::Internal(_) => 500,
            AppError::Unavailable(_) => 503,
            AppError::Transport(_) => 400,
        }
    }

    /// Stable machine-readable code of the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthorized(_) => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Validation { .. } => "validation",
            AppError::Conflict(_) => "conflict",
            AppError::RateLimited(_) => "rate_limited",
            AppError::Internal(_) => "internal",
            AppError::Unavailable(_) => "unavailable",
            AppError::Transport(_) => "transport",
        }
    }

    /// The message for one field, if this is a validation error about it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            AppError::Validation { fields, .. } => fields
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.message.clone()),
            _ => None,
        }
    }

    /// Whether this is a validation error with the given field code.
    pub fn has_field_code(&self, code: &str) -> bool {
        matches!(self, AppError::Validation { fields, .. } if fields.iter().any(|f| f.code == code))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// A form that could not be read (a field missing, a number that is not
    /// one) says so in plain words; serde's own message (``missing field
    /// `plan_id` ``) means nothing to people.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Transport(crate::i18n::t("error-form-incomplete"))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

/// Result type of every server function and domain operation.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::{AppError, FieldError};
    use crate::i18n::t;

    impl AppError {
        /// A validation error for one field; `code` is also the translation key
        /// `error-<code>`.
        pub fn field(field: &str, code: &str) -> Self {
            Self::fields(vec![(field, code)])
        }

        /// A validation error for several fields at once.
        pub fn fields(list: Vec<(&str, &str)>) -> Self {
            let fields = list
                .into_iter()
                .map(|(field, code)| FieldError {
                    field: field.to_owned(),
                    code: code.to_owned(),
                    message: t(&format!("error-{code}")),
                })
                .collect();
            AppError::Validation {
                summary: t("error-validation-summary"),
                fields,
            }
        }

        /// Not logged in.
        pub fn login_required() -> Self {
            AppError::Unauthorized(t("error-login-required"))
        }

        /// Logged in but not allowed.
        pub fn forbidden() -> Self {
            AppError::Forbidden(t("error-forbidden"))
        }

        /// Not found.
        pub fn not_found() -> Self {
            AppError::NotFound(t("error-not-found"))
        }

        /// Too many attempts.
        pub fn rate_limited() -> Self {
            AppError::RateLimited(t("error-rate-limited"))
        }

        /// A conflict, with the translation key of its message.
        pub fn conflict(key: &str) -> Self {
            AppError::Conflict(t(key))
        }

        /// The database is out of reach: logged briefly, and the person is
        /// told to try again in a moment.
        pub fn unavailable(err: impl std::fmt::Display) -> Self {
            tracing::warn!(error = %err, "database unavailable");
            AppError::Unavailable(t("error-unavailable"))
        }

        /// An unexpected failure: logged in full here, shown to people without detail.
        pub fn internal(err: impl std::fmt::Display) -> Self {
            tracing::error!(error = %err, "internal error");
            AppError::Internal(t("error-internal"))
        }
    }

    impl From<sqlx::Error> for AppError {
        /// A value the database cannot store is the request's fault, not
        /// ours: PostgreSQL refuses a NUL character in text (SQLSTATE 22021,
        /// 22P05) and numbers out of range (22003), which SQLite accepts. The
        /// person gets a 400 with a message. A database that cannot be reached
        /// is a 503 that says to try again; anything else is internal.
        fn from(err: sqlx::Error) -> Self {
            let code = match &err {
                sqlx::Error::Database(db) => db.code().map(|c| c.into_owned()),
                _ => None,
            };
            match code.as_deref() {
                Some("22021" | "22P05" | "22003") => {
                    AppError::Transport(t("error-unstorable-input"))
                }
                _ if is_unavailable(&err) => AppError::unavailable(err),
                _ => AppError::internal(err),
            }
        }
    }

    /// Whether the database is out of reach for now (down, restarting, full
    /// of connections, or a SQLite file locked for too long), as opposed to
    /// a query that is wrong. Such a request may well work a moment later.
    pub fn is_unavailable(err: &sqlx::Error) -> bool {
        match err {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_) => true,
            sqlx::Error::Database(db) => db.code().is_some_and(|code| {
                // PostgreSQL: connection exceptions (class 08), shutdown and
                // start-up (57P01..57P03), too many connections (53300).
                // SQLite: busy (5, 517) and locked (6, 262).
                code.starts_with("08")
                    || matches!(
                        code.as_ref(),
                        "57P01" | "57P02" | "57P03" | "53300" | "5" | "517" | "6" | "262"
                    )
            }),
            _ => false,
        }
    }

    /// Whether a database error is a unique-key violation (portable across
    /// SQLite and PostgreSQL, without looking at the error text).
    pub fn is_unique_violation(err: &sqlx::Error) -> bool {
        matches!(err, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
    }

    /// Sets the HTTP status of the current response to the error's status,
    /// so that a script or fetch call sees a proper 4xx. For a plain form post
    /// (no JavaScript) the status is left alone: Leptos answers with a redirect
    /// back to the form, which then shows the error with the right status.
    pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(err) = &result {
            use leptos::prelude::use_context;
            if !crate::ui::is_plain_form_post() {
                if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                    if let Ok(code) = axum::http::StatusCode::from_u16(err.status()) {
                        res.set_status(code);
                    }
                }
            }
        }
        result
    }
}
