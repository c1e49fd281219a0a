//! Manifest server functions. Signing needs a login; the answer carries the
//! new counts, so the island can update them without reloading the page.

use super::model::SignatureCounts;
#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Signs the manifest. `public` is a checkbox: present means "show my name".
#[server(endpoint = "sign_manifest")]
pub async fn sign_manifest(
    role: String,
    organisation: String,
    motivation: String,
    public: Option<String>,
) -> Result<SignatureCounts, AppError> {
    respond(
        async {
            use super::service;
            let viewer = crate::accounts::session::require_viewer()?;
            let db = crate::state::use_db()?;
            let form = service::SignForm {
                role,
                organisation,
                motivation,
                is_public: public.is_some(),
            };
            let counts = service::sign(&db, &viewer, form).await?;
            crate::ui::redirect_plain_form("/manifest?getekend=1#tekenen");
            Ok(counts)
        }
        .await,
    )
}

/// Withdraws the caller's signature.
#[server(endpoint = "withdraw_signature")]
pub async fn withdraw_signature() -> Result<SignatureCounts, AppError> {
    respond(
        async {
            let viewer = crate::accounts::session::require_viewer()?;
            let db = crate::state::use_db()?;
            let counts = super::service::withdraw(&db, &viewer).await?;
            crate::ui::redirect_plain_form("/manifest?ingetrokken=1#tekenen");
            Ok(counts)
        }
        .await,
    )
}
