//! `/meldingen`: my notifications, newest first, unread ones marked, with
//! "gelezen" per item and for all at once. Plain forms, no JavaScript needed.

use super::{
    api::{MarkAllNotificationsRead, MarkNotificationRead},
    model::{Kind, Notification},
};
use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::{
        form::{first_error, set_status, ErrorSummary},
        format_date,
    },
};
use leptos::prelude::*;
use leptos_meta::Title;
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
    let data = Resource::new_blocking(|| (), |_| load());
    let error = first_error(&[MarkNotificationRead::PATH, MarkAllNotificationsRead::PATH]);
    view! {
        <Title text=format!("{} · Wijkplein", t("notifications-title"))/>
        <div class="narrow">
            <h1>{t("notifications-title")}</h1>
            <ErrorSummary error/>
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! { <List list/> }.into_any(),
                        Err(e) => {
                            set_status(e.status());
                            view! {
                                <p class="notice notice--error">{e.to_string()}</p>
                                <p><a class="button button--primary" href="/inloggen?volgende=/meldingen">{t("nav-log-in")}</a></p>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
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
    let text = sentence(&n);
    let class = if n.read {
        "notification"
    } else {
        "notification notification--unread"
    };
    view! {
        <li class=class>
            {(!n.read).then(|| view! { <span class="tag">{t("notifications-new")}</span> })}
            <p class="notification__text"><a href=n.link.clone()>{text}</a></p>
            <p class="muted">{format_date(n.created_at)}</p>
            {(!n.read).then(|| view! {
                <form method="post" action=MarkNotificationRead::PATH class="inline-form">
                    <input type="hidden" name="id" value=n.id/>
                    <button class="button button--quiet" type="submit">{t("notifications-mark-read")}</button>
                </form>
            })}
        </li>
    }
}

/// The notification as a sentence in the reader's language.
fn sentence(n: &Notification) -> String {
    let name = n.actor_name.clone();
    let title = n.title.clone();
    match n.kind {
        Kind::Reply => t_args("notification-reply", &[("name", name), ("title", title)]),
        Kind::Mention => t_args("notification-mention", &[("name", name), ("title", title)]),
        Kind::NewPlan => t_args(
            "notification-new-plan",
            &[
                ("name", name),
                ("title", title),
                ("group", n.detail.clone()),
            ],
        ),
        Kind::PlanPhase => {
            let phase = crate::plans::model::Phase::parse(&n.detail)
                .map(|p| t(&p.label_key()))
                .unwrap_or_default();
            t_args(
                "notification-plan-phase",
                &[("name", name), ("title", title), ("phase", phase)],
            )
        }
        Kind::PlanUpdate => t_args(
            "notification-plan-update",
            &[("name", name), ("title", title)],
        ),
        Kind::JoinDecision if n.detail == "approved" => {
            t_args("notification-join-approved", &[("group", title)])
        }
        Kind::JoinDecision => t_args("notification-join-declined", &[("group", title)]),
    }
}
