//! `/plannen/:id/bewerken`: the writer or a coordinator of the group edits a
//! plan's texts, place and principles (its phase changes on the plan page).

use super::{model::Plan, new_page::PlanForm};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{error::AppError, i18n::t, manifest::model::ManifestDoc};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

async fn load(id: String) -> Result<(Plan, ManifestDoc), AppError> {
    #[cfg(feature = "ssr")]
    {
        let id: i64 = id.parse().map_err(|_| AppError::not_found())?;
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::session::require_viewer()?;
        let plan = super::service::plan(&db, id).await?;
        if !super::service::may_edit(&db, &viewer, &plan).await? {
            return Err(AppError::forbidden());
        }
        let doc = crate::manifest::service::current(&db).await?;
        Ok((plan, doc))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = id;
        Err(AppError::NotFound(String::new()))
    }
}

/// The edit form; guests get 401, people who may not edit 403.
#[component]
pub fn EditPlanPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let data = PageData::new(load(id));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("plan-edit-title"))/>
        <div class="narrow">
            {loaded_or(data, move |(plan, doc)| view! { <PlanForm slug=plan.group_slug.clone() name=plan.group_name.clone() doc existing=Some(plan)/> }, move |e| view! { <h1>{t("plan-edit-title")}</h1><ErrorNotice error=e/> })}
        </div>
    }
}
