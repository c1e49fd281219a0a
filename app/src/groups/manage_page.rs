//! `/groepen/:slug/beheer`: a coordinator's page: open requests with their
//! answers, the full member list with its actions, and the bans.

use super::{
    api::{BanMember, DecideJoinRequest, LiftBan, RemoveMember, SetMemberRole},
    model::{Ban, JoinRequest, Manage, Member, MemberRole},
};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::{
        form::{first_refused, query_param, ErrorSummary},
        format_date,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

async fn load(slug: String) -> Result<Manage, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        super::service::manage(&db, viewer.as_ref(), &slug).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::NotFound(String::new()))
    }
}

/// The management page; others get 401/403.
#[component]
pub fn ManageGroupPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = PageData::new(load(slug));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("manage-title"))/>
        {loaded_or(data, move |manage| view! { <ManageBody manage/> }, move |e| view! { <div class="narrow"><h1>{t("manage-title")}</h1><ErrorNotice error=e/></div> })}
    }
}

#[component]
fn ManageBody(manage: Manage) -> impl IntoView {
    let error = first_refused(&[
        DecideJoinRequest::PATH,
        SetMemberRole::PATH,
        RemoveMember::PATH,
        BanMember::PATH,
        LiftBan::PATH,
    ]);
    let notice = [
        ("besloten", "manage-notice-decided"),
        ("opgeslagen", "group-notice-saved"),
        ("verwijderd", "manage-notice-removed"),
        ("geweerd", "manage-notice-banned"),
    ]
    .into_iter()
    .find(|(p, _)| query_param(p).is_some())
    .map(|(_, key)| t(key));
    let g = &manage.group.summary;
    let slug = g.slug.clone();
    let back = format!("/groepen/{slug}");
    let no_requests = manage.requests.is_empty();
    let no_bans = manage.bans.is_empty();
    let me = crate::accounts::viewer().map(|v| v.id).unwrap_or_default();
    view! {
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/groepen">{t("groups-title")}</a>" › "<a href=back>{g.name.clone()}</a>" › "<span aria-current="page">{t("manage-title")}</span>
        </nav>
        <h1>{t_args("manage-heading", &[("name", g.name.clone())])}</h1>
        {notice.map(|n| view! { <p class="notice notice--success" role="status">{n}</p> })}
        <ErrorSummary error/>
        <section class="section" aria-labelledby="aanvragen">
            <h2 id="aanvragen">{t("manage-requests")}</h2>
            {no_requests.then(|| view! { <p class="empty">{t("manage-no-requests")}</p> })}
            <ul class="plain-list">
                {manage.requests.into_iter().map(|r| view! { <RequestCard request=r slug=slug.clone()/> }).collect_view()}
            </ul>
        </section>
        <section class="section" aria-labelledby="leden">
            <h2 id="leden">{t("manage-members")}</h2>
            <ul class="plain-list">
                {manage.members.into_iter().map(|m| view! { <MemberRow member=m slug=slug.clone() me/> }).collect_view()}
            </ul>
        </section>
        <section class="section" aria-labelledby="geweerd">
            <h2 id="geweerd">{t("manage-bans")}</h2>
            {no_bans.then(|| view! { <p class="muted">{t("manage-no-bans")}</p> })}
            <ul class="plain-list">
                {manage.bans.into_iter().map(|b| view! { <BanRow ban=b slug=slug.clone()/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn RequestCard(request: JoinRequest, slug: String) -> impl IntoView {
    let message_id = format!("bericht-{}", request.id);
    let heading_id = format!("aanvraag-{}", request.id);
    view! {
        <li class="card request-card">
            <h3 class="h4" id=heading_id.clone()>{request.user_name.clone()}</h3>
            <p class="muted">{t_args("manage-asked-on", &[("date", format_date(request.created_at))])}</p>
            <blockquote class="request-card__answer">{request.answer.clone()}</blockquote>
            <form method="post" action=DecideJoinRequest::PATH class="form" aria-labelledby=heading_id>
                <input type="hidden" name="request_id" value=request.id/>
                <div class="field">
                    <label for=message_id.clone()>{t("manage-message")}</label>
                    <p class="field__hint">{t("manage-message-hint")}</p>
                    <textarea id=message_id name="message" rows="2" maxlength="500"></textarea>
                </div>
                <p class="actions">
                    <button class="button button--primary" type="submit" name="decision" value="approve">{t("manage-approve")}</button>
                    <button class="button button--secondary" type="submit" name="decision" value="decline">{t("manage-decline")}</button>
                </p>
            </form>
            <BanForm slug user_id=request.user_id name=request.user_name/>
        </li>
    }
}

#[component]
fn MemberRow(member: Member, slug: String, me: i64) -> impl IntoView {
    let is_me = member.user_id == me;
    let is_coordinator = member.role == MemberRole::Coordinator;
    let (new_role, role_label) = if is_coordinator {
        ("member", t("manage-make-member"))
    } else {
        ("coordinator", t("manage-make-coordinator"))
    };
    view! {
        <li class="card member-row">
            <p class="member-row__name">
                <strong>{member.name.clone()}</strong>" "
                <span class="tag">{if is_coordinator { t("mine-role-coordinator") } else { t("mine-role-member") }}</span>
                {member.name_hidden.then(|| view! { " "<span class="tag tag--quiet">{t("group-name-hidden-tag")}</span> })}
            </p>
            <p class="muted">{t_args("manage-member-since", &[("date", format_date(member.joined_at))])}</p>
            <div class="actions">
                <form method="post" action=SetMemberRole::PATH class="inline-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <input type="hidden" name="user_id" value=member.user_id/>
                    <input type="hidden" name="role" value=new_role/>
                    <button class="button button--quiet" type="submit">{role_label}<span class="visually-hidden">": "{member.name.clone()}</span></button>
                </form>
                {(!is_me).then(|| view! {
                <form method="post" action=RemoveMember::PATH class="inline-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <input type="hidden" name="user_id" value=member.user_id/>
                    <button class="button button--quiet" type="submit">{t("manage-remove")}<span class="visually-hidden">": "{member.name.clone()}</span></button>
                </form>
                })}
            </div>
            {(!is_me).then(|| view! { <BanForm slug user_id=member.user_id name=member.name/> })}
        </li>
    }
}

/// Banning is a weighty step, so it sits behind a disclosure and asks for a reason.
#[component]
fn BanForm(slug: String, user_id: i64, name: String) -> impl IntoView {
    let reason_id = format!("reden-{user_id}");
    view! {
        <details class="ban">
            <summary>{t("manage-ban")}<span class="visually-hidden">": "{name}</span></summary>
            <form method="post" action=BanMember::PATH class="form">
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="user_id" value=user_id/>
                <div class="field">
                    <label for=reason_id.clone()>{t("manage-ban-reason")}</label>
                    <p class="field__hint">{t("manage-ban-reason-hint")}</p>
                    <textarea id=reason_id name="reason" rows="2" required=true minlength="3" maxlength="500"></textarea>
                </div>
                <button class="button button--secondary" type="submit">{t("manage-ban-submit")}</button>
            </form>
        </details>
    }
}

#[component]
fn BanRow(ban: Ban, slug: String) -> impl IntoView {
    view! {
        <li class="card">
            <p><strong>{ban.name.clone()}</strong>" "<span class="muted">{format_date(ban.banned_at)}</span></p>
            <p>{t("manage-ban-reason")}": "{ban.reason}</p>
            <form method="post" action=LiftBan::PATH class="inline-form">
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="user_id" value=ban.user_id/>
                <button class="button button--quiet" type="submit">{t("manage-lift-ban")}<span class="visually-hidden">": "{ban.name}</span></button>
            </form>
        </li>
    }
}
