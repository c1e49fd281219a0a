//! Widgets shared by several domains: the page frame and form parts.

pub mod form;
pub mod icons;
pub mod layout;

/// Keeps a "return to" target on this site: only paths that start with a
/// single `/` pass; anything else (another host, `//evil`, `javascript:`)
/// becomes the home page. Prevents open redirects after login or a language switch.
pub fn safe_local_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control()) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// After a plain form post (no JavaScript), sends the browser to `path`. A
/// script calling the server function gets the result as data instead, so
/// its island can update the page in place.
pub fn redirect_plain_form(path: &str) {
    #[cfg(feature = "ssr")]
    {
        let from_form = leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|p| p.headers.get(axum::http::header::ACCEPT).cloned())
            .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
            .unwrap_or(false);
        if from_form {
            leptos_axum::redirect(path);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn only_local_paths_survive() {
        assert_eq!(safe_local_path(Some("/profiel")), "/profiel");
        assert_eq!(
            safe_local_path(Some("/manifest?x=1#pijler-2")),
            "/manifest?x=1#pijler-2"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/a\nb",
        ] {
            assert_eq!(safe_local_path(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_local_path(None), "/");
    }
}
