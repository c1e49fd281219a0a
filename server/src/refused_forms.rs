//! Brings a refused plain form post back to its form with everything the
//! person typed (see `app::ui::refused`). Leptos answers a refused post from
//! a browser without JavaScript with a redirect whose address carries the
//! error (`__path`, `__err`). This middleware reads the post's fields before
//! the server function runs, and when the answer is such a redirect, keeps
//! the error and the fields in the session and sends the browser back with
//! only a one-time key. Pages never read errors from the address.

use app::ui::refused;
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

/// Whether the request is a browser's plain form post to a server function.
fn is_plain_form_post(req: &Request) -> bool {
    let header_has = |name: header::HeaderName, needle: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(needle))
    };
    req.method() == Method::POST
        && req.uri().path().starts_with("/api/")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        && header_has(header::ACCEPT, "text/html")
}

/// Middleware (inside the session layer): see the module comment.
pub async fn carry(session: Session, req: Request, next: Next) -> Response {
    if !is_plain_form_post(&req) {
        return next.run(req).await;
    }
    let referer = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, crate::request_limits::FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return crate::request_limits::too_large(&parts.headers).into_response(),
    };
    let fields = refused::fields_of(&bytes);
    let mut res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let refusal = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(refused::refusal_in);
    if let Some((_, error)) = refusal.as_ref().filter(|(_, e)| e.status() >= 500) {
        // A server error (the database away) is said at once, with its
        // status: the session could not keep the form then anyway, and the
        // browser's back button returns to it as it was.
        let status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return (
            status,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::RETRY_AFTER, "5"),
            ],
            error.to_string(),
        )
            .into_response();
    }
    if let Some((path, error)) = refusal {
        match refused::keep(&session, &path, error, fields).await {
            Ok(key) => {
                let back = refused::back_to(referer.as_deref(), &key);
                if let Ok(value) = HeaderValue::from_str(&back) {
                    res.headers_mut().insert(header::LOCATION, value);
                }
            }
            Err(err) => tracing::warn!(error = %err, "could not keep a refused form"),
        }
    }
    res
}
