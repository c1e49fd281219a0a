//! The home page: what Wijkplein is for, and the three pillars of the manifest.

use crate::i18n::{current_lang, t, Lang};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos_meta::Meta;

/// One pillar, its texts resolved on the server.
struct Pillar {
    /// Stable anchor, e.g. `pijler-2`.
    slug: String,
    /// The pillar as LSA wrote it (quoted exactly, in Dutch).
    quote: String,
    /// Translation of the quote when the interface is not Dutch.
    translation: Option<String>,
    /// A short explanation in our own words.
    summary: String,
    /// The principles as LSA wrote them.
    principles: Vec<String>,
}

/// How many principles each pillar has in the manifest.
const PRINCIPLES: [usize; 3] = [4, 3, 2];

fn pillars() -> Vec<Pillar> {
    let english = current_lang() == Lang::En;
    PRINCIPLES
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let n = i + 1;
            Pillar {
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
        <PageTitle text=format!("Wijkplein · {}", t("home-title"))/>
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
            {
                let list = pillars();
                let tabs = list.iter().enumerate().map(|(i, p)| (p.slug.clone(), format!("{}. {}", i + 1, p.quote))).collect();
                view! {
                    <PillarTabs tabs label=t("home-pillars-title")>
                        <PillarPanels list/>
                    </PillarTabs>
                }
            }
            <p class="credit">{t("manifest-credit")}</p>
        </section>
        <section class="section cards-3" aria-label=t("home-jobs-label")>
            <article class="card"><h2>{t("home-job-read-title")}</h2><p>{t("home-job-read-text")}</p></article>
            <article class="card"><h2>{t("home-job-join-title")}</h2><p>{t("home-job-join-text")}</p></article>
            <article class="card"><h2>{t("home-job-plan-title")}</h2><p>{t("home-job-plan-text")}</p></article>
        </section>
    }
}

/// The pillars as sections: the readable list without JavaScript, and the
/// tab panels once the island is awake. Server-rendered only: the island gets
/// just the tab names, so the texts are not sent twice.
#[component]
fn PillarPanels(list: Vec<Pillar>) -> impl IntoView {
    list.into_iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <section id=p.slug class="pillars__panel card">
                    <h3 lang="nl">{format!("{}. {}", i + 1, p.quote)}</h3>
                    {p.translation.map(|tr| view! { <p class="translation">{tr}</p> })}
                    <p>{p.summary}</p>
                    <ul class="principles" lang="nl">
                        {p.principles.into_iter().map(|pr| view! { <li>{pr}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

/// The three pillars. Without JavaScript they are one readable list; once the
/// island wakes up they become tabs (WAI-ARIA tabs pattern, arrow keys move).
/// `tabs` holds each panel's id and its tab's name.
#[island]
pub fn PillarTabs(tabs: Vec<(String, String)>, label: String, children: Children) -> impl IntoView {
    let (active, set_active) = signal(0usize);
    let (enhanced, set_enhanced) = signal(false);
    let count = tabs.len();
    let panels: Vec<String> = tabs.iter().map(|(slug, _)| slug.clone()).collect();
    // Effects run only in the browser: this is the moment JavaScript is on.
    Effect::new(move |_| {
        set_enhanced.set(true);
        show_panel(&panels, active.get());
    });
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
    let buttons = tabs
        .into_iter()
        .enumerate()
        .map(|(i, (slug, name))| {
            view! {
                <button type="button" role="tab" id=format!("tab-{}", i) class="pillars__tab"
                    aria-controls=slug
                    aria-selected=move || (active.get() == i).to_string()
                    tabindex=move || if active.get() == i { "0" } else { "-1" }
                    on:click=move |_| set_active.set(i)>
                    {name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="pillars" class:pillars--tabs=enhanced>
            <div role="tablist" aria-label=label class="pillars__tablist" hidden=move || !enhanced.get() on:keydown=on_key>
                {buttons}
            </div>
            {children()}
        </div>
    }
}

/// Makes the server-rendered sections tab panels and shows panel `active`
/// (browser only).
fn show_panel(panels: &[String], active: usize) {
    #[cfg(feature = "hydrate")]
    for (i, id) in panels.iter().enumerate() {
        if let Some(el) = document().get_element_by_id(id) {
            let _ = el.set_attribute("role", "tabpanel");
            let _ = el.set_attribute("aria-labelledby", &format!("tab-{i}"));
            let _ = el.toggle_attribute_with_force("hidden", i != active);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (panels, active);
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
