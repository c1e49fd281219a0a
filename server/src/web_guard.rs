//! The web layer's own defences: cross-site posts refused, a script policy
//! with a nonce per request, and the headers that tell browsers what this
//! site never does.
//!
//! Every change goes through a POST (server functions, uploads). A page on
//! another site can make a logged-in visitor's browser send one; the session
//! cookie is `SameSite=Lax`, which stops most of that, and this check stops
//! the rest: browsers name the page a request came from in `Origin` (every
//! cross-site POST, with or without JavaScript) or else `Referer`. A request
//! that names another site is refused. One that names none (a script, a
//! command-line client) cannot have been forged by a web page, and passes.

use app::{accounts::session::request_lang, i18n::tr};
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The policy every response carries, besides its scripts: everything from
/// this site only (images also as `data:` URLs), no inline styles, service
/// workers only from here, no plugins, no `<base>` tricks, never inside
/// another site's frame, forms only to this site.
pub const POLICY_REST: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
                               connect-src 'self'; worker-src 'self'; object-src 'none'; \
                               base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The whole policy for a response whose inline scripts carry `nonce`.
/// Scripts run only with the nonce, or when such a script loaded them
/// (`'strict-dynamic'`: the islands' JS and the PWA registration); the wasm
/// needs `'wasm-unsafe-eval'`. `'self'` is only for browsers that predate
/// `'strict-dynamic'` (newer ones ignore it then).
pub fn policy(nonce: &str) -> String {
    format!("script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval' 'self'; {POLICY_REST}")
}

/// Middleware: a fresh nonce per request, given to the page render (a
/// request extension, see `app::assets::provide_request_nonce`) and named in
/// the response's Content-Security-Policy. A guest's page from the page
/// cache repeats the nonce of its render for at most ten seconds, together
/// with that render's header; a stored text is always rendered anew after a
/// change, with a nonce its writer could not know.
pub async fn content_security_policy(mut req: Request, next: Next) -> Response {
    let nonce = app::assets::new_nonce();
    req.extensions_mut()
        .insert(app::assets::RequestNonce(nonce.clone()));
    let mut res = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&policy(&nonce)) {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

/// HSTS for a site served over TLS: a year, subdomains included.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The middleware: refuses a state-changing request from another site with
/// a 403 and a message in the visitor's language. Its state says whether the
/// site is served over TLS (`WIJKPLEIN_SECURE_COOKIES`): then a page on
/// `http://` with our name is another site too (anyone on the network can
/// write one).
pub async fn same_site_changes(State(https): State<bool>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || !from_another_site(&req, https) {
        return next.run(req).await;
    }
    let lang = request_lang(req.headers());
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        tr(lang, "error-cross-site"),
    )
        .into_response()
}

/// Whether the request says it came from a page on another site: another
/// host, or another scheme than ours.
fn from_another_site(req: &Request, https: bool) -> bool {
    let headers = req.headers();
    let source = match header_text(headers, header::ORIGIN.as_str()) {
        // `null`: an opaque origin (a sandboxed frame, a cross-site redirect).
        Some("null") => return true,
        Some(origin) => origin,
        None => match header_text(headers, header::REFERER.as_str()) {
            Some(referer) => referer,
            None => return false,
        },
    };
    let Some((scheme, source)) = authority(source) else {
        return true;
    };
    let through_balancer = req
        .extensions()
        .get::<crate::client_address::FromTrustedProxy>()
        .is_some();
    let ours = [
        header_text(headers, header::HOST.as_str()),
        // Set by the balancer in front: heard only from one we trust.
        header_text(headers, "x-forwarded-host").filter(|_| through_balancer),
        req.uri().authority().map(|a| a.as_str()),
    ];
    let known: Vec<&str> = ours.into_iter().flatten().collect();
    // Without any name for ourselves there is nothing to compare with (a
    // request made inside the process, as the tests do).
    if known.is_empty() {
        return false;
    }
    (https && scheme != "https") || !known.iter().any(|host| host.eq_ignore_ascii_case(source))
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The scheme and `host[:port]` of an absolute `http(s)` URL; `None` for
/// anything else.
fn authority(url: &str) -> Option<(&'static str, &str)> {
    let (scheme, rest) = match url.strip_prefix("https://") {
        Some(rest) => ("https", rest),
        None => ("http", url.strip_prefix("http://")?),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    (!host.is_empty() && !host.contains('@')).then_some((scheme, host))
}

/// The security headers for every response; HSTS only over TLS.
pub fn headers(tls: bool) -> Vec<(header::HeaderName, HeaderValue)> {
    let mut list = vec![
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
    ];
    if tls {
        list.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        ));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut req = Request::post("/api/sign_manifest");
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        req.body(Body::empty()).unwrap_or_default()
    }

    #[test]
    fn the_authority_of_a_url() {
        assert_eq!(
            authority("https://wijkplein.nl"),
            Some(("https", "wijkplein.nl"))
        );
        assert_eq!(
            authority("http://127.0.0.1:3000/manifest?x=1"),
            Some(("http", "127.0.0.1:3000"))
        );
        assert_eq!(authority("https://a.nl#b"), Some(("https", "a.nl")));
        assert_eq!(authority("https://evil@wijkplein.nl/"), None);
        assert_eq!(authority("ftp://wijkplein.nl"), None);
        assert_eq!(authority("wijkplein.nl"), None);
    }

    #[test]
    fn posts_from_this_site_pass_and_from_another_do_not() {
        let host = ("host", "wijkplein.nl");
        let other = |headers: &[(&str, &str)]| from_another_site(&post(headers), true);
        assert!(!other(&[host, ("origin", "https://wijkplein.nl")]));
        assert!(!other(&[host, ("origin", "https://WIJKPLEIN.nl")]));
        assert!(other(&[host, ("origin", "https://kwaad.example")]));
        assert!(other(&[
            host,
            ("origin", "https://wijkplein.nl.kwaad.example")
        ]));
        assert!(other(&[host, ("origin", "null")]));
        // No Origin: the Referer decides.
        assert!(!other(&[
            host,
            ("referer", "https://wijkplein.nl/manifest")
        ]));
        assert!(other(&[
            host,
            ("referer", "https://kwaad.example/wijkplein.nl")
        ]));
        // Neither: not a page on another site.
        assert!(!other(&[host]));
    }

    /// Over TLS, a page on `http://` with our name is not ours (before, the
    /// scheme was not compared); without TLS (development) `http://` is.
    #[test]
    fn the_scheme_counts_too() {
        let req = || post(&[("host", "wijkplein.nl"), ("origin", "http://wijkplein.nl")]);
        assert!(from_another_site(&req(), true));
        assert!(!from_another_site(&req(), false));
    }

    /// `X-Forwarded-Host` names us only when a trusted balancer sent it
    /// (before, any client could name the site it posted from).
    #[test]
    fn a_forwarded_host_counts_only_from_a_trusted_balancer() {
        let proxied = || {
            post(&[
                ("host", "10.0.0.5:3000"),
                ("x-forwarded-host", "kwaad.example"),
                ("origin", "https://kwaad.example"),
            ])
        };
        assert!(from_another_site(&proxied(), true), "from anyone");
        let mut trusted = proxied();
        trusted
            .extensions_mut()
            .insert(crate::client_address::FromTrustedProxy);
        assert!(!from_another_site(&trusted, true), "from our balancer");
    }

    #[test]
    fn hsts_only_over_tls() {
        let has_hsts = |tls| {
            headers(tls)
                .iter()
                .any(|(name, _)| name == header::STRICT_TRANSPORT_SECURITY)
        };
        assert!(has_hsts(true));
        assert!(!has_hsts(false));
    }
}
