//! Widgets shared by several domains: the page frame and form parts.

#[cfg(feature = "hydrate")]
pub mod enhance;
pub mod form;
pub mod icons;
pub mod layout;
pub mod page_data;
pub mod title;

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

/// A date as day-month-year (the Dutch way, and clear in English too), from
/// unix seconds, in UTC.
pub fn format_date(secs: i64) -> String {
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day}-{month}-{year}")
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
    use super::{format_date, safe_local_path};

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(format_date(0), "1-1-1970");
        assert_eq!(format_date(1_795_867_200), "28-11-2026");
        assert_eq!(format_date(951_782_400), "29-2-2000");
    }

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
