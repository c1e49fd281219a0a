//! Server functions for passwords and email addresses: thin wrappers around
//! [`super::credentials`]. Each works from a plain HTML form too.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Where a reset link leads; the token follows as `?code=`.
pub const RESET_PATH: &str = "/wachtwoord-herstellen";

/// Changes the logged-in person's password. Every other session ends; this
/// device gets a fresh one.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    respond(
        async {
            use super::{credentials, session};
            let viewer = session::require_viewer()?;
            let db = crate::state::use_db()?;
            credentials::change_password(&db, &viewer, &current_password, &new_password).await?;
            session::start(viewer.id).await?;
            leptos_axum::redirect("/profiel?wachtwoord=1");
            Ok(())
        }
        .await,
    )
}

/// Changes the logged-in person's email address (asks for the password).
#[server(endpoint = "change_email")]
pub async fn change_email(email_password: String, new_email: String) -> Result<(), AppError> {
    respond(
        async {
            use super::{credentials, session};
            let viewer = session::require_viewer()?;
            let db = crate::state::use_db()?;
            credentials::change_email(&db, &viewer, &email_password, &new_email).await?;
            leptos_axum::redirect("/profiel?email=1");
            Ok(())
        }
        .await,
    )
}

/// Sends a reset link when an account has this address. The answer is the
/// same whether or not one has, so the form reveals no accounts.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    respond(
        async {
            use super::{credentials, session};
            let db = crate::state::use_db()?;
            let Some(mailer) = crate::state::use_mailer() else {
                return Err(AppError::conflict("error-reset-no-mail"));
            };
            if let Some(mail) =
                credentials::request_reset(&db, &email, &session::client_ip()).await?
            {
                let lang = crate::i18n::current_lang();
                let link = format!("{}{RESET_PATH}?code={}", mailer.base_url, mail.token);
                let letter = crate::email::compose::password_reset(lang, &mail.name, &link);
                // Sent after the answer, so that how long the answer takes
                // does not tell whether the address has an account.
                tokio::spawn(async move {
                    if let Err(err) = mailer.send_to(&mail.email, &mail.name, letter).await {
                        tracing::warn!("reset mail not sent: {err}");
                    }
                });
            }
            leptos_axum::redirect("/wachtwoord-vergeten?verstuurd=1");
            Ok(())
        }
        .await,
    )
}

/// Sets a new password through a reset link and logs the person in.
#[server(endpoint = "reset_password")]
pub async fn reset_password(code: String, new_password: String) -> Result<(), AppError> {
    respond(
        async {
            use super::{credentials, session};
            let db = crate::state::use_db()?;
            let id = credentials::reset_password(&db, &code, &new_password).await?;
            session::start(id).await?;
            leptos_axum::redirect("/profiel?hersteld=1");
            Ok(())
        }
        .await,
    )
}
