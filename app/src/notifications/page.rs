//! `/meldingen`: my notifications, newest first, unread ones marked, with
//! "gelezen" per item and for all at once. Plain forms, no JavaScript needed.

use super::{
    api::{MarkAllNotificationsRead, MarkNotificationRead},
    model::Notification,
};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::{
        form::{first_refused, ErrorSummary},
        format_date_time,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

async fn load() -> Result<Vec<Notification>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        super::service::list(&db, crate::accounts::viewer().as_ref()).await
    }
    #[cfg(not(feature = "ssr"))]
    Ok(Vec::new())
}

/// The notifications page; guests get a 401 with a way to log in.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let data = PageData::new(load());
    let error = first_refused(&[MarkNotificationRead::PATH, MarkAllNotificationsRead::PATH]);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("notifications-title"))/>
        <div class="narrow">
            <h1>{t("notifications-title")}</h1>
            <p><a href="/meldingen/instellingen">{t("email-settings-link")}</a></p>
            <ErrorSummary error/>
            {loaded_or(data, move |list| view! { <List list/> }, move |e| view! {
                <ErrorNotice error=e/>
                <p><a class="button button--primary" href="/inloggen?volgende=/meldingen">{t("nav-log-in")}</a></p>
            })}
        </div>
    }
}

#[component]
fn List(list: Vec<Notification>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="empty">{t("notifications-empty")}</p> }.into_any();
    }
    let any_unread = list.iter().any(|n| !n.read);
    view! {
        {any_unread.then(|| view! {
            <form method="post" action=MarkAllNotificationsRead::PATH>
                <button class="button button--secondary" type="submit">{t("notifications-all-read")}</button>
            </form>
        })}
        <ol class="notifications">
            {list.into_iter().map(|n| view! { <Item n/> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn Item(n: Notification) -> impl IntoView {
    let text = super::model::sentence(&n, crate::i18n::current_lang());
    let class = if n.read {
        "notification"
    } else {
        "notification notification--unread"
    };
    view! {
        <li class=class>
            {(!n.read).then(|| view! { <span class="tag">{t("notifications-new")}</span> })}
            <p class="notification__text"><a href=n.link.clone()>{text}</a></p>
            <p class="muted">{format_date_time(n.created_at)}</p>
            {(!n.read).then(|| view! {
                <form method="post" action=MarkNotificationRead::PATH class="inline-form">
                    <input type="hidden" name="id" value=n.id/>
                    <button class="button button--quiet" type="submit">{t("notifications-mark-read")}</button>
                </form>
            })}
        </li>
    }
}
