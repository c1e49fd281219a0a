//! The signing box: an island, so signing and withdrawing update the count in
//! place. Its forms are ordinary forms too, so it all works without JavaScript.

use super::{
    api::{SignManifest, WithdrawSignature},
    model::{OwnSignature, SignatureCounts},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Every text the box shows, resolved on the server in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignTexts {
    /// Section heading.
    pub heading: String,
    /// Short invitation.
    pub intro: String,
    /// After the number, for exactly one signature.
    pub count_one: String,
    /// After the number, for any other count.
    pub count_many: String,
    /// Label of the role choice.
    pub role: String,
    /// Label of the organisation field.
    pub organisation: String,
    /// Label of the motivation field.
    pub motivation: String,
    /// Hint under optional fields.
    pub optional: String,
    /// Label of the "show my name" checkbox.
    pub public: String,
    /// The main button.
    pub submit: String,
    /// Thanks after signing.
    pub thanks: String,
    /// The withdraw button.
    pub withdraw: String,
    /// Invitation for guests.
    pub login_first: String,
    /// Link text to log in.
    pub login: String,
    /// Shown while a request is on its way.
    pub busy: String,
}

/// What the server knows when it renders the box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignState {
    /// Current counts.
    pub counts: SignatureCounts,
    /// The viewer's signature, if they signed.
    pub own: Option<OwnSignature>,
    /// Whether someone is logged in.
    pub logged_in: bool,
    /// Role choices `(value, label)`.
    pub roles: Vec<(String, String)>,
    /// Preselected role (the viewer's profile role).
    pub default_role: String,
    /// An error from a plain form post, to show on first render.
    pub error: Option<AppError>,
}

/// The box itself.
#[island]
pub fn SignBox(state: SignState, texts: SignTexts) -> impl IntoView {
    let counts = RwSignal::new(state.counts.clone());
    let signed = RwSignal::new(state.own.is_some());
    let sign = ServerAction::<SignManifest>::new();
    let withdraw = ServerAction::<WithdrawSignature>::new();
    Effect::new(move |_| {
        if let Some(Ok(c)) = sign.value().get() {
            counts.set(c);
            signed.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(c)) = withdraw.value().get() {
            counts.set(c);
            signed.set(false);
        }
    });
    let first_error = state.error.clone();
    let error = move || {
        let latest = sign.value().get().or_else(|| withdraw.value().get());
        match latest {
            Some(Err(e)) => Some(e),
            Some(Ok(_)) => None,
            None => first_error.clone(),
        }
    };
    let (one, many) = (texts.count_one.clone(), texts.count_many.clone());
    let role_names = state.roles.clone();
    let by_role = move || {
        counts
            .get()
            .by_role
            .into_iter()
            .map(|(role, n)| {
                let name = role_names
                    .iter()
                    .find(|(v, _)| v == role.as_str())
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default();
                view! { <li><span class="tag">{name}</span>" "{n}</li> }
            })
            .collect_view()
    };
    let body = {
        let texts = texts.clone();
        let state = state.clone();
        move || {
            if !state.logged_in {
                view! {
                    <p>{texts.login_first.clone()}</p>
                    <a class="button button--primary" href="/inloggen?volgende=/manifest%23tekenen">{texts.login.clone()}</a>
                }.into_any()
            } else if signed.get() {
                view! { <SignedView withdraw texts=texts.clone()/> }.into_any()
            } else {
                view! { <SignForm sign texts=texts.clone() state=state.clone()/> }.into_any()
            }
        }
    };
    view! {
        <section id="tekenen" class="sign card" aria-labelledby="tekenen-titel">
            <h2 id="tekenen-titel">{texts.heading.clone()}</h2>
            <p class="sign__count" aria-live="polite">
                <strong data-testid="signature-count">{move || counts.get().total}</strong>" "
                {move || if counts.get().total == 1 { one.clone() } else { many.clone() }}
            </p>
            <ul class="sign__roles">{by_role}</ul>
            <p>{texts.intro.clone()}</p>
            {move || error().map(|e| view! { <p class="notice notice--error" role="alert">{e.to_string()}</p> })}
            {body}
        </section>
    }
}

#[component]
fn SignedView(withdraw: ServerAction<WithdrawSignature>, texts: SignTexts) -> impl IntoView {
    view! {
        <p class="notice notice--success" role="status">{texts.thanks}</p>
        <ActionForm action=withdraw>
            <button class="button button--quiet" type="submit" disabled=move || withdraw.pending().get()>{texts.withdraw}</button>
        </ActionForm>
    }
}

#[component]
fn SignForm(sign: ServerAction<SignManifest>, texts: SignTexts, state: SignState) -> impl IntoView {
    let busy = texts.busy.clone();
    let submit = texts.submit.clone();
    view! {
        <ActionForm action=sign>
            <div class="form">
                <div class="field">
                    <label for="veld-role">{texts.role}</label>
                    <select id="veld-role" name="role">
                        {state.roles.into_iter().map(|(value, label)| {
                            let selected = value == state.default_role;
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="veld-organisation">{texts.organisation}</label>
                    <p class="field__hint" id="veld-organisation-hint">{texts.optional.clone()}</p>
                    <input id="veld-organisation" name="organisation" type="text" maxlength="100"
                        autocomplete="organization" aria-describedby="veld-organisation-hint"/>
                </div>
                <div class="field">
                    <label for="veld-motivation">{texts.motivation}</label>
                    <p class="field__hint" id="veld-motivation-hint">{texts.optional}</p>
                    <textarea id="veld-motivation" name="motivation" rows="3" maxlength="500"
                        aria-describedby="veld-motivation-hint"></textarea>
                </div>
                <div class="check">
                    <input id="veld-public" name="public" type="checkbox" value="1" checked/>
                    <label for="veld-public">{texts.public}</label>
                </div>
                <button class="button button--primary button--wide" type="submit" disabled=move || sign.pending().get()>
                    {move || if sign.pending().get() { busy.clone() } else { submit.clone() }}
                </button>
            </div>
        </ActionForm>
    }
}
