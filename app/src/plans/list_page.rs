//! `/plannen`: every group's plans, filtered and ordered with a plain GET
//! form (so it works without JavaScript), twenty at a time.

use super::{
    card::PlanCard,
    list::{PlanFilter, PlanPage, PlanSort},
    model::Phase,
};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{error::AppError, i18n::t, ui::form::query_param};
use leptos::prelude::*;

/// What the page needs: the page of plans, and the filter's choices.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct ListData {
    page: PlanPage,
    /// `(slug, title)` of every principle, in the reader's language.
    principles: Vec<(String, String)>,
    municipalities: Vec<String>,
    /// The name of the group filtered on, if any.
    group_name: Option<String>,
}

async fn load(filter: PlanFilter, after: Option<String>) -> Result<ListData, AppError> {
    #[cfg(feature = "ssr")]
    {
        use crate::i18n::{current_lang, Lang};
        let db = crate::state::use_db()?;
        let after = after.as_deref().and_then(super::list::PlanCursor::parse);
        let page = super::list::page(&db, &filter, after).await?;
        let english = current_lang() == Lang::En;
        let principles = crate::manifest::service::latest(&db)
            .await?
            .map(|doc| doc.principle_titles(english))
            .unwrap_or_default();
        let group_name = match &filter.group {
            Some(slug) => crate::groups::service::group(&db, slug)
                .await
                .ok()
                .map(|g| g.summary.name),
            None => None,
        };
        Ok(ListData {
            page,
            principles,
            municipalities: super::list::municipalities(&db).await?,
            group_name,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (filter, after);
        Err(AppError::NotFound(String::new()))
    }
}

/// The plan list with its filter form.
#[component]
pub fn PlanListPage() -> impl IntoView {
    let filter = PlanFilter::from_query(query_param);
    let after = query_param("na");
    let paged = after.is_some();
    let data = PageData::new(load(filter.clone(), after.clone()));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("nav-plans"))/>
        <div class="directory">
            <div class="directory__head">
                <div>
                    <h1>{t("nav-plans")}</h1>
                    <p class="lead">{t("plans-intro")}</p>
                </div>
            </div>
            {loaded(data, move |d| view! { <Filters data=d.clone() filter=filter.clone()/><Results data=d filter=filter.clone() paged/> })}
        </div>
    }
}

#[component]
fn Filters(data: ListData, filter: PlanFilter) -> impl IntoView {
    let any = |label: String| view! { <option value="">{label}</option> };
    // On phones the fields fold away behind one button, which says how many
    // filters are on.
    let chosen = filter.chosen();
    view! {
        <form class="card filters" method="get" action="/plannen" aria-label=t("plans-filter")>
            {filter.group.clone().map(|slug| view! {
                <input type="hidden" name="groep" value=slug/>
                <p class="filters__group">{t("plans-of-group")}" "<strong>{data.group_name.clone().unwrap_or_default()}</strong>
                    " · "<a href="/plannen">{t("plans-all-groups")}</a></p>
            })}
            <details class="fold-on-phone filters__fold">
            <summary class="fold-button">{t("plans-filters")}
                {(chosen > 0).then(|| view! { " "<span class="badge">{chosen}</span><span class="visually-hidden">" "{t("plans-filters-chosen")}</span> })}
            </summary>
            <div class="filters__body">
            <div class="filters__fields">
                <div class="field">
                    <label for="filter-fase">{t("plans-filter-phase")}</label>
                    <select id="filter-fase" name="fase">
                        {any(t("plans-filter-any-phase"))}
                        {Phase::ALL.into_iter().map(|p| view! {
                            <option value=p.as_str() selected=filter.phase == Some(p)>{t(&p.label_key())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-principe">{t("plans-filter-principle")}</label>
                    <select id="filter-principe" name="principe">
                        {any(t("plans-filter-any-principle"))}
                        {data.principles.into_iter().map(|(slug, title)| {
                            let selected = filter.principle.as_deref() == Some(slug.as_str());
                            view! { <option value=slug selected=selected>{title}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-gemeente">{t("plans-filter-municipality")}</label>
                    <select id="filter-gemeente" name="gemeente">
                        {any(t("plans-filter-any-municipality"))}
                        {data.municipalities.into_iter().map(|m| {
                            let selected = filter.municipality.as_deref() == Some(m.as_str());
                            let label = m.clone();
                            view! { <option value=m selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-sorteer">{t("plans-sort")}</label>
                    <select id="filter-sorteer" name="sorteer">
                        {PlanSort::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=filter.sort == s>{t(&s.label_key())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <button class="button button--primary" type="submit">{t("plans-filter-submit")}</button>
            </div>
            </details>
        </form>
    }
}

#[component]
fn Results(data: ListData, filter: PlanFilter, paged: bool) -> impl IntoView {
    let query = filter.to_query();
    let link = move |extra: Option<String>| {
        let mut parts: Vec<String> = Vec::new();
        if !query.is_empty() {
            parts.push(query.clone());
        }
        parts.extend(extra);
        if parts.is_empty() {
            "/plannen#resultaten".to_owned()
        } else {
            format!("/plannen?{}#resultaten", parts.join("&"))
        }
    };
    let next = data
        .page
        .next
        .map(|c| link(Some(format!("na={}", c.encode()))));
    let first = paged.then(|| link(None));
    let empty = data.page.plans.is_empty();
    view! {
        <section aria-labelledby="resultaten" class="section">
            <h2 id="resultaten" tabindex="-1">{t("plans-results")}</h2>
            {empty.then(|| view! { <p class="empty">{t("plans-none-found")}</p> })}
            <ul class="group-cards">
                {data.page.plans.into_iter().map(|p| view! { <li><PlanCard plan=p/></li> }).collect_view()}
            </ul>
            <crate::ui::pager::Pager label=t("plans-pages") first next/>
        </section>
    }
}
