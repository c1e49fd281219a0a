//! Small pages that belong to no domain: not found, and areas still being built.

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

/// An honest placeholder for a part of Wijkplein that is not built yet.
#[component]
pub fn ComingSoonPage(
    /// `manifest`, `groups` or `plans`: picks the texts.
    area: &'static str,
) -> impl IntoView {
    let title = t(&format!("soon-{area}-title"));
    view! {
        <Title text=format!("{title} · Wijkplein")/>
        <div class="narrow">
            <h1>{title}</h1>
            <p class="lead">{t(&format!("soon-{area}-text"))}</p>
            <p>{t("soon-note")}</p>
            <a class="button button--primary" href="/registreren">{t("soon-cta")}</a>
        </div>
    }
}
