//! The build's CSS, JS and wasm: their names, the stylesheet link and the
//! script that wakes the islands.
//!
//! Leptos' own `HashedStylesheet` and `HydrationScripts` read the hash file on
//! every page they render, and `HydrationScripts` preloads the JS and the
//! 100 KB wasm in the head, where on a slow line they share the wire with the
//! CSS and hold back the first paint (Lighthouse counted them into LCP). Here
//! the names are read once, and the islands are fetched after the page loaded.

use leptos::{config::LeptosOptions, nonce::use_nonce, prelude::*};
use std::sync::OnceLock;

/// The URLs of the build's files, and a version that changes with any of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildFiles {
    pub css: String,
    pub js: String,
    pub wasm: String,
    pub version: String,
}

impl BuildFiles {
    /// The files as the running build names them, read once per process.
    pub fn get(options: &LeptosOptions) -> &'static BuildFiles {
        static FILES: OnceLock<BuildFiles> = OnceLock::new();
        FILES.get_or_init(|| Self::read(options))
    }

    /// With `hash-files` (release builds) the names carry the hashes that
    /// cargo-leptos wrote to the hash file beside the binary.
    fn read(options: &LeptosOptions) -> BuildFiles {
        let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
        let hashes = options
            .hash_files
            .then(|| {
                let exe = std::env::current_exe().ok()?;
                std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
            })
            .flatten();
        match hashes {
            Some(text) => Self::hashed(&pkg, &text),
            None => {
                // Development: plain names (wasm-bindgen's `_bg` unless
                // cargo-leptos named the output), and the crate's version.
                let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
                    format!("{pkg}.wasm")
                } else {
                    format!("{pkg}_bg.wasm")
                };
                BuildFiles {
                    css: format!("{pkg}.css"),
                    js: format!("{pkg}.js"),
                    wasm,
                    version: format!("dev-{}", env!("CARGO_PKG_VERSION")),
                }
            }
        }
    }

    /// Names from the lines `css: …`, `js: …`, `wasm: …` of a hash file.
    fn hashed(pkg: &str, text: &str) -> BuildFiles {
        let hash = |kind: &str| {
            text.lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(file, _)| file.trim() == kind)
                .map(|(_, hash)| hash.trim().to_owned())
                .unwrap_or_default()
        };
        let (css, js, wasm) = (hash("css"), hash("js"), hash("wasm"));
        BuildFiles {
            css: format!("{pkg}.{css}.css"),
            js: format!("{pkg}.{js}.js"),
            wasm: format!("{pkg}.{wasm}.wasm"),
            version: format!("{css}-{js}-{wasm}"),
        }
    }
}

/// `islands.js` without its comment lines and indentation, called with the
/// build's JS and wasm.
fn island_script(files: &BuildFiles) -> String {
    let body: Vec<&str> = include_str!("assets/islands.js")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect();
    format!("{}({:?},{:?})", body.join("\n"), files.js, files.wasm)
}

/// The site's stylesheet and the islands' loader, for the document head.
#[component]
pub fn BuildAssets(options: LeptosOptions) -> impl IntoView {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    let files = BuildFiles::get(&options);
    let script = SCRIPT.get_or_init(|| island_script(files)).as_str();
    view! {
        <link id="leptos" rel="stylesheet" href=files.css.as_str()/>
        <script type="module" nonce=use_nonce()>{script}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let files = BuildFiles::hashed("/pkg/wijkplein", "js: aa\nwasm: bb\ncss: cc\n");
        assert_eq!(files.css, "/pkg/wijkplein.cc.css");
        assert_eq!(files.js, "/pkg/wijkplein.aa.js");
        assert_eq!(files.wasm, "/pkg/wijkplein.bb.wasm");
        assert_eq!(files.version, "cc-aa-bb");
    }

    #[test]
    fn the_loader_has_no_comments_and_names_both_files() {
        let files = BuildFiles::hashed("/pkg/w", "js: aa\nwasm: bb\ncss: cc\n");
        let script = island_script(&files);
        assert!(!script.contains("//"), "{script}");
        assert!(
            script.ends_with(r#"("/pkg/w.aa.js","/pkg/w.bb.wasm")"#),
            "{script}"
        );
        assert!(script.contains("LEPTOS-ISLAND") && script.contains("$$on_hydrate"));
    }
}

/// The CSP nonce the server chose for this request (a request extension set
/// by the server's content-security-policy middleware, which also puts it in
/// the response header).
#[derive(Debug, Clone)]
pub struct RequestNonce(pub String);

/// A new CSP nonce: 16 random bytes as hex.
pub fn new_nonce() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Makes this request's nonce the one Leptos and our own inline scripts use
/// (`use_nonce`). Without one (tests that build no middleware) scripts get
/// no nonce, and no policy asks for one either.
pub fn provide_request_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestNonce>().cloned());
    if let Some(RequestNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}
