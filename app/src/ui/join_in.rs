//! The invitation to take part, wherever a guest meets something only
//! people with an account can do: log in, or make an account, and either
//! way come back here, to the form they wanted.

use crate::i18n::t;
use leptos::prelude::*;

/// The two ways in, both returning to `next` (a local path, with an
/// anchor where the form sits).
#[component]
pub fn JoinIn(
    /// Where to come back to.
    next: String,
    /// What logging in is for ("Log in om te steunen"); the button's text.
    #[prop(optional)]
    log_in: Option<String>,
) -> impl IntoView {
    let back = super::urlencode(&next);
    view! {
        <p class="actions join-in">
            <a class="button button--primary" href=format!("/inloggen?volgende={back}")>
                {log_in.unwrap_or_else(|| t("nav-log-in"))}
            </a>
            <a class="button button--secondary" href=format!("/registreren?volgende={back}")>{t("nav-register")}</a>
        </p>
    }
}
