//! Discussion server functions. After a plain form post the browser returns to
//! `back` (a local path) at the reaction's anchor; after a reply or an edit,
//! to the page of the discussion that holds its thread (see `link`).

// A server function's arguments are its form fields, one per input, so a
// form with many inputs means many arguments. (An `expect` would have to hold
// in both the server and the wasm build; `allow` says the same without that.)
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Posts a reaction or a reply. Guests add a name and email; their reaction
/// waits for approval. `client_key` (optional) makes a repeated post of the
/// same reaction harmless; the service worker's outbox sends one.
#[server(endpoint = "post_reaction")]
pub async fn post_reaction(
    subject: String,
    parent_id: Option<i64>,
    kind: String,
    body: String,
    guest_name: Option<String>,
    guest_email: Option<String>,
    website: Option<String>,
    challenge: Option<String>,
    nonce: Option<String>,
    back: String,
    client_key: Option<String>,
) -> Result<i64, AppError> {
    respond(
        async {
            use super::service::ReactionForm;
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let is_guest = viewer.is_none();
            let is_reply = parent_id.is_some();
            let form = ReactionForm {
                subject,
                parent_id,
                kind,
                body,
                guest_name: guest_name.unwrap_or_default(),
                guest_email: guest_email.unwrap_or_default(),
                website: website.unwrap_or_default(),
                challenge: challenge.unwrap_or_default(),
                nonce: nonce.unwrap_or_default(),
            };
            let ip = crate::accounts::session::client_ip();
            let key = client_key.unwrap_or_default();
            let id = super::retry::post_once(&db, viewer.as_ref(), form, &ip, &key).await?;
            let back = crate::ui::safe_local_path(Some(&back));
            let target = if is_guest {
                format!("{back}?wacht=1#reacties")
            } else if is_reply {
                // The thread may be on an older page.
                super::link::find(&db.pool, id)
                    .await?
                    .unwrap_or_else(|| format!("{back}#reactie-{id}"))
            } else {
                // A new thread is the newest: first page.
                format!("{back}#reactie-{id}")
            };
            crate::ui::redirect_plain_form(&target);
            Ok(id)
        }
        .await,
    )
}

/// Changes one's own reaction, within 15 minutes of posting.
#[server(endpoint = "edit_reaction")]
pub async fn edit_reaction(
    id: i64,
    kind: String,
    body: String,
    back: String,
) -> Result<(), AppError> {
    respond(
        async {
            let viewer = crate::accounts::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::service::edit(&db, &viewer, id, &kind, &body).await?;
            let back = crate::ui::safe_local_path(Some(&back));
            let target = super::link::find(&db.pool, id)
                .await?
                .unwrap_or_else(|| format!("{back}#reactie-{id}"));
            crate::ui::redirect_plain_form(&target);
            Ok(())
        }
        .await,
    )
}

/// Deletes one's own reaction (admins: any reaction).
#[server(endpoint = "delete_reaction")]
pub async fn delete_reaction(id: i64, back: String) -> Result<(), AppError> {
    respond(
        async {
            let viewer = crate::accounts::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::service::delete(&db, &viewer, id).await?;
            let back = crate::ui::safe_local_path(Some(&back));
            crate::ui::redirect_plain_form(&format!("{back}#reacties"));
            Ok(())
        }
        .await,
    )
}

/// Approves (`decision=approve`) or rejects a guest's reaction; admins only.
#[server(endpoint = "moderate_reaction")]
pub async fn moderate_reaction(id: i64, decision: String) -> Result<(), AppError> {
    respond(
        async {
            let viewer = crate::accounts::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::service::moderate(&db, &viewer, id, decision == "approve").await?;
            crate::ui::redirect_plain_form("/beheer/reacties");
            Ok(())
        }
        .await,
    )
}
