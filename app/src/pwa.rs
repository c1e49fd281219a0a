//! Installable and usable offline: the service worker that the server hands
//! out at `/sw.js`, filled in for the running build. The offline page itself
//! is an ordinary page (`pages::OfflinePage`).

#[cfg(feature = "ssr")]
pub mod worker;

/// Loads the registration script (`register.js`, served at `/pwa.js`) from
/// the second page a browser shows, so that a first visit stays within its
/// byte budget: installing the worker fetches the manifest and offline pages
/// in both languages. Inline, and small: it is on every page.
pub const LOAD_SCRIPT: &str =
    r#"try{localStorage.wp?import("/pwa.js"):localStorage.wp=1}catch(e){}"#;
