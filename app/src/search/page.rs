//! `/zoeken`: the results page behind the search box in the header. A plain
//! GET form, so it works without JavaScript. Without a kind filter it shows
//! the best few of each kind; with one, pages of that kind ("meer").

use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::form::{query_param, set_status},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// Results of one kind, best first.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KindResults {
    /// `group`, `plan`, `reaction` or `principle`.
    pub kind: String,
    /// `(title html, excerpt html, link, municipality)` of each result.
    pub hits: Vec<(String, String, String, String)>,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
}

/// What the page shows.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchView {
    /// The search as typed.
    pub q: String,
    /// Per kind, in a fixed order; kinds without results are left out.
    pub kinds: Vec<KindResults>,
}

/// The kinds, in the order the page shows them.
pub const KINDS: [&str; 4] = ["plan", "group", "reaction", "principle"];

/// Results per kind on the overview; a kind's own page shows more.
#[cfg(feature = "ssr")]
const OVERVIEW: i64 = 5;
#[cfg(feature = "ssr")]
const PAGE: i64 = 20;

/// The search, its filters and page, as the address gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Asked {
    q: String,
    kind: Option<String>,
    municipality: Option<String>,
    group: Option<String>,
    phase: Option<String>,
    after: Option<String>,
}

impl Asked {
    fn from_url() -> Asked {
        let get = |k: &str| query_param(k).filter(|v| !v.trim().is_empty());
        Asked {
            q: get("q").unwrap_or_default(),
            kind: get("soort").filter(|k| KINDS.contains(&k.as_str())),
            municipality: get("gemeente"),
            group: get("groep"),
            phase: get("fase"),
            after: get("na"),
        }
    }
}

async fn load(asked: Asked) -> Result<SearchView, AppError> {
    #[cfg(feature = "ssr")]
    {
        use super::{
            index::DocKind,
            query::{run, Cursor, Filters},
            text::Query,
        };
        let db = crate::state::use_db()?;
        let query = Query::parse(&asked.q);
        let group_id = match &asked.group {
            Some(slug) => Some(crate::groups::service::group(&db, slug).await?.summary.id),
            None => None,
        };
        let kind_of = |k: &str| match k {
            "group" => DocKind::Group,
            "plan" => DocKind::Plan,
            "reaction" => DocKind::Reaction,
            _ => DocKind::Principle,
        };
        let wanted: Vec<&str> = match &asked.kind {
            Some(k) => vec![k.as_str()],
            None => KINDS.to_vec(),
        };
        let mut kinds = Vec::new();
        for kind in wanted {
            let filters = Filters {
                kind: Some(kind_of(kind)),
                municipality: asked.municipality.clone(),
                group_id,
                phase: asked.phase.clone(),
            };
            let limit = if asked.kind.is_some() { PAGE } else { OVERVIEW };
            let after = asked.after.as_deref().and_then(Cursor::parse);
            let mut hits = run(&db, &query, &filters, after, limit + 1).await?;
            let next = if hits.len() as i64 > limit {
                hits.truncate(limit as usize);
                hits.last().map(|h| {
                    Cursor {
                        rank: h.rank,
                        id: h.id,
                    }
                    .encode()
                })
            } else {
                None
            };
            if !hits.is_empty() {
                kinds.push(KindResults {
                    kind: kind.to_owned(),
                    hits: hits
                        .into_iter()
                        .map(|h| (h.title_html, h.excerpt, h.link, h.municipality))
                        .collect(),
                    next,
                });
            }
        }
        Ok(SearchView { q: asked.q, kinds })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = asked;
        Err(AppError::NotFound(String::new()))
    }
}

/// The search results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let asked = Asked::from_url();
    let data = Resource::new_blocking(
        {
            let a = asked.clone();
            move || a.clone()
        },
        load,
    );
    let q = asked.q.clone();
    view! {
        <Title text=format!("{} · Wijkplein", t("search-title"))/>
        <div class="narrow search-page">
            <h1>{t("search-title")}</h1>
            <form method="get" action="/zoeken" role="search" class="search-form">
                <label for="zoekterm">{t("search-label")}</label>
                <div class="search-form__row">
                    <input id="zoekterm" type="search" name="q" value=q autocomplete="off"/>
                    <button class="button button--primary" type="submit">{t("search-submit")}</button>
                </div>
                <p class="field__hint">{t("search-hint")}</p>
            </form>
            <div id="zoekresultaten" aria-live="polite">
                <Suspense>
                    {move || {
                        let asked = asked.clone();
                        Suspend::new(async move {
                            match data.await {
                                Ok(view) => view! { <Results view asked/> }.into_any(),
                                Err(e) => {
                                    set_status(e.status());
                                    view! { <p class="notice notice--error">{e.to_string()}</p> }.into_any()
                                }
                            }
                        })
                    }}
                </Suspense>
            </div>
        </div>
    }
}

#[component]
fn Results(view: SearchView, asked: Asked) -> impl IntoView {
    if view.q.trim().is_empty() {
        return view! { <p class="empty">{t("search-empty-query")}</p> }.into_any();
    }
    if view.kinds.is_empty() {
        return view! { <p class="empty">{t_args("search-none", &[("q", view.q.clone())])}</p> }
            .into_any();
    }
    let single = asked.kind.is_some();
    view! {
        {view.kinds.into_iter().map(|k| {
            let heading = t(&format!("search-kind-{}", k.kind));
            let heading_id = format!("zoek-{}", k.kind);
            let labelled_by = heading_id.clone();
            let more = if single {
                k.next.map(|c| (t("search-next"), link(&asked, Some(&k.kind), Some(&c))))
            } else {
                k.next.map(|_| (t("search-more"), link(&asked, Some(&k.kind), None)))
            };
            view! {
                <section class="section search-kind" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{heading}</h2>
                    <ol class="search-hits">
                        {k.hits.into_iter().map(|(title, excerpt, href, place)| view! {
                            <li class="search-hit">
                                <a class="search-hit__title" href=href inner_html=title></a>
                                {(!place.is_empty()).then(|| view! { <span class="muted">{place}</span> })}
                                <p class="search-hit__excerpt" inner_html=excerpt></p>
                            </li>
                        }).collect_view()}
                    </ol>
                    {more.map(|(label, href)| view! { <p><a href=href>{label}</a></p> })}
                </section>
            }
        }).collect_view()}
    }
    .into_any()
}

/// The address of this search with another kind and page.
fn link(asked: &Asked, kind: Option<&str>, after: Option<&str>) -> String {
    let mut pairs: Vec<(&str, &str)> = vec![("q", asked.q.as_str())];
    if let Some(k) = kind {
        pairs.push(("soort", k));
    }
    for (key, value) in [
        ("gemeente", &asked.municipality),
        ("groep", &asked.group),
        ("fase", &asked.phase),
    ] {
        if let Some(v) = value {
            pairs.push((key, v.as_str()));
        }
    }
    if let Some(a) = after {
        pairs.push(("na", a));
    }
    let query: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", crate::ui::urlencode(v)))
        .collect();
    format!("/zoeken?{}", query.join("&"))
}
