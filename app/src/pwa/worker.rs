//! The scripts for offline use, made once at start-up: the service worker
//! (`service-worker.js` with the build's version, the files to precache and
//! its texts) and the registration script (`register.js` with its texts),
//! the texts in both languages from the Fluent files.

use crate::i18n::{tr, Lang};
use leptos::config::LeptosOptions;

const TEMPLATE: &str = include_str!("service-worker.js");
const REGISTER: &str = include_str!("register.js");

/// The registration script, icons and the web app manifest, kept for
/// offline use.
const OWN_FILES: [&str; 8] = [
    "/pwa.js",
    "/manifest.webmanifest",
    "/favicon.svg",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-192.png",
    "/icons/maskable-512.png",
    "/icons/apple-touch-icon.png",
];

/// The texts the worker writes into pages, per language.
const TEXT_KEYS: [(&str, &str); 8] = [
    ("copy", "sw-copy"),
    ("justNow", "sw-just-now"),
    ("waiting", "sw-waiting"),
    ("failed", "sw-failed"),
    ("yourText", "sw-your-text"),
    ("discard", "sw-discard"),
    ("unknown", "sw-unknown"),
    ("offline", "sw-offline"),
];

/// Texts by language code, as a JSON object for a script.
fn texts(keys: &[(&str, &str)]) -> String {
    let by_lang: serde_json::Map<String, serde_json::Value> = [Lang::Nl, Lang::En]
        .into_iter()
        .map(|lang| {
            let text: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .map(|(name, key)| ((*name).to_owned(), tr(lang, key).into()))
                .collect();
            (lang.code().to_owned(), text.into())
        })
        .collect();
    serde_json::Value::Object(by_lang).to_string()
}

/// The registration script, served at `/pwa.js`.
pub fn register_script() -> String {
    REGISTER.replace(
        "__TEXT__",
        &texts(&[("available", "update-available"), ("update", "update-now")]),
    )
}

/// The complete service worker.
pub fn script(options: &LeptosOptions) -> String {
    let build = crate::assets::BuildFiles::get(options);
    let mut files = vec![build.css.clone(), build.js.clone(), build.wasm.clone()];
    files.extend(OWN_FILES.iter().map(|f| (*f).to_owned()));
    TEMPLATE
        .replace("__VERSION__", &build.version)
        .replace(
            "__FILES__",
            &serde_json::to_string(&files).unwrap_or_default(),
        )
        .replace("__TEXT__", &texts(&TEXT_KEYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_filled_in_completely() {
        let options = LeptosOptions::builder().output_name("wijkplein").build();
        let js = script(&options);
        assert!(
            !js.contains("__VERSION__") && !js.contains("__FILES__") && !js.contains("__TEXT__")
        );
        assert!(js.contains(r#""/pkg/wijkplein.css""#), "{js}");
        assert!(js.contains(r#""/icons/icon-512.png""#));
        assert!(js.contains("wacht op verbinding"), "Dutch texts are in");
        assert!(
            js.contains("Waiting for a connection"),
            "English texts are in"
        );
        assert!(js.contains(r#""/pwa.js""#));
    }

    #[test]
    fn the_registration_script_has_its_texts() {
        let js = register_script();
        assert!(!js.contains("__TEXT__"));
        assert!(js.contains("Er is een nieuwe versie van Wijkplein."));
        assert!(js.contains("There is a new version of Wijkplein."));
    }
}
