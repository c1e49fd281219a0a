//! Interface language: Dutch first, English second.
//!
//! Texts live in Fluent files (`app/locales/<lang>/main.ftl`) and are looked
//! up on the server only. Islands receive the texts they need as props, so the
//! wasm client carries no dictionary and stays small. The language comes from
//! the `wijkplein_taal` cookie (set by the switch in the header) and falls back
//! to Dutch.

use serde::{Deserialize, Serialize};

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "wijkplein_taal";

/// A supported interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code, as used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a code from a cookie or URL; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// Reads the language from a `Cookie` header value.
    pub fn from_cookie_header(header: &str) -> Option<Lang> {
        header
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| name.trim() == LANG_COOKIE)
            .and_then(|(_, value)| Lang::from_code(value))
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::Lang;
    use fluent_templates::{fluent_bundle::FluentValue, LanguageIdentifier, Loader};
    use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

    fluent_templates::static_loader! {
        static LOCALES = {
            locales: "./locales",
            fallback_language: "nl",
            // Bidi isolation marks would end up in attributes and tests.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    static NL: LazyLock<LanguageIdentifier> = LazyLock::new(|| "nl".parse().unwrap_or_default());
    static EN: LazyLock<LanguageIdentifier> = LazyLock::new(|| "en".parse().unwrap_or_default());

    fn id(lang: Lang) -> &'static LanguageIdentifier {
        match lang {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The language of the request being handled (Dutch outside a request).
    pub fn current_lang() -> Lang {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Lang>().copied())
            .unwrap_or_default()
    }

    /// Looks up a text in a given language; a missing key shows the key itself,
    /// which the key-parity test keeps from happening.
    pub fn tr(lang: Lang, key: &str) -> String {
        LOCALES
            .try_lookup(id(lang), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Looks up a text with named arguments (`{ $name }` in Fluent).
    pub fn tr_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                // Numbers stay numbers, so Fluent can pick "1 lid" or "3 leden".
                let value = v
                    .parse::<i64>()
                    .map(FluentValue::from)
                    .unwrap_or_else(|_| FluentValue::from(v.clone()));
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(id(lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A text in the current request's language.
    pub fn t(key: &str) -> String {
        tr(current_lang(), key)
    }

    /// A text with arguments in the current request's language.
    pub fn t_args(key: &str, args: &[(&'static str, String)]) -> String {
        tr_args(current_lang(), key, args)
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

// In the wasm build only islands run, and they get their texts as props. These
// stand-ins keep shared component code compiling there.
#[cfg(not(feature = "ssr"))]
mod client {
    use super::Lang;
    /// See the server version; never shown in the browser.
    pub fn current_lang() -> Lang {
        Lang::default()
    }
    /// See the server version; never shown in the browser.
    pub fn t(key: &str) -> String {
        key.to_owned()
    }
    /// See the server version; never shown in the browser.
    pub fn t_args(key: &str, _args: &[(&'static str, String)]) -> String {
        key.to_owned()
    }
    /// See the server version; never shown in the browser.
    pub fn tr(_lang: Lang, key: &str) -> String {
        key.to_owned()
    }
    /// See the server version; never shown in the browser.
    pub fn tr_args(_lang: Lang, key: &str, _args: &[(&'static str, String)]) -> String {
        key.to_owned()
    }
}

#[cfg(not(feature = "ssr"))]
pub use client::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_header_picks_the_language() {
        assert_eq!(
            Lang::from_cookie_header("a=1; wijkplein_taal=en"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_cookie_header("wijkplein_taal=NL"),
            Some(Lang::Nl)
        );
        assert_eq!(Lang::from_cookie_header("wijkplein_taal=fr"), None);
        assert_eq!(Lang::from_cookie_header(""), None);
    }

    /// Every text must exist in both languages, or a page would show a raw key.
    #[test]
    fn dutch_and_english_have_the_same_keys() {
        fn keys(text: &str) -> std::collections::BTreeSet<String> {
            text.lines()
                .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
                .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
                .collect()
        }
        let nl = keys(include_str!("../locales/nl/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(nl.len() > 20, "the Dutch file looks empty");
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "nl only: {only_nl:?}, en only: {only_en:?}"
        );
    }

    /// The glossary (locales/WOORDENLIJST.md): a *melding* is a notification,
    /// a report to moderators is a *signaal*. The two never share a word, so
    /// "Meldingen" in the header cannot be mistaken for reports.
    #[test]
    fn notifications_and_reports_use_different_words() {
        let texts = include_str!("../locales/nl/main.ftl")
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(k, v)| (k.trim(), v.to_lowercase()));
        for (key, text) in texts {
            let about_reports = key.starts_with("report")
                || key == "error-already-reported"
                || key.starts_with("moderation-action");
            if about_reports {
                assert!(
                    !text.contains("meld"),
                    "{key} calls a report a melding: {text}"
                );
            }
            if key.contains("notification") {
                assert!(
                    !text.contains("signa"),
                    "{key} calls a notification a signaal: {text}"
                );
            }
        }
    }

    #[test]
    fn other_language_flips() {
        assert_eq!(Lang::Nl.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Nl);
    }
}
