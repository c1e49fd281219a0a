//! The server function for deleting an account, and the pages around it.
//! (The download is a plain GET answered by the server crate, so that the
//! browser saves a file.)

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::ui::title::PageTitle;
use crate::{error::AppError, i18n::t};
use leptos::prelude::*;

/// Where the download of one's own data is served.
pub const DOWNLOAD_PATH: &str = "/profiel/mijn-gegevens.json";

/// Deletes the logged-in person's account, after the password and an
/// explicit "yes", and ends their session.
#[server(endpoint = "delete_account")]
pub async fn delete_account(
    delete_password: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    respond(
        async {
            use crate::accounts::session;
            let viewer = session::require_viewer()?;
            if confirm.as_deref() != Some("ja") {
                return Err(AppError::field("confirm", "delete_not_confirmed"));
            }
            let db = crate::state::use_db()?;
            super::delete::delete_account(&db, &viewer, &delete_password).await?;
            session::end().await?;
            leptos_axum::redirect("/account-verwijderd");
            Ok(())
        }
        .await,
    )
}

/// Where someone lands after deleting their account.
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("deleted-title"))/>
        <div class="narrow">
            <h1>{t("deleted-title")}</h1>
            <p class="lead">{t("deleted-text")}</p>
            <a class="button button--primary" href="/">{t("notfound-home")}</a>
        </div>
    }
}
