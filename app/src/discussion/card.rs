//! One reaction and the forms around it (edit, reply, guest fields), shared
//! by the manifest's reactions and a plan's discussion. Plain forms, so
//! everything works without JavaScript.

use super::{
    api::{DeleteReaction, EditReaction, PostReaction},
    model::{Reaction, ReactionKind},
};
use crate::{
    accounts::Viewer,
    i18n::{t, t_args},
    moderation::report_form::{ReportForm, RestoreForm},
    ui::{form::query_param, format_date_time},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// One reaction: author, role, kind, date, text, and the author's actions.
/// Moderators also get the earlier versions of an edited reaction.
#[component]
pub fn ReactionCard(
    reaction: Reaction,
    here: String,
    viewer: Option<Viewer>,
    /// Whether the reader moderates this discussion (may restore hidden reactions).
    #[prop(optional)]
    moderator: bool,
) -> impl IntoView {
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
    if reaction.hidden.is_some() && reaction.html.is_empty() {
        return view! { <article class="reaction reaction--deleted" id=anchor><p>{t("reactions-hidden")}</p></article> }.into_any();
    }
    let may_report = viewer
        .as_ref()
        .is_some_and(|v| reaction.author_id != Some(v.id))
        && reaction.hidden.is_none();
    view! {
        <article class="reaction" id=anchor.clone()>
            <header class="reaction__meta">
                <span class="reaction__author">{reaction.author_name.clone()}</span>
                {reaction.author_role.map(|r| view! { <span class="tag">{t(&r.label_key())}</span> })}
                <span class="tag tag--kind">{t(&reaction.kind.label_key())}</span>
                <span class="muted">{format_date_time(reaction.created_at)}
                    {reaction.edited.then(|| format!(" · {}", t("reactions-edited")))}</span>
            </header>
            {if editing && editable {
                view! { <EditForm reaction=reaction.clone() here=here.clone()/> }.into_any()
            } else {
                view! { <div class="reaction__body" inner_html=reaction.html.clone()></div> }.into_any()
            }}
            {reaction.hidden.clone().map(|reason| view! {
                <div class="notice notice--hidden">
                    <p>{t_args("reactions-hidden-reason", &[("reason", reason)])}</p>
                    {moderator.then(|| view! {
                        <RestoreForm target="reaction" id=reaction.id back=format!("{here}#{anchor}")/>
                    })}
                </div>
            })}
            <EarlierVersions reaction=reaction.clone()/>
            {may_report.then(|| view! { <ReportForm target="reaction" id=reaction.id back=format!("{here}#{anchor}")/> })}
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

/// What an edited reaction said before, as plain text, newest change last.
#[component]
fn EarlierVersions(reaction: Reaction) -> impl IntoView {
    if reaction.versions.is_empty() {
        return ().into_any();
    }
    let summary = t_args(
        "reactions-versions",
        &[("count", reaction.versions.len().to_string())],
    );
    view! {
        <details class="versions">
            <summary>{summary}</summary>
            <ol class="versions__list">
                {reaction.versions.into_iter().map(|v| view! {
                    <li>
                        <p class="muted">{t_args("reactions-version-written", &[("date", format_date_time(v.written_at))])}
                            " · "{t(&v.kind.label_key())}</p>
                        <p class="versions__text">{v.source}</p>
                    </li>
                }).collect_view()}
            </ol>
        </details>
    }
    .into_any()
}

/// The author's edit form, in place of the text.
#[component]
pub fn EditForm(reaction: Reaction, here: String) -> impl IntoView {
    let id = format!("bewerk-{}", reaction.id);
    view! {
        <form method="post" action=EditReaction::PATH class="form">
            <input type="hidden" name="id" value=reaction.id/>
            <input type="hidden" name="back" value=here/>
            <KindSelect id=format!("{id}-soort") selected=reaction.kind reply=reaction.parent_id.is_some()/>
            <div class="field">
                <label for=id.clone()>{t("reactions-body")}</label>
                <textarea id=id name="body" rows="4" required>{reaction.source}</textarea>
            </div>
            <button class="button button--primary" type="submit">{t("reactions-save")}</button>
        </form>
    }
}

/// The kind of reaction, as a select; a reply may also be an answer.
#[component]
pub fn KindSelect(
    id: String,
    selected: ReactionKind,
    #[prop(optional)] reply: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{t(if reply { "reactions-reply-kind" } else { "reactions-kind" })}</label>
            <select id=id name="kind">
                {ReactionKind::choices(reply).iter().copied().map(|k| view! {
                    <option value=k.as_str() selected=k == selected>{t(&k.label_key())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Reageer hierop", folded away until opened.
#[component]
pub fn ReplyForm(
    parent: i64,
    /// The kind of the reaction answered: it proposes the reply's kind.
    parent_kind: ReactionKind,
    subject: String,
    here: String,
    viewer: Option<Viewer>,
    challenge: Option<String>,
) -> impl IntoView {
    let id = format!("antwoord-{parent}");
    // A refused reply to this reaction comes back open, with its text.
    let refused = crate::ui::form::refused(PostReaction::PATH)
        .filter(|r| r.value("parent_id") == Some(parent.to_string()));
    let open = refused.is_some();
    let body = refused
        .as_ref()
        .and_then(|r| r.value("body"))
        .unwrap_or_default();
    let kind = refused
        .as_ref()
        .and_then(|r| r.value("kind"))
        .and_then(|k| ReactionKind::parse_for(&k, true))
        .unwrap_or(parent_kind.reply_default());
    let guest = refused.map(|r| (r.value("guest_name"), r.value("guest_email")));
    view! {
        <details class="reply" open=open>
            <summary>{t("reactions-reply")}</summary>
            <form method="post" action=PostReaction::PATH class="form">
                <input type="hidden" name="subject" value=subject/>
                <input type="hidden" name="parent_id" value=parent/>
                <input type="hidden" name="back" value=here/>
                <KindSelect id=format!("{id}-soort") selected=kind reply=true/>
                <div class="field">
                    <label for=id.clone()>{t("reactions-reply-body")}</label>
                    <textarea id=id.clone() name="body" rows="3" required>{body}</textarea>
                </div>
                {viewer.is_none().then(|| view! { <GuestFields prefix=id.clone() challenge=challenge.clone().unwrap_or_default() entered=guest.clone()/> })}
                <button class="button button--primary" type="submit">{t("reactions-reply-submit")}</button>
            </form>
        </details>
    }
}

/// The form for a new top-level reaction.
#[component]
pub fn NewReactionForm(
    subject: String,
    here: String,
    viewer: Option<Viewer>,
    challenge: Option<String>,
    heading: String,
) -> impl IntoView {
    // A refused new reaction (not a reply) comes back with what was typed.
    let refused = crate::ui::form::refused(PostReaction::PATH)
        .filter(|r| r.value("parent_id").is_none_or(|p| p.is_empty()));
    let kind = refused
        .as_ref()
        .and_then(|r| r.value("kind"))
        .and_then(|k| ReactionKind::parse(&k))
        .unwrap_or(ReactionKind::Herkenning);
    let body = refused
        .as_ref()
        .and_then(|r| r.value("body"))
        .unwrap_or_default();
    let guest = refused.map(|r| (r.value("guest_name"), r.value("guest_email")));
    view! {
        <form method="post" action=PostReaction::PATH class="card form reaction-form">
            <h3>{heading}</h3>
            <input type="hidden" name="subject" value=subject/>
            <input type="hidden" name="back" value=here/>
            <KindSelect id="nieuw-soort".to_owned() selected=kind/>
            <div class="field">
                <label for="nieuw-tekst">{t("reactions-body")}</label>
                <p class="field__hint" id="nieuw-tekst-hint">{t("reactions-body-hint")}</p>
                <textarea id="nieuw-tekst" name="body" rows="5" required aria-describedby="nieuw-tekst-hint">{body}</textarea>
            </div>
            {viewer.is_none().then(|| view! {
                <p class="field__hint">{t("reactions-guest-note")}</p>
                <GuestFields prefix="nieuw".to_owned() challenge=challenge.clone().unwrap_or_default() entered=guest.clone()/>
            })}
            <button class="button button--primary button--wide" type="submit">{t("reactions-submit")}</button>
        </form>
    }
}

/// Name and email for guests, plus the honeypot: a field people never see
/// and simple bots fill in.
#[component]
pub fn GuestFields(
    prefix: String,
    challenge: String,
    /// Name and address typed before the form was refused.
    #[prop(default = None)]
    entered: Option<(Option<String>, Option<String>)>,
) -> impl IntoView {
    let (name, email) = entered.unwrap_or_default();
    view! {
        <input type="hidden" name="challenge" value=challenge/>
        <input type="hidden" name="nonce" id=format!("{prefix}-nonce") value=""/>
        <div class="field">
            <label for=format!("{prefix}-naam")>{t("field-display-name")}</label>
            <input id=format!("{prefix}-naam") name="guest_name" type="text" autocomplete="name" required value=name/>
        </div>
        <div class="field">
            <label for=format!("{prefix}-email")>{t("field-email")}</label>
            <input id=format!("{prefix}-email") name="guest_email" type="email" autocomplete="email" required value=email/>
        </div>
        <div class="hp" aria-hidden="true">
            <label for=format!("{prefix}-website")>{t("reactions-honeypot")}</label>
            <input id=format!("{prefix}-website") name="website" type="text" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

pub(crate) fn now() -> i64 {
    #[cfg(feature = "ssr")]
    {
        crate::db::now()
    }
    #[cfg(not(feature = "ssr"))]
    0
}
