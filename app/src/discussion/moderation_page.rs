//! `/beheer/reacties`: guests' reactions waiting for a platform admin.

use super::api::ModerateReaction;
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::{
        form::{refused, ErrorSummary},
        format_date_time,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// A pending reaction with where it was posted.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Pending {
    /// The reaction.
    pub reaction: super::model::Reaction,
    /// Its subject key.
    pub subject: String,
}

async fn load() -> Result<Vec<Pending>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let viewer = crate::accounts::session::require_viewer()?;
        let db = crate::state::use_db()?;
        let rows = super::service::pending(&db, &viewer, 100).await?;
        Ok(rows
            .into_iter()
            .map(|(reaction, subject)| Pending { reaction, subject })
            .collect())
    }
    #[cfg(not(feature = "ssr"))]
    Ok(Vec::new())
}

/// The moderation queue; only for platform admins (others get 401/403).
#[component]
pub fn ModerationPage() -> impl IntoView {
    let pending = PageData::new(load());
    let error = refused(ModerateReaction::PATH);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("moderation-title"))/>
        <div class="narrow">
            <h1>{t("moderation-title")}</h1>
            <ErrorSummary error/>
            {loaded(pending, move |list| {
                if list.is_empty() {
                    view! { <p class="empty">{t("moderation-empty")}</p> }.into_any()
                } else {
                    view! { <ul class="threads">{list.into_iter().map(|p| view! { <PendingItem item=p/> }).collect_view()}</ul> }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn PendingItem(item: Pending) -> impl IntoView {
    let r = item.reaction;
    let decide = move |decision: &'static str, label: String, class: &'static str| {
        view! {
            <form method="post" action=ModerateReaction::PATH class="inline-form">
                <input type="hidden" name="id" value=r.id/>
                <input type="hidden" name="decision" value=decision/>
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    view! {
        <li class="reaction">
            <p class="reaction__meta">
                <span class="reaction__author">{r.author_name.clone()}</span>
                <span class="tag tag--kind">{t(&r.kind.label_key())}</span>
                <span class="muted">{format_date_time(r.created_at)}" · "{item.subject}</span>
            </p>
            <div class="reaction__body" inner_html=r.html.clone()></div>
            <div class="reaction__actions">
                {decide("approve", t("moderation-approve"), "button button--primary button--small")}
                {decide("reject", t("moderation-reject"), "button button--quiet")}
            </div>
        </li>
    }
}
