//! The links under a list to its first and next page.

use crate::i18n::t;
use leptos::prelude::*;

/// A navigation landmark with "first page" and "next page", or nothing at
/// all when the list fits on one page: an empty landmark would be announced
/// to screen-reader users as a place to go that holds nothing.
#[component]
pub fn Pager(label: String, first: Option<String>, next: Option<String>) -> impl IntoView {
    (first.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=label>
                {first.map(|href| view! { <a class="button button--quiet" href=href>{t("pager-first")}</a> })}
                {next.map(|href| view! { <a class="button button--secondary" href=href rel="next">{t("pager-next")}</a> })}
            </nav>
        }
    })
}
