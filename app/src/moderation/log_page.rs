//! `/moderatie/logboek`: every moderation action, newest first, for platform admins.

use super::model::LogEntry;
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{error::AppError, i18n::t, ui::format_date_time};
use leptos::prelude::*;

async fn load() -> Result<Vec<LogEntry>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        super::service::read_log(&db, crate::accounts::viewer().as_ref()).await
    }
    #[cfg(not(feature = "ssr"))]
    Ok(Vec::new())
}

/// The moderation log as a table.
#[component]
pub fn LogPage() -> impl IntoView {
    let data = PageData::new(load());
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("moderation-log-title"))/>
        <div class="narrow">
            <h1>{t("moderation-log-title")}</h1>
            {loaded(data, move |list| {
                if list.is_empty() {
                    view! { <p class="empty">{t("moderation-log-empty")}</p> }.into_any()
                } else {
                    view! { <LogTable list/> }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn LogTable(list: Vec<LogEntry>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="log">
                <caption class="visually-hidden">{t("moderation-log-title")}</caption>
                <thead><tr>
                    <th scope="col">{t("moderation-log-when")}</th>
                    <th scope="col">{t("moderation-log-who")}</th>
                    <th scope="col">{t("moderation-log-action")}</th>
                    <th scope="col">{t("moderation-log-what")}</th>
                    <th scope="col">{t("moderation-log-reason")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|e| {
                        let what = format!("{} {}", t(e.target.label_key()), e.target_id);
                        view! {
                            <tr>
                                <td>{format_date_time(e.at)}</td>
                                <td>{e.actor_name.unwrap_or_default()}</td>
                                <td>{t(&format!("moderation-action-{}", e.action))}</td>
                                <td>{what}</td>
                                <td>{e.reason}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
