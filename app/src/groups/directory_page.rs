//! `/groepen`: browse and search the groups, twenty at a time.

use super::model::{DirectoryPage, GroupSummary, MembershipMode};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::form::query_param,
};
use leptos::prelude::*;

async fn load(query: String, after: Option<String>) -> Result<DirectoryPage, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        super::service::directory(&db, &query, after.as_deref()).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (query, after);
        Ok(DirectoryPage {
            groups: Vec::new(),
            next: None,
        })
    }
}

/// The group directory with its search form.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let query = query_param("q").unwrap_or_default();
    let after = query_param("na");
    let paged = after.is_some();
    let page = PageData::new(load(query.clone(), after.clone()));
    let start_href = if crate::accounts::viewer().is_some() {
        "/groepen/nieuw"
    } else {
        "/inloggen?volgende=/groepen/nieuw"
    };
    let q_for_links = query.clone();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("groups-title"))/>
        <div class="directory">
            <div class="directory__head">
                <div>
                    <h1>{t("groups-title")}</h1>
                    <p class="lead">{t("groups-intro")}</p>
                </div>
                <p class="actions">
                    {crate::accounts::viewer().map(|_| view! { <a class="button button--secondary" href="/mijn-groepen">{t("nav-my-groups")}</a> })}
                    <a class="button button--primary" href=start_href>{t("groups-start")}</a>
                </p>
            </div>
            <form class="search card" method="get" action="/groepen" role="search">
                <label for="zoek-groep">{t("groups-search-label")}</label>
                <p class="field__hint" id="zoek-groep-hint">{t("groups-search-hint")}</p>
                <div class="search__row">
                    <input id="zoek-groep" type="search" name="q" value=query.clone()
                        aria-describedby="zoek-groep-hint" maxlength="100" autocomplete="off"/>
                    <button class="button button--primary" type="submit">{t("groups-search-submit")}</button>
                </div>
            </form>
            {loaded(page, move |p| view! { <Results page=p query=q_for_links.clone() paged/> })}
        </div>
    }
}

fn query_string(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[component]
fn Results(page: DirectoryPage, query: String, paged: bool) -> impl IntoView {
    let heading = if query.trim().is_empty() {
        t("groups-all")
    } else {
        t_args("groups-results-for", &[("query", query.trim().to_owned())])
    };
    let empty = page.groups.is_empty();
    let next = page
        .next
        .map(|cursor| format!("/groepen?q={}&na={cursor}#resultaten", query_string(&query)));
    let first = paged.then(|| format!("/groepen?q={}#resultaten", query_string(&query)));
    view! {
        <section aria-labelledby="resultaten" class="section">
            <h2 id="resultaten" tabindex="-1">{heading}</h2>
            {empty.then(|| view! { <p class="empty">{t("groups-none-found")}</p> })}
            <ul class="group-cards">
                {page.groups.into_iter().map(|g| view! { <li><GroupCard group=g/></li> }).collect_view()}
            </ul>
            <crate::ui::pager::Pager label=t("groups-pages") first next/>
        </section>
    }
}

/// A group in a list: name, place, how to join and how many are in it.
#[component]
pub fn GroupCard(group: GroupSummary) -> impl IntoView {
    let href = format!("/groepen/{}", group.slug);
    let mode = match group.mode {
        MembershipMode::Open => t("group-mode-open"),
        MembershipMode::OnRequest => t("group-mode-request"),
    };
    let members = t_args(
        "group-member-count",
        &[("count", group.member_count.to_string())],
    );
    let postcodes = (!group.postcodes.is_empty()).then(|| group.postcodes.join(", "));
    view! {
        <article class="group-card card">
            <h3 class="group-card__name"><a href=href>{group.name}</a></h3>
            <p class="group-card__place">{group.neighbourhood}", "{group.municipality}
                {postcodes.map(|p| view! { <span class="muted">" · "{p}</span> })}</p>
            <p class="group-card__meta"><span class="tag">{mode}</span>" "<span class="muted">{members}</span></p>
        </article>
    }
}
