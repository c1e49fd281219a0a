//! Installable and usable offline: the service worker that the server hands
//! out at `/sw.js`, filled in for the running build. The offline page itself
//! is an ordinary page (`pages::OfflinePage`).

#[cfg(feature = "ssr")]
pub mod worker;

/// Notes the page in `localStorage` while no service worker serves it, and
/// loads the registration script (`register.js`, served at `/pwa.js`) once
/// the page has loaded, so the worker is there from the first visit on
/// without competing with the page's own files. The notes let the worker
/// keep the pages read before it took over, even ones left before their
/// script ran; the worker's install (offline pages in both languages, icons)
/// runs in the worker. Inline, and small: it is on every page.
///
/// Leptos escapes `&`, `<` and `>` in the text of a `<script>`, so the script
/// uses none of them.
pub const LOAD_SCRIPT: &str = concat!(
    r#"try{var w=navigator.serviceWorker,p=location.pathname+location.search,r=JSON.parse(localStorage.wpRead||"[]");"#,
    r#"if(w?!w.controller:0)if(r.indexOf(p)==-1)localStorage.wpRead=JSON.stringify(r.concat(p).slice(-10))}catch(e){}"#,
    r#"addEventListener("load",function(){import("/pwa.js").catch(function(){})})"#
);

#[cfg(test)]
mod script_tests {
    /// Characters Leptos would escape in the script's text, breaking it.
    #[test]
    fn the_inline_script_survives_html_escaping() {
        assert!(!super::LOAD_SCRIPT.contains(['&', '<', '>']));
    }
}

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
