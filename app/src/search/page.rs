//! `/zoeken`: the results page behind the search box in the header. A plain
//! GET form with filters, so it works without JavaScript; with it, results
//! follow the typing (`live`). Without a kind filter it shows the best few of
//! each kind; with one, pages of that kind.

use super::model::{Asked, KindResults, SearchView, KINDS};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    plans::model::Phase,
};
use leptos::prelude::*;

async fn load(asked: Asked) -> Result<SearchView, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        super::service::search(&db, asked).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = asked;
        Err(AppError::NotFound(String::new()))
    }
}

fn asked_from_url() -> Asked {
    let params = leptos_router::hooks::use_query_map().get_untracked();
    let pairs: Vec<(String, String)> = ["q", "soort", "gemeente", "groep", "fase", "na"]
        .into_iter()
        .filter_map(|k| params.get(k).map(|v| (k.to_owned(), v)))
        .collect();
    Asked::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The search results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let asked = asked_from_url();
    let data = PageData::new(load(asked.clone()));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("search-title"))/>
        <div class="narrow search-page">
            <h1>{t("search-title")}</h1>
            {loaded(data, move |view| view! { <SearchForm view=view.clone()/> <Results view/> })}
        </div>
    }
}

#[component]
fn SearchForm(view: SearchView) -> impl IntoView {
    let asked = view.asked;
    let any = |label: String| view! { <option value="">{label}</option> };
    let kind = asked.kind.clone();
    let municipality = asked.municipality.clone();
    let phase = asked.phase.clone();
    view! {
        <form id={super::live::FORMS[1]} method="get" action="/zoeken" role="search" class="search-form"
            data-results=super::live::RESULTS data-follow="" data-announce=t("search-live-done")>
            <label for="zoekterm">{t("search-label")}</label>
            <div class="search-form__row">
                <input id="zoekterm" type="search" name="q" value=asked.q.clone() autocomplete="off"
                    aria-describedby="zoekterm-uitleg"/>
                <button class="button button--primary" type="submit">{t("search-submit")}</button>
            </div>
            <p class="field__hint" id="zoekterm-uitleg">{t("search-hint")}</p>
            <fieldset class="filters">
                <legend>{t("search-filter")}</legend>
                {asked.group.clone().map(|slug| view! {
                    <input type="hidden" name="groep" value=slug/>
                    <p>{t("search-filter-in-group")}" "<strong>{view.group_name.clone().unwrap_or_default()}</strong>
                        " · "<a href=Asked { group: None, after: None, ..asked.clone() }.link(asked.kind.as_deref(), None)>
                            {t("search-filter-all-groups")}</a></p>
                })}
                <div class="filters__fields">
                    <div class="field">
                        <label for="zoek-soort">{t("search-filter-kind")}</label>
                        <select id="zoek-soort" name="soort">
                            {any(t("search-filter-any-kind"))}
                            {KINDS.into_iter().map(|k| view! {
                                <option value=k selected=kind.as_deref() == Some(k)>{t(&format!("search-kind-{k}"))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="zoek-gemeente">{t("search-filter-municipality")}</label>
                        <select id="zoek-gemeente" name="gemeente">
                            {any(t("search-filter-any-municipality"))}
                            {view.municipalities.into_iter().map(|m| {
                                let selected = municipality.as_deref() == Some(m.as_str());
                                let label = m.clone();
                                view! { <option value=m selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="zoek-fase">{t("search-filter-phase")}</label>
                        <select id="zoek-fase" name="fase">
                            {any(t("search-filter-any-phase"))}
                            {Phase::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=phase.as_deref() == Some(p.as_str())>{t(&p.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </fieldset>
        </form>
    }
}

#[component]
fn Results(view: SearchView) -> impl IntoView {
    let body = if view.asked.q.trim().is_empty() {
        view! { <p class="empty">{t("search-empty-query")}</p> }.into_any()
    } else if view.kinds.is_empty() {
        view! { <p class="empty">{t_args("search-none", &[("q", view.asked.q.clone())])}</p> }
            .into_any()
    } else {
        let asked = view.asked;
        view.kinds
            .into_iter()
            .map(|k| view! { <KindSection k asked=asked.clone()/> })
            .collect_view()
            .into_any()
    };
    view! { <div id=super::live::RESULTS>{body}</div> }
}

#[component]
fn KindSection(k: KindResults, asked: Asked) -> impl IntoView {
    let heading = t(&format!("search-kind-{}", k.kind));
    let heading_id = format!("zoek-{}", k.kind);
    let labelled_by = heading_id.clone();
    let more = if asked.kind.is_some() {
        k.next
            .map(|c| (t("search-next"), asked.link(Some(&k.kind), Some(&c))))
    } else {
        k.next
            .map(|_| (t("search-more"), asked.link(Some(&k.kind), None)))
    };
    let capped = k.capped.then(|| {
        let n = if asked.kind.is_some() {
            super::model::CANDIDATES
        } else {
            super::model::OVERVIEW_CANDIDATES
        }
        .to_string();
        view! { <p class="field__hint">{t_args("search-capped", &[("n", n)])}</p> }
    });
    view! {
        <section class="section search-kind" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            {capped}
            <ol class="search-hits">
                {k.hits.into_iter().map(|h| view! {
                    <li class="search-hit">
                        <a class="search-hit__title" href=h.link inner_html=h.title_html></a>
                        {(!h.place.is_empty()).then(|| view! { <p class="search-hit__place muted">{h.place}</p> })}
                        <p class="search-hit__excerpt" inner_html=h.excerpt_html></p>
                    </li>
                }).collect_view()}
            </ol>
            {more.map(|(label, href)| view! { <p><a href=href>{label}</a></p> })}
        </section>
    }
}
