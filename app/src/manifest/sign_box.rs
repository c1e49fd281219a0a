//! The signing box: an island, so signing and withdrawing update the count in
//! place. Its forms are ordinary forms too, so it all works without JavaScript.

use super::{
    api::{SignManifest, WithdrawSignature},
    model::{OwnSignature, SignatureCounts},
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::ServerFn;

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
    /// "Account maken".
    pub register: String,
    /// Shown while a request is on its way.
    pub busy: String,
    /// Shown when the request failed without a clearer message.
    pub failed: String,
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

/// What the box tracks while the reader acts; `Copy`, so every handler can
/// hold it.
#[derive(Clone, Copy)]
struct Live {
    counts: RwSignal<SignatureCounts>,
    signed: RwSignal<bool>,
    pending: RwSignal<bool>,
    error: RwSignal<Option<String>>,
}

/// Posts one of the box's forms by fetch and updates the box with the
/// answer; `becomes_signed` is the state after success.
#[cfg(feature = "hydrate")]
fn send(form: web_sys::HtmlFormElement, live: Live, becomes_signed: bool, failed: String) {
    live.pending.set(true);
    leptos::task::spawn_local(async move {
        let outcome = match crate::ui::enhance::post_form(&form).await {
            Ok((status, body)) if status < 300 => {
                serde_json::from_str::<SignatureCounts>(&body).map_err(|_| failed.clone())
            }
            Ok((_, body)) => Err(serde_json::from_str::<AppError>(&body)
                .map(|e| e.to_string())
                .unwrap_or(failed)),
            Err(()) => Err(failed),
        };
        match outcome {
            Ok(counts) => {
                live.counts.set(counts);
                live.signed.set(becomes_signed);
                live.error.set(None);
            }
            Err(message) => live.error.set(Some(message)),
        }
        live.pending.set(false);
    });
}

/// The box itself.
#[island]
pub fn SignBox(state: SignState, texts: SignTexts) -> impl IntoView {
    let live = Live {
        counts: RwSignal::new(state.counts.clone()),
        signed: RwSignal::new(state.own.is_some()),
        pending: RwSignal::new(false),
        error: RwSignal::new(state.error.as_ref().map(ToString::to_string)),
    };
    let failed = StoredValue::new(texts.failed.clone());
    // With JavaScript the forms are posted by fetch and the box updates in
    // place; without, they are ordinary posts.
    let submit = move |ev: leptos::ev::SubmitEvent, becomes_signed: bool| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            {
                send(form, live, becomes_signed, failed.get_value());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (becomes_signed, failed);
    };
    let body = {
        let texts = texts.clone();
        let state = state.clone();
        move || {
            if !state.logged_in {
                view! {
                    <p>{texts.login_first.clone()}</p>
                    <p class="actions join-in">
                        <a class="button button--primary" href="/inloggen?volgende=%2Fmanifest%23tekenen">{texts.login.clone()}</a>
                        <a class="button button--secondary" href="/registreren?volgende=%2Fmanifest%23tekenen">{texts.register.clone()}</a>
                    </p>
                }
                .into_any()
            } else if live.signed.get() {
                view! {
                    <p class="notice notice--success" role="status">{texts.thanks.clone()}</p>
                    <form method="post" action=WithdrawSignature::PATH on:submit=move |ev| submit(ev, false)>
                        <button class="button button--quiet" type="submit" disabled=move || live.pending.get()>{texts.withdraw.clone()}</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <form method="post" action=SignManifest::PATH on:submit=move |ev| submit(ev, true)>
                        <SignFields texts=texts.clone() state=state.clone() pending=live.pending/>
                    </form>
                }
                .into_any()
            }
        }
    };
    view! {
        <section id="tekenen" class="sign card" aria-labelledby="tekenen-titel">
            <h2 id="tekenen-titel">{texts.heading.clone()}</h2>
            <SignCounts counts=live.counts texts=texts.clone() roles=state.roles.clone()/>
            <p>{texts.intro.clone()}</p>
            {move || live.error.get().map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
            {body}
        </section>
    }
}

/// The number of signatures, in total and per role, kept up to date.
#[component]
fn SignCounts(
    counts: RwSignal<SignatureCounts>,
    texts: SignTexts,
    roles: Vec<(String, String)>,
) -> impl IntoView {
    let (one, many) = (texts.count_one, texts.count_many);
    let by_role = move || {
        counts
            .get()
            .by_role
            .into_iter()
            .map(|(role, n)| {
                let name = roles
                    .iter()
                    .find(|(v, _)| v == role.as_str())
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default();
                view! { <li><span class="tag">{name}</span>" "{n}</li> }
            })
            .collect_view()
    };
    view! {
        <p class="sign__count" aria-live="polite">
            <strong data-testid="signature-count">{move || counts.get().total}</strong>" "
            {move || if counts.get().total == 1 { one.clone() } else { many.clone() }}
        </p>
        <ul class="sign__roles">{by_role}</ul>
    }
}

#[component]
fn SignFields(texts: SignTexts, state: SignState, pending: RwSignal<bool>) -> impl IntoView {
    let busy = texts.busy.clone();
    let submit = texts.submit.clone();
    view! {
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
            <button class="button button--primary button--wide" type="submit" disabled=move || pending.get()>
                {move || if pending.get() { busy.clone() } else { submit.clone() }}
            </button>
        </div>
    }
}
