//! `/moderatie`: the open reports this person may handle (their groups'
//! plans and discussions; everything for platform admins), each with "hide
//! with a reason" and "dismiss".

use super::{
    api::{DismissReport, HideContent},
    model::Report,
};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::{
        form::{first_refused, query_param, ErrorSummary},
        format_date_time,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

async fn load() -> Result<(Vec<Report>, bool), AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        let reports = super::service::queue(&db, viewer.as_ref()).await?;
        Ok((reports, viewer.is_some_and(|v| v.is_admin)))
    }
    #[cfg(not(feature = "ssr"))]
    Ok((Vec::new(), false))
}

/// The report queue.
#[component]
pub fn QueuePage() -> impl IntoView {
    let data = PageData::new(load());
    let error = first_refused(&[HideContent::PATH, DismissReport::PATH]);
    let done = query_param("klaar").is_some();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("reports-title"))/>
        <div class="narrow">
            <h1>{t("reports-title")}</h1>
            <p class="lead">{t("reports-intro")}</p>
            {done.then(|| view! { <p class="notice notice--success" role="status">{t("reports-done")}</p> })}
            <ErrorSummary error/>
            {loaded(data, move |(reports, admin)| view! {
                {admin.then(|| view! {
                    <p class="actions">
                        <a class="button button--quiet" href="/beheer/reacties">{t("moderation-title")}</a>
                        <a class="button button--quiet" href="/moderatie/logboek">{t("moderation-log-title")}</a>
                        <a class="button button--quiet" href="/beheer/rollen">{t("roles-nav")}</a>
                    </p>
                })}
                {if reports.is_empty() {
                    view! { <p class="empty">{t("reports-empty")}</p> }.into_any()
                } else {
                    view! { <ol class="notifications">{reports.into_iter().map(|r| view! { <ReportItem report=r/> }).collect_view()}</ol> }.into_any()
                }}
            })}
        </div>
    }
}

#[component]
fn ReportItem(report: Report) -> impl IntoView {
    let what = t(report.target.label_key());
    let who = report
        .reporter_name
        .clone()
        .unwrap_or_else(|| t("group-someone"));
    let field = format!("verberg-{}", report.id);
    view! {
        <li class="notification" id=format!("melding-{}", report.id)>
            <p class="muted">{what}" · "{format_date_time(report.created_at)}</p>
            <p class="notification__text">
                {if report.link.is_empty() {
                    view! { <span>{t("reports-gone")}</span> }.into_any()
                } else {
                    view! { <a href=report.link.clone()>{report.excerpt.clone()}</a> }.into_any()
                }}
            </p>
            <p>{t_args("reports-reason", &[("name", who), ("reason", report.reason.clone())])}</p>
            <details class="report">
                <summary>{t("reports-hide")}</summary>
                <form method="post" action=HideContent::PATH class="form">
                    <input type="hidden" name="report_id" value=report.id/>
                    <div class="field">
                        <label for=field.clone()>{t("reports-hide-reason")}</label>
                        <p class="field__hint" id=format!("{field}-hint")>{t("reports-hide-reason-hint")}</p>
                        <textarea id=field.clone() name="reason" rows="3" required maxlength="500"
                            aria-describedby=format!("{field}-hint")></textarea>
                    </div>
                    <button class="button button--primary" type="submit">{t("reports-hide-submit")}</button>
                </form>
            </details>
            <form method="post" action=DismissReport::PATH class="inline-form">
                <input type="hidden" name="report_id" value=report.id/>
                <button class="button button--quiet" type="submit">{t("reports-dismiss")}</button>
            </form>
        </li>
    }
}
