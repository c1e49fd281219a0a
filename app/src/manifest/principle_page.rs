//! `/manifest/principes/{slug}`: one principle on its own page, to share.

use super::model::ManifestDoc;
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{current_lang, t, t_args, Lang},
};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

type Practice = Vec<crate::plans::model::PlanSummary>;
type Reactions = crate::discussion::section::SectionData;

/// The manifest and the plans that put this principle into practice.
async fn load(slug: String) -> Result<(ManifestDoc, Practice, Reactions), AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let doc = super::service::current(&db).await?;
        let plans = crate::plans::service::for_principle(&db, &slug, 12).await?;
        let reactions = match doc.principle(&slug) {
            Some(_) => crate::discussion::section::load(&format!("manifest:{slug}")).await?,
            None => Reactions {
                threads: Vec::new(),
                next: None,
                moderator: false,
                challenge: None,
            },
        };
        Ok((doc, plans, reactions))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::NotFound(String::new()))
    }
}

/// The principle page; an unknown slug is a friendly 404.
#[component]
pub fn PrincipleEntryPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let doc = PageData::new(load(slug.clone()));
    view! {
        {loaded(doc, move |(doc, plans, reactions)| {
                if doc.principle(&slug).is_some() {
                    view! { <PrincipleBody doc slug=slug.clone() plans reactions/> }.into_any()
                } else {
                    view! { <crate::pages::NotFoundPage/> }.into_any()
                }
            })}
    }
}

#[component]
fn PrincipleBody(
    doc: ManifestDoc,
    slug: String,
    plans: Practice,
    reactions: Reactions,
) -> impl IntoView {
    let english = current_lang() == Lang::En;
    let Some((number, pillar, principle)) = doc.principle(&slug) else {
        return ().into_any();
    };
    let explain = if english {
        principle.explain_en.clone()
    } else {
        principle.explain_nl.clone()
    };
    view! {
        <PageTitle text=format!("{} · Wijkplein", principle.quote)/>
        <Meta name="description" content=explain.clone()/>
        <Meta property="og:title" content=principle.quote.clone()/>
        <Meta property="og:description" content=explain.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:site_name" content="Wijkplein"/>
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href=format!("/manifest#{}", pillar.slug)>
                {t_args("manifest-pillar-number", &[("number", number.to_string())])}": "
                <span lang="nl">{pillar.quote.clone()}</span>
            </a>
        </nav>
        <article class="narrow principle-page">
            <p class="eyebrow">{t("principle-eyebrow")}</p>
            <h1 lang="nl">{principle.quote.clone()}</h1>
            {english.then(|| view! { <p class="translation">{principle.title_en.clone()}</p> })}
            <p class="lead">{explain}</p>
            <p class="credit">{t_args("manifest-source", &[("source", doc.source.clone())])}</p>
            <section class="section" aria-labelledby="in-de-praktijk">
                <h2 id="in-de-praktijk">{t("principle-practice-heading")}</h2>
                {plans.is_empty().then(|| view! { <p class="empty">{t("principle-practice-empty")}</p> })}
                <ul class="plain-list">
                    {plans.into_iter().map(|p| view! { <li><crate::plans::card::PlanCard plan=p/></li> }).collect_view()}
                </ul>
            </section>
            <p><a href=format!("/manifest#{}", principle.slug)>{t("principle-back")}</a></p>
            <crate::discussion::section::ReactionSection data=reactions subject=format!("manifest:{}", principle.slug)
                here=format!("/manifest/principes/{}", principle.slug)/>
        </article>
    }
    .into_any()
}
