//! The privacy statement (`/privacy`) and the accessibility statement
//! (`/toegankelijkheid`): plain words about what Wijkplein keeps and how it
//! is made usable for everyone. The texts live in the Fluent files, one key
//! per heading and paragraph, so both languages say the same.

use crate::i18n::t;
use crate::ui::title::PageTitle;
use leptos::prelude::*;

/// The sections of the privacy statement, in order (`privacy-<id>-title`
/// and `privacy-<id>-text`).
const PRIVACY: [&str; 7] = [
    "what", "guests", "short", "cookies", "device", "who", "rights",
];

/// The sections of the accessibility statement.
const ACCESSIBILITY: [&str; 4] = ["goal", "checked", "known", "tell"];

/// `/privacy`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <Statement prefix="privacy" sections=&PRIVACY/> }
}

/// `/toegankelijkheid`.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! { <Statement prefix="accessibility" sections=&ACCESSIBILITY/> }
}

#[component]
fn Statement(prefix: &'static str, sections: &'static [&'static str]) -> impl IntoView {
    let title = t(&format!("{prefix}-title"));
    view! {
        <PageTitle text=format!("{title} · Wijkplein")/>
        <div class="narrow statement">
            <h1>{title}</h1>
            <p class="lead">{t(&format!("{prefix}-intro"))}</p>
            {sections
                .iter()
                .map(|id| {
                    view! {
                        <section>
                            <h2>{t(&format!("{prefix}-{id}-title"))}</h2>
                            <p>{t(&format!("{prefix}-{id}-text"))}</p>
                        </section>
                    }
                })
                .collect_view()}
            <p class="muted">{t(&format!("{prefix}-updated"))}</p>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::{tr, Lang};

    /// Every key the pages use has a text in both languages (a missing one
    /// would show the key itself).
    #[test]
    fn every_section_has_a_text_in_both_languages() {
        for (prefix, sections) in [
            ("privacy", &PRIVACY[..]),
            ("accessibility", &ACCESSIBILITY[..]),
        ] {
            let mut keys = vec![
                format!("{prefix}-title"),
                format!("{prefix}-intro"),
                format!("{prefix}-updated"),
            ];
            for id in sections {
                keys.push(format!("{prefix}-{id}-title"));
                keys.push(format!("{prefix}-{id}-text"));
            }
            for lang in [Lang::Nl, Lang::En] {
                for key in &keys {
                    let text = tr(lang, key);
                    assert_ne!(&text, key, "{key} has no {lang:?} text");
                }
            }
        }
    }
}
