//! How big a request may be and how long it may take, so that one visitor
//! cannot tie up memory or a worker: forms and server functions get far
//! more room than any real form needs, image uploads what an image needs.
//! A refusal is a 413 (too large) or 408 (too slow) with a sentence in the
//! visitor's language.

use app::{accounts::session::request_lang, i18n::tr};
use axum::{
    body::Body,
    extract::Request,
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::time::Duration;

/// Most bytes in a form post or server-function call: the longest text a
/// form takes (a plan of 20,000 characters) fits even when every character
/// is a four-byte one, percent-encoded (240,000 bytes).
pub const FORM_BYTES: usize = 256 * 1024;

/// Most bytes in an image upload: the image limit plus room for the form's
/// own fields.
pub const UPLOAD_BYTES: usize = app::media::MAX_UPLOAD_BYTES + 64 * 1024;

/// How long a request may take to be answered (not counting a live-update
/// stream, whose answer starts at once and then stays open).
pub const ANSWER_TIME: Duration = Duration::from_secs(30);

/// The same for an image upload, whose body alone can take over a minute
/// on a weak phone connection (5 MB at 1 Mbit/s is 40 s).
pub const UPLOAD_TIME: Duration = Duration::from_secs(180);

fn is_upload(path: &str) -> bool {
    (path.starts_with("/groepen/") && path.ends_with("/beeld"))
        || (path.starts_with("/plannen/") && path.ends_with("/beelden"))
}

/// The most a request to `path` may carry.
pub fn max_body(path: &str) -> usize {
    if is_upload(path) {
        UPLOAD_BYTES
    } else {
        FORM_BYTES
    }
}

/// How long a request to `path` may take.
pub fn max_time(path: &str) -> Duration {
    if is_upload(path) {
        UPLOAD_TIME
    } else {
        ANSWER_TIME
    }
}

/// The middleware: refuses a body that says it is too large before reading
/// it, caps one that does not say (chunked) at the same size, and answers
/// 408 when the answer takes longer than [`max_time`].
pub async fn enforce(req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers());
    let max = max_body(req.uri().path());
    let time = max_time(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        return refusal(StatusCode::PAYLOAD_TOO_LARGE, tr(lang, "error-too-large"));
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, max)));
    match tokio::time::timeout(time, next.run(req)).await {
        Ok(res) => res,
        Err(_) => refusal(StatusCode::REQUEST_TIMEOUT, tr(lang, "error-too-slow")),
    }
}

/// The 413 for a body over the limit, in the visitor's language (for a
/// middleware that reads the body itself).
pub fn too_large(headers: &axum::http::HeaderMap) -> Response {
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        tr(request_lang(headers), "error-too-large"),
    )
}

fn refusal(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_get_room_for_an_image_and_everything_else_for_a_form() {
        assert_eq!(max_body("/groepen/vogelbuurt/beeld"), UPLOAD_BYTES);
        assert_eq!(max_body("/plannen/12/beelden"), UPLOAD_BYTES);
        assert_eq!(max_body("/api/post_reaction"), FORM_BYTES);
        assert_eq!(max_body("/groepen/beeld-en-geluid"), FORM_BYTES);
        assert_eq!(max_body("/plannen/12"), FORM_BYTES);
        const { assert!(UPLOAD_BYTES > FORM_BYTES) };
        assert_eq!(max_time("/plannen/12/beelden"), UPLOAD_TIME);
        assert_eq!(max_time("/api/post_reaction"), ANSWER_TIME);
    }
}
