//! Widgets shared by several domains: the page frame and form parts.

#[cfg(feature = "hydrate")]
pub mod enhance;
pub mod form;
pub mod icons;
pub mod join_in;
pub mod layout;
pub mod page_data;
pub mod pager;
pub mod refused;
pub mod time;
pub mod title;

pub use time::{format_date, format_date_time};

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
    if is_plain_form_post() {
        leptos_axum::redirect(path);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// Whether the request being handled is a plain HTML form post (the browser
/// asks for HTML), as opposed to a script asking for data. Leptos uses the
/// same test to decide between a redirect and a data answer.
#[cfg(feature = "ssr")]
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(axum::http::header::ACCEPT).cloned())
        .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
        .unwrap_or(false)
}

/// Percent-encodes a query value (letters, digits and `-_.~` stay).
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
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
