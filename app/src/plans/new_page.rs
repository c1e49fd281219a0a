//! `/groepen/:slug/plannen/nieuw`: a member writes a plan for the group,
//! naming the manifest principles it puts into practice.

use super::model::limits::{BODY, PLACE, SUMMARY, TITLE};
use super::{
    api::{CreatePlan, UpdatePlan},
    model::Plan,
};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{current_lang, t, Lang},
    manifest::model::ManifestDoc,
    ui::form::{refused, with_length, ErrorSummary, TextArea, TextField},
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// What the form needs: the group (slug, name) and the manifest.
type FormData = (String, String, ManifestDoc);

async fn load(slug: String) -> Result<FormData, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::session::require_viewer()?;
        let group = crate::groups::service::group(&db, &slug).await?;
        crate::plans::service::require_writer(&db.pool, group.summary.id, &viewer).await?;
        let doc = crate::manifest::service::current(&db).await?;
        Ok((group.summary.slug, group.summary.name, doc))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::NotFound(String::new()))
    }
}

/// The plan form; guests get 401, non-members 403.
#[component]
pub fn NewPlanPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = PageData::new(load(slug));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("plan-new-title"))/>
        <div class="narrow">
            {loaded_or(data, move |(slug, name, doc)| view! { <PlanForm slug name doc existing=None/> }, move |e| view! { <h1>{t("plan-new-title")}</h1><ErrorNotice error=e/> })}
        </div>
    }
}

/// The plan form: empty for a new plan, filled in when `existing` is edited.
#[component]
pub fn PlanForm(
    slug: String,
    name: String,
    doc: ManifestDoc,
    existing: Option<Plan>,
) -> impl IntoView {
    let editing = existing.is_some();
    let (action, title_key, intro_key, submit_key) = if editing {
        (
            UpdatePlan::PATH,
            "plan-edit-title",
            "plan-edit-intro",
            "plan-edit-submit",
        )
    } else {
        (
            CreatePlan::PATH,
            "plan-new-title",
            "plan-new-intro",
            "plan-new-submit",
        )
    };
    let error = refused(action);
    let english = current_lang() == Lang::En;
    let back = format!("/groepen/{slug}");
    let principle_error = error.as_ref().and_then(|e| e.field_message("principles"));
    let old = existing.clone().unwrap_or_default();
    // After a refused post, the boxes the person ticked; else the plan's.
    let chosen: Vec<String> = match &error {
        Some(refused) => refused
            .values
            .iter()
            .filter(|(name, _)| name == "principles[]")
            .map(|(_, slug)| slug.clone())
            .collect(),
        None => old.principles.clone(),
    };
    view! {
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/groepen">{t("groups-title")}</a>" › "<a href=back>{name.clone()}</a>
        </nav>
        <h1>{t(title_key)}</h1>
        <p class="lead">{t(intro_key)}</p>
        <ErrorSummary error=error.clone()/>
        <form class="card form" method="post" action=action novalidate>
            {if editing {
                view! { <input type="hidden" name="plan_id" value=old.id/> }.into_any()
            } else {
                view! { <input type="hidden" name="group" value=slug/> }.into_any()
            }}
            <TextField name="title" label=t("plan-field-title") required=true value=old.title.clone() error=error.clone()
                minlength=TITLE.0 maxlength=TITLE.1 hint=with_length("", TITLE.0, TITLE.1)/>
            <TextArea name="summary" label=t("plan-field-summary") hint=with_length(&t("plan-field-summary-hint"), SUMMARY.0, SUMMARY.1)
                rows=3 required=true maxlength=SUMMARY.1 value=old.summary.clone() error=error.clone()/>
            <TextArea name="body" label=t("plan-field-body") hint=with_length(&t("reactions-body-hint"), BODY.0, BODY.1)
                rows=10 required=true maxlength=BODY.1 value=old.body_source.clone() error=error.clone()/>
            <TextField name="place" label=t("plan-field-place") hint=with_length(&t("plan-field-place-hint"), 0, PLACE)
                maxlength=PLACE value=old.place.clone() error=error.clone()/>
            <fieldset class="field principles-choice" id="veld-principles">
                <legend>{t("plan-field-principles")}</legend>
                <p class="field__hint">{t("plan-field-principles-hint")}</p>
                {principle_error.map(|m| view! { <p class="field__error">{m}</p> })}
                {doc.pillars.into_iter().map(|pillar| {
                    let pillar_title = if english { pillar.title_en.clone() } else { pillar.quote.clone() };
                    view! {
                        <p class="principles-choice__pillar">{pillar_title}</p>
                        {pillar.principles.into_iter().map(|p| {
                            let id = format!("principe-{}", p.slug);
                            let label = if english { p.title_en.clone() } else { p.quote.clone() };
                            let checked = chosen.contains(&p.slug);
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=id.clone() name="principles[]" value=p.slug checked=checked/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    }
                }).collect_view()}
            </fieldset>
            <button class="button button--primary button--wide" type="submit">{t(submit_key)}</button>
        </form>
    }
}
