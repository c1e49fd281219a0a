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

/// Whether a page at `path` is about the person reading it (their profile,
/// groups, notifications, settings) or is a coordinator's or moderator's
/// work page. Such pages are sent with `Cache-Control: private, no-store`,
/// so neither a shared cache nor the service worker keeps a copy that could
/// be read after the session ends.
pub fn is_personal(path: &str) -> bool {
    const PERSONAL: [&str; 7] = [
        "/profiel",
        "/mijn-groepen",
        "/meldingen",
        "/moderatie",
        "/beheer",
        "/wachtwoord-herstellen",
        "/bevestigen",
    ];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    PERSONAL
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
        || (path.starts_with("/groepen/")
            && (path.ends_with("/beheer") || path.ends_with("/bewerken")))
        || (path.starts_with("/plannen/") && path.ends_with("/bewerken"))
}

#[cfg(test)]
mod tests {
    use super::is_personal;

    #[test]
    fn personal_pages_are_known_by_their_path() {
        for path in [
            "/profiel",
            "/profiel?welkom=1",
            "/mijn-groepen",
            "/meldingen",
            "/meldingen/instellingen",
            "/moderatie/logboek",
            "/beheer/reacties",
            "/groepen/buurt/beheer",
            "/groepen/buurt/bewerken",
            "/plannen/7/bewerken",
            "/bevestigen?code=abc",
        ] {
            assert!(is_personal(path), "{path}");
        }
        for path in [
            "/",
            "/manifest",
            "/groepen",
            "/groepen/buurt",
            "/plannen/7",
            "/profielen",
        ] {
            assert!(!is_personal(path), "{path}");
        }
    }
}
