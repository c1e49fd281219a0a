//! Account server functions: thin wrappers that find the caller, check, and
//! call [`super::service`]. Each works from a plain HTML form too.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Creates an account, logs the person in, and sends them to their profile.
#[server(endpoint = "register")]
pub async fn register(
    email: String,
    display_name: String,
    password: String,
    role: String,
) -> Result<(), AppError> {
    respond(
        async {
            use super::{service, session};
            use crate::limits;
            let db = crate::state::use_db()?;
            // Every attempt counts, also one with a taken address: each
            // costs a password hash.
            let ip = session::client_ip();
            limits::take(&db, limits::REGISTRATIONS_PER_IP, &ip).await?;
            let id = service::register(
                &db,
                service::Registration {
                    email,
                    display_name,
                    password,
                    role,
                },
            )
            .await?;
            session::start(id).await?;
            leptos_axum::redirect("/profiel?welkom=1");
            Ok(())
        }
        .await,
    )
}

/// Logs in and returns to `next` (a local path) or the home page.
#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    respond(
        async {
            use super::{service, session};
            let db = crate::state::use_db()?;
            let viewer =
                service::authenticate(&db, &email, &password, &session::client_ip()).await?;
            session::start(viewer.id).await?;
            leptos_axum::redirect(&crate::ui::safe_local_path(next.as_deref()));
            Ok(())
        }
        .await,
    )
}

/// Logs out and returns to the home page.
#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    respond(
        async {
            super::session::end().await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

/// Ends every session of the logged-in person, on every device and server
/// instance, this one included, and sends them to the login page.
#[server(endpoint = "log_out_everywhere")]
pub async fn log_out_everywhere() -> Result<(), AppError> {
    respond(
        async {
            let viewer = super::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::service::log_out_everywhere(&db, &viewer).await?;
            super::session::end().await?;
            leptos_axum::redirect("/inloggen?overal=1");
            Ok(())
        }
        .await,
    )
}

/// Saves the logged-in person's own profile.
#[server(endpoint = "update_profile")]
pub async fn update_profile(
    display_name: String,
    role: String,
    neighbourhood: String,
    municipality: String,
) -> Result<(), AppError> {
    respond(
        async {
            use super::{service, session};
            let viewer = session::require_viewer()?;
            let db = crate::state::use_db()?;
            service::update_profile(
                &db,
                &viewer,
                service::ProfileUpdate {
                    display_name,
                    role,
                    neighbourhood,
                    municipality,
                },
            )
            .await?;
            leptos_axum::redirect("/profiel?opgeslagen=1");
            Ok(())
        }
        .await,
    )
}
