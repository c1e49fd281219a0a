//! Who is asking: the session cookie, the logged-in person, the client's IP.
//!
//! A middleware resolves the viewer once per request and stores it in the
//! request's extensions; pages and server functions read it from there, so a
//! page render never waits on the session store twice.

use super::{model::Viewer, queries};
use crate::{
    error::{AppError, AppResult},
    i18n::Lang,
    state::AppState,
};
use axum::{
    extract::{Request, State},
    http::request::Parts,
    middleware::Next,
    response::Response,
};
use leptos::prelude::use_context;
use tower_sessions::Session;

/// Session key under which the user id is kept.
const USER_ID: &str = "user_id";

/// The viewer of this request, put into the request extensions by [`attach_context`].
#[derive(Debug, Clone, Default)]
pub struct CurrentViewer(pub Option<Viewer>);

/// Middleware: reads the language cookie and the session, and stores both in
/// the request so every page and server function can see them.
pub async fn attach_context(
    State(state): State<AppState>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    let lang = request_lang(req.headers());
    req.extensions_mut().insert(lang);
    let viewer = match session.get::<i64>(USER_ID).await {
        Ok(Some(id)) => queries::find_viewer(&state.db.pool, id)
            .await
            .unwrap_or_else(|err| {
                tracing::error!(error = %err, "could not load the session's user");
                None
            }),
        Ok(None) => None,
        Err(err) => {
            tracing::warn!(error = %err, "could not read the session");
            None
        }
    };
    req.extensions_mut().insert(CurrentViewer(viewer));
    let mut res = next.run(req).await;
    // Says which language a page is in, so the service worker can keep the
    // Dutch and the English copy of a page apart.
    res.headers_mut().insert(
        axum::http::header::CONTENT_LANGUAGE,
        axum::http::HeaderValue::from_static(lang.code()),
    );
    res
}

/// The cookie is the person's choice. Without one, the service worker asks
/// for a language by header when it keeps the manifest in both.
pub fn request_lang(headers: &axum::http::HeaderMap) -> Lang {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    header(axum::http::header::COOKIE.as_str())
        .and_then(Lang::from_cookie_header)
        .or_else(|| header(LANG_HEADER).and_then(Lang::from_code))
        .unwrap_or_default()
}

/// The request header by which the service worker asks for a language.
pub const LANG_HEADER: &str = "wijkplein-taal";

/// The logged-in person, if any.
pub fn current_viewer() -> Option<Viewer> {
    use_context::<Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<CurrentViewer>()
            .and_then(|v| v.0.clone())
    })
}

/// The logged-in person, or an `Unauthorized` error.
pub fn require_viewer() -> AppResult<Viewer> {
    current_viewer().ok_or_else(AppError::login_required)
}

/// The client's IP address as the server sees it (for rate limits).
pub fn client_ip() -> String {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

async fn session() -> AppResult<Session> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(AppError::internal)
}

/// Starts a logged-in session with a fresh id, so an id planted before login
/// (session fixation) is worthless afterwards.
pub async fn start(user_id: i64) -> AppResult<()> {
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    session
        .insert(USER_ID, user_id)
        .await
        .map_err(AppError::internal)
}

/// Ends the session and deletes it from the store.
pub async fn end() -> AppResult<()> {
    session().await?.flush().await.map_err(AppError::internal)
}
