//! The reactions block under the manifest and under each principle: filter by
//! kind, threads with replies, and the form. Plain server-rendered forms, so
//! it all works without JavaScript.

use super::{
    api::{DeleteReaction, EditReaction, PostReaction},
    model::{Reaction, ReactionKind},
};
use crate::{
    accounts::Viewer,
    error::AppError,
    i18n::t,
    ui::{
        form::{error_from_url, query_param, ErrorSummary},
        format_date,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The threads, and for guests a fresh proof-of-work challenge.
async fn load(
    subject: String,
    kind: Option<ReactionKind>,
) -> Result<(Vec<Reaction>, Option<String>), AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let threads = super::service::threads(&db, &subject, kind).await?;
        let challenge = match crate::accounts::viewer() {
            None => Some(super::service::issue_challenge(&db).await?),
            Some(_) => None,
        };
        Ok((threads, challenge))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (subject, kind);
        Ok((Vec::new(), None))
    }
}

/// Reactions on `subject`, shown on the page at `here` (a local path).
#[component]
pub fn ReactionSection(subject: String, here: String) -> impl IntoView {
    let kind = query_param("soort")
        .as_deref()
        .and_then(ReactionKind::parse);
    let threads = Resource::new_blocking(move || (), {
        let subject = subject.clone();
        move |_| load(subject.clone(), kind)
    });
    let error = error_from_url(PostReaction::PATH)
        .or_else(|| error_from_url(EditReaction::PATH))
        .or_else(|| error_from_url(DeleteReaction::PATH));
    let viewer = crate::accounts::viewer();
    let waiting = query_param("wacht").is_some();
    view! {
        <section class="section reactions" id="reacties" aria-labelledby="reacties-titel">
            <h2 id="reacties-titel">{t("reactions-heading")}</h2>
            <KindFilter here=here.clone() active=kind/>
            {waiting.then(|| view! { <p class="notice notice--success" role="status">{t("reactions-waiting")}</p> })}
            <ErrorSummary error=error.clone()/>
            <Suspense>
                {move || {
                    let (here, viewer) = (here.clone(), viewer.clone());
                    let subject = subject.clone();
                    Suspend::new(async move {
                        match threads.await {
                            Ok((list, challenge)) => {
                                let nonce_inputs = nonce_input_ids(&list, challenge.is_some());
                                view! {
                                    <Threads list here=here.clone() viewer=viewer.clone() subject=subject.clone() challenge=challenge.clone()/>
                                    <NewReactionForm subject here viewer challenge=challenge.clone()/>
                                    {challenge.map(|id| view! {
                                        <ChallengeSolver id difficulty=super::challenge::DIFFICULTY inputs=nonce_inputs/>
                                    })}
                                }.into_any()
                            }
                            Err(e) => view! { <p class="notice">{e.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn KindFilter(here: String, active: Option<ReactionKind>) -> impl IntoView {
    let link = move |kind: Option<ReactionKind>, label: String| {
        let href = match kind {
            Some(k) => format!("{here}?soort={}#reacties", k.as_str()),
            None => format!("{here}#reacties"),
        };
        let current = (kind == active).then_some("page");
        view! { <li><a class="chip" href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <nav aria-label=t("reactions-filter")>
            <ul class="chips">
                {link(None, t("reactions-all"))}
                {ReactionKind::ALL.into_iter().map(|k| link(Some(k), t(&k.label_key()))).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Threads(
    list: Vec<Reaction>,
    here: String,
    viewer: Option<Viewer>,
    subject: String,
    challenge: Option<String>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="empty">{t("reactions-empty")}</p> }.into_any();
    }
    view! {
        <ol class="threads">
            {list.into_iter().map(|r| {
                let replies = r.replies.clone();
                let can_reply = !r.deleted;
                let parent = r.id;
                view! {
                    <li class="thread">
                        <ReactionCard reaction=r here=here.clone() viewer=viewer.clone()/>
                        {(!replies.is_empty()).then(|| view! {
                            <ol class="replies">
                                {replies.into_iter().map(|reply| view! {
                                    <li><ReactionCard reaction=reply here=here.clone() viewer=viewer.clone()/></li>
                                }).collect_view()}
                            </ol>
                        })}
                        {can_reply.then(|| view! { <ReplyForm parent subject=subject.clone() here=here.clone() viewer=viewer.clone() challenge=challenge.clone()/> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn ReactionCard(reaction: Reaction, here: String, viewer: Option<Viewer>) -> impl IntoView {
    let now = now();
    let editing = query_param("bewerk").and_then(|v| v.parse::<i64>().ok()) == Some(reaction.id);
    let mine = viewer
        .as_ref()
        .is_some_and(|v| reaction.author_id == Some(v.id) || v.is_admin);
    let editable = viewer
        .as_ref()
        .is_some_and(|v| reaction.editable_by(v.id, now));
    let anchor = format!("reactie-{}", reaction.id);
    if reaction.deleted {
        return view! { <article class="reaction reaction--deleted" id=anchor><p>{t("reactions-deleted")}</p></article> }.into_any();
    }
    view! {
        <article class="reaction" id=anchor.clone()>
            <header class="reaction__meta">
                <span class="reaction__author">{reaction.author_name.clone()}</span>
                {reaction.author_role.map(|r| view! { <span class="tag">{t(&r.label_key())}</span> })}
                <span class="tag tag--kind">{t(&reaction.kind.label_key())}</span>
                <span class="muted">{format_date(reaction.created_at)}
                    {reaction.edited.then(|| format!(" · {}", t("reactions-edited")))}</span>
            </header>
            {if editing && editable {
                view! { <EditForm reaction=reaction.clone() here=here.clone()/> }.into_any()
            } else {
                view! { <div class="reaction__body" inner_html=reaction.html.clone()></div> }.into_any()
            }}
            {mine.then(|| view! {
                <div class="reaction__actions">
                    {(editable && !editing).then(|| view! {
                        <a href=format!("{here}?bewerk={}#{anchor}", reaction.id)>{t("reactions-edit")}</a>
                    })}
                    <form method="post" action=DeleteReaction::PATH class="inline-form">
                        <input type="hidden" name="id" value=reaction.id/>
                        <input type="hidden" name="back" value=here.clone()/>
                        <button type="submit" class="button button--quiet">{t("reactions-delete")}</button>
                    </form>
                </div>
            })}
        </article>
    }
    .into_any()
}

#[component]
fn EditForm(reaction: Reaction, here: String) -> impl IntoView {
    let id = format!("bewerk-{}", reaction.id);
    view! {
        <form method="post" action=EditReaction::PATH class="form">
            <input type="hidden" name="id" value=reaction.id/>
            <input type="hidden" name="back" value=here/>
            <KindSelect id=format!("{id}-soort") selected=reaction.kind/>
            <div class="field">
                <label for=id.clone()>{t("reactions-body")}</label>
                <textarea id=id name="body" rows="4" required>{reaction.source}</textarea>
            </div>
            <button class="button button--primary" type="submit">{t("reactions-save")}</button>
        </form>
    }
}

#[component]
fn KindSelect(id: String, selected: ReactionKind) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{t("reactions-kind")}</label>
            <select id=id name="kind">
                {ReactionKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=k == selected>{t(&k.label_key())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn ReplyForm(
    parent: i64,
    subject: String,
    here: String,
    viewer: Option<Viewer>,
    challenge: Option<String>,
) -> impl IntoView {
    let id = format!("antwoord-{parent}");
    view! {
        <details class="reply">
            <summary>{t("reactions-reply")}</summary>
            <form method="post" action=PostReaction::PATH class="form">
                <input type="hidden" name="subject" value=subject/>
                <input type="hidden" name="parent_id" value=parent/>
                <input type="hidden" name="back" value=here/>
                <input type="hidden" name="kind" value="aanvulling"/>
                <div class="field">
                    <label for=id.clone()>{t("reactions-reply-body")}</label>
                    <textarea id=id.clone() name="body" rows="3" required></textarea>
                </div>
                {viewer.is_none().then(|| view! { <GuestFields prefix=id.clone() challenge=challenge.clone().unwrap_or_default()/> })}
                <button class="button button--primary" type="submit">{t("reactions-reply-submit")}</button>
            </form>
        </details>
    }
}

#[component]
fn NewReactionForm(
    subject: String,
    here: String,
    viewer: Option<Viewer>,
    challenge: Option<String>,
) -> impl IntoView {
    let heading = t(if subject.contains(':') {
        "reactions-new-principle"
    } else {
        "reactions-new"
    });
    view! {
        <form method="post" action=PostReaction::PATH class="card form reaction-form">
            <h3>{heading}</h3>
            <input type="hidden" name="subject" value=subject/>
            <input type="hidden" name="back" value=here/>
            <KindSelect id="nieuw-soort".to_owned() selected=ReactionKind::Herkenning/>
            <div class="field">
                <label for="nieuw-tekst">{t("reactions-body")}</label>
                <p class="field__hint" id="nieuw-tekst-hint">{t("reactions-body-hint")}</p>
                <textarea id="nieuw-tekst" name="body" rows="5" required aria-describedby="nieuw-tekst-hint"></textarea>
            </div>
            {viewer.is_none().then(|| view! {
                <p class="field__hint">{t("reactions-guest-note")}</p>
                <GuestFields prefix="nieuw".to_owned() challenge=challenge.clone().unwrap_or_default()/>
            })}
            <button class="button button--primary button--wide" type="submit">{t("reactions-submit")}</button>
        </form>
    }
}

/// Name and email for guests, plus the honeypot: a field people never see
/// and simple bots fill in.
#[component]
fn GuestFields(prefix: String, challenge: String) -> impl IntoView {
    view! {
        <input type="hidden" name="challenge" value=challenge/>
        <input type="hidden" name="nonce" id=format!("{prefix}-nonce") value=""/>
        <div class="field">
            <label for=format!("{prefix}-naam")>{t("field-display-name")}</label>
            <input id=format!("{prefix}-naam") name="guest_name" type="text" autocomplete="name" required/>
        </div>
        <div class="field">
            <label for=format!("{prefix}-email")>{t("field-email")}</label>
            <input id=format!("{prefix}-email") name="guest_email" type="email" autocomplete="email" required/>
        </div>
        <div class="hp" aria-hidden="true">
            <label for=format!("{prefix}-website")>{t("reactions-honeypot")}</label>
            <input id=format!("{prefix}-website") name="website" type="text" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

/// Ids of the hidden nonce inputs of every guest form on the page.
fn nonce_input_ids(list: &[Reaction], guest: bool) -> Vec<String> {
    if !guest {
        return Vec::new();
    }
    list.iter()
        .filter(|r| !r.deleted)
        .map(|r| format!("antwoord-{}-nonce", r.id))
        .chain(std::iter::once("nieuw-nonce".to_owned()))
        .collect()
}

/// Solves the guest challenge in the browser and fills in the nonce of every
/// guest form. Without JavaScript the nonce stays empty and the server asks
/// the guest to log in or turn JavaScript on.
#[island]
pub fn ChallengeSolver(id: String, difficulty: u32, inputs: Vec<String>) -> impl IntoView {
    Effect::new(move |_| {
        let nonce = super::challenge::solve(&id, difficulty).to_string();
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            for input in &inputs {
                if let Some(el) = document().get_element_by_id(input) {
                    if let Ok(el) = el.dyn_into::<leptos::web_sys::HtmlInputElement>() {
                        el.set_value(&nonce);
                    }
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&nonce, &inputs);
    });
}

fn now() -> i64 {
    #[cfg(feature = "ssr")]
    {
        crate::db::now()
    }
    #[cfg(not(feature = "ssr"))]
    0
}
