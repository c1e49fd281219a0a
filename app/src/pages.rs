//! Small pages that belong to no domain: not found.

use crate::{i18n::t, ui::form::set_status};
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any unknown address, with status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    view! {
        <Title text=format!("{} · Wijkplein", t("notfound-title"))/>
        <div class="narrow">
            <h1>{t("notfound-title")}</h1>
            <p class="lead">{t("notfound-text")}</p>
            <a class="button button--primary" href="/">{t("notfound-home")}</a>
        </div>
    }
}
