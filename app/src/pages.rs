//! Small pages that belong to no domain: not found, and offline.

use crate::ui::title::PageTitle;
use crate::{i18n::t, ui::form::set_status};
use leptos::prelude::*;

/// Shown for any unknown address, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("notfound-title"))/>
        <div class="narrow">
            <h1>{t("notfound-title")}</h1>
            <p class="lead">{t("notfound-text")}</p>
            <a class="button button--primary" href="/">{t("notfound-home")}</a>
        </div>
    }
}

/// What the service worker shows for a page it has no copy of, when the
/// network is gone. Kept in its cache in both languages.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("offline-title"))/>
        <div class="narrow">
            <h1>{t("offline-title")}</h1>
            <p class="lead">{t("offline-text")}</p>
            <p>{t("offline-writing")}</p>
            <a class="button button--primary" href="/manifest">{t("offline-manifest")}</a>
        </div>
    }
}
