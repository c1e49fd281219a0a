//! The home page: what Wijkplein is for, and the three pillars of the manifest.

use crate::i18n::{current_lang, t, Lang};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use serde::{Deserialize, Serialize};

/// One pillar as the tabs island shows it. Texts are resolved on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PillarTab {
    /// Stable anchor, e.g. `pijler-2`.
    pub slug: String,
    /// The pillar as LSA wrote it (quoted exactly, in Dutch).
    pub quote: String,
    /// Translation of the quote when the interface is not Dutch.
    pub translation: Option<String>,
    /// A short explanation in our own words.
    pub summary: String,
    /// The principles as LSA wrote them.
    pub principles: Vec<String>,
}

/// How many principles each pillar has in the manifest.
const PRINCIPLES: [usize; 3] = [4, 3, 2];

fn pillar_tabs() -> Vec<PillarTab> {
    let english = current_lang() == Lang::En;
    PRINCIPLES
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let n = i + 1;
            PillarTab {
                slug: format!("pijler-{n}"),
                quote: t(&format!("pillar-{n}-quote")),
                translation: english.then(|| t(&format!("pillar-{n}-translation"))),
                summary: t(&format!("pillar-{n}-summary")),
                principles: (1..=count)
                    .map(|p| t(&format!("pillar-{n}-principle-{p}")))
                    .collect(),
            }
        })
        .collect()
}

/// `/`: the welcome.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=format!("Wijkplein · {}", t("home-title"))/>
        <Meta name="description" content=t("home-lead")/>
        <section class="hero">
            <p class="eyebrow">{t("home-eyebrow")}</p>
            <h1>{t("home-title")}</h1>
            <p class="lead">{t("home-lead")}</p>
            <div class="actions">
                <a class="button button--primary" href="/manifest">{t("home-cta-manifest")}</a>
                <a class="button button--secondary" href="/groepen">{t("home-cta-groups")}</a>
            </div>
        </section>
        <section class="section" aria-labelledby="pijlers-titel">
            <h2 id="pijlers-titel">{t("home-pillars-title")}</h2>
            <p>{t("home-pillars-intro")}</p>
            <PillarTabs pillars=pillar_tabs() label=t("home-pillars-title")/>
            <p class="credit">{t("manifest-credit")}</p>
        </section>
        <section class="section cards-3" aria-label=t("home-jobs-label")>
            <article class="card"><h2>{t("home-job-read-title")}</h2><p>{t("home-job-read-text")}</p></article>
            <article class="card"><h2>{t("home-job-join-title")}</h2><p>{t("home-job-join-text")}</p></article>
            <article class="card"><h2>{t("home-job-plan-title")}</h2><p>{t("home-job-plan-text")}</p></article>
        </section>
    }
}

/// The three pillars. Without JavaScript they are one readable list; once the
/// island wakes up they become tabs (WAI-ARIA tabs pattern, arrow keys move).
#[island]
pub fn PillarTabs(pillars: Vec<PillarTab>, label: String) -> impl IntoView {
    let (active, set_active) = signal(0usize);
    let (enhanced, set_enhanced) = signal(false);
    // Effects run only in the browser: this is the moment JavaScript is on.
    Effect::new(move |_| set_enhanced.set(true));
    let count = pillars.len();
    let select = move |i: usize| {
        set_active.set(i);
        focus_tab(i);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let current = active.get_untracked();
        match ev.key().as_str() {
            "ArrowRight" => select((current + 1) % count),
            "ArrowLeft" => select((current + count - 1) % count),
            "Home" => select(0),
            "End" => select(count - 1),
            _ => {}
        }
    };
    let tabs = pillars
        .iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <button type="button" role="tab" id=format!("tab-{}", i) class="pillars__tab"
                    aria-controls=p.slug.clone()
                    aria-selected=move || (active.get() == i).to_string()
                    tabindex=move || if active.get() == i { "0" } else { "-1" }
                    on:click=move |_| set_active.set(i)>
                    {format!("{}", i + 1)}". "{p.quote.clone()}
                </button>
            }
        })
        .collect_view();
    let panels = pillars
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <section id=p.slug.clone() class="pillars__panel card"
                    role=move || enhanced.get().then_some("tabpanel")
                    aria-labelledby=move || enhanced.get().then(|| format!("tab-{i}"))
                    hidden=move || enhanced.get() && active.get() != i>
                    <h3 lang="nl">{format!("{}", i + 1)}". "{p.quote}</h3>
                    {p.translation.map(|tr| view! { <p class="translation">{tr}</p> })}
                    <p>{p.summary}</p>
                    <ul class="principles" lang="nl">
                        {p.principles.into_iter().map(|pr| view! { <li>{pr}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="pillars" class:pillars--tabs=enhanced>
            <div role="tablist" aria-label=label class="pillars__tablist" hidden=move || !enhanced.get() on:keydown=on_key>
                {tabs}
            </div>
            {panels}
        </div>
    }
}

/// Moves keyboard focus to tab `i` (browser only).
fn focus_tab(i: usize) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = document().get_element_by_id(&format!("tab-{i}")) {
            if let Ok(el) = el.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = i;
}
