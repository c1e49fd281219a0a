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

/// The build's CSS, JS and wasm as the page names them, and a version that
/// changes with any of them. With `hash-files` (release builds) the names
/// carry the hashes that cargo-leptos wrote to the hash file beside the
/// binary, which is also how Leptos itself names them in the page.
pub fn build_files(options: &LeptosOptions) -> (Vec<String>, String) {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let hashes = options
        .hash_files
        .then(|| {
            let exe = std::env::current_exe().ok()?;
            std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
        })
        .flatten();
    match hashes {
        Some(text) => {
            let hash = |kind: &str| {
                text.lines()
                    .filter_map(|line| line.split_once(':'))
                    .find(|(file, _)| file.trim() == kind)
                    .map(|(_, hash)| hash.trim().to_owned())
                    .unwrap_or_default()
            };
            let (css, js, wasm) = (hash("css"), hash("js"), hash("wasm"));
            let files = vec![
                format!("{pkg}.{css}.css"),
                format!("{pkg}.{js}.js"),
                format!("{pkg}.{wasm}.wasm"),
            ];
            (files, format!("{css}-{js}-{wasm}"))
        }
        None => {
            // Development: plain names (wasm-bindgen's `_bg` unless
            // cargo-leptos named the output), and the crate's version.
            let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
                format!("{pkg}.wasm")
            } else {
                format!("{pkg}_bg.wasm")
            };
            let files = vec![format!("{pkg}.css"), format!("{pkg}.js"), wasm];
            (files, format!("dev-{}", env!("CARGO_PKG_VERSION")))
        }
    }
}

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
    let (mut files, version) = build_files(options);
    files.extend(OWN_FILES.iter().map(|f| (*f).to_owned()));
    TEMPLATE
        .replace("__VERSION__", &version)
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
