//! Server functions of the admin page for professional roles
//! (`/beheer/rollen`): thin wrappers around [`super::professionals`], which
//! lets only platform admins through. Each works from a plain HTML form.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// The admin page; `?klaar=1` says the last change was saved.
pub const ROLES_PATH: &str = "/beheer/rollen";

/// Confirms the professional role of the account at `email`, with the
/// organisation and municipality the admin checked.
#[server(endpoint = "confirm_professional")]
pub async fn confirm_professional(
    email: String,
    organisation: String,
    municipality: String,
) -> Result<(), AppError> {
    respond(
        async {
            let viewer = super::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::professionals::verify_as(&db, &viewer, &email, &organisation, &municipality)
                .await?;
            leptos_axum::redirect(&format!("{ROLES_PATH}?klaar=1"));
            Ok(())
        }
        .await,
    )
}

/// Ends the confirmation of the account at `email`: its role is
/// self-described again and gives no rights.
#[server(endpoint = "end_professional_confirmation")]
pub async fn end_professional_confirmation(email: String) -> Result<(), AppError> {
    respond(
        async {
            let viewer = super::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::professionals::unverify_as(&db, &viewer, &email).await?;
            leptos_axum::redirect(&format!("{ROLES_PATH}?klaar=1"));
            Ok(())
        }
        .await,
    )
}
