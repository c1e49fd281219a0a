//! `/mijn-groepen`: the groups I am in and my role, my open requests, and
//! what was decided about my recent ones.

use super::model::{JoinRequest, MemberRole, Mine, RequestStatus};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{error::AppError, i18n::t, ui::format_date};
use leptos::prelude::*;

async fn load() -> Result<Option<Mine>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some(viewer) = crate::accounts::viewer() else {
            return Ok(None);
        };
        let db = crate::state::use_db()?;
        Ok(Some(super::service::mine(&db, Some(&viewer)).await?))
    }
    #[cfg(not(feature = "ssr"))]
    Ok(None)
}

/// My groups; guests are sent to log in.
#[component]
pub fn MyGroupsPage() -> impl IntoView {
    let data = PageData::new(load());
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("mine-title"))/>
        <div class="narrow">
            <h1>{t("mine-title")}</h1>
            {loaded(data, move |mine| match mine {
                Some(mine) => view! { <MineBody mine/> }.into_any(),
                None => {
                    #[cfg(feature = "ssr")]
                    leptos_axum::redirect("/inloggen?volgende=/mijn-groepen");
                    view! { <p>{t("error-login-required")}</p> }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn MineBody(mine: Mine) -> impl IntoView {
    let no_groups = mine.groups.is_empty();
    let (open, decided): (Vec<JoinRequest>, Vec<JoinRequest>) = mine
        .requests
        .into_iter()
        .partition(|r| r.status == RequestStatus::Pending);
    view! {
        <section class="section" aria-labelledby="mijn-lid">
            <h2 id="mijn-lid">{t("mine-groups")}</h2>
            {no_groups.then(|| view! { <p class="empty">{t("mine-no-groups")}" "<a href="/groepen">{t("mine-find")}</a></p> })}
            <ul class="plain-list">
                {mine.groups.into_iter().map(|m| {
                    let role = match m.role {
                        MemberRole::Coordinator => t("mine-role-coordinator"),
                        MemberRole::Member => t("mine-role-member"),
                    };
                    let href = format!("/groepen/{}", m.group.slug);
                    view! {
                        <li class="card mine-item">
                            <a href=href>{m.group.name}</a>
                            " "<span class="tag">{role}</span>
                            <p class="muted">{m.group.neighbourhood}", "{m.group.municipality}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="section" aria-labelledby="mijn-aanvragen">
            <h2 id="mijn-aanvragen">{t("mine-requests")}</h2>
            {open.is_empty().then(|| view! { <p class="muted">{t("mine-no-requests")}</p> })}
            <ul class="plain-list">
                {open.into_iter().map(|r| view! { <RequestItem request=r/> }).collect_view()}
            </ul>
        </section>
        {(!decided.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="mijn-besluiten">
                <h2 id="mijn-besluiten">{t("mine-decisions")}</h2>
                <ul class="plain-list">
                    {decided.into_iter().map(|r| view! { <RequestItem request=r/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn RequestItem(request: JoinRequest) -> impl IntoView {
    let href = format!("/groepen/{}", request.group_slug);
    let (status, class) = match request.status {
        RequestStatus::Pending => (t("mine-status-pending"), "tag"),
        RequestStatus::Approved => (t("mine-status-approved"), "tag tag--success"),
        RequestStatus::Declined => (t("mine-status-declined"), "tag tag--quiet"),
        RequestStatus::Withdrawn => (t("mine-status-withdrawn"), "tag tag--quiet"),
    };
    let when = request.decided_at.unwrap_or(request.created_at);
    let message = (!request.message.is_empty()).then(|| request.message.clone());
    view! {
        <li class="card mine-item">
            <a href=href>{request.group_name}</a>" "<span class=class>{status}</span>
            <p class="muted">{format_date(when)}</p>
            {message.map(|m| view! {
                <blockquote class="decision-message"><p class="muted">{t("mine-message-from-coordinator")}</p><p>{m}</p></blockquote>
            })}
        </li>
    }
}
