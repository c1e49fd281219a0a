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

/// Session key under which the [`Login`] is kept.
const LOGIN: &str = "login";

/// How long a login lasts at most, however active the person is (ASVS asks
/// for an absolute limit besides the idle one).
pub const ABSOLUTE_LIFETIME_SECS: i64 = 30 * 86_400;

/// How long a session lasts without any request (the session cookie's
/// expiry, renewed by each request; set in the router).
pub const IDLE_DAYS: i64 = 7;

/// What a session remembers of its login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Login {
    pub user_id: i64,
    /// The account's session epoch at login (see migration 0017).
    pub epoch: i64,
    /// When the person logged in (Unix seconds).
    pub since: i64,
}

impl Login {
    /// Whether this login still counts: the account's epoch has not moved
    /// on ("log out on all devices") and it is younger than the absolute limit.
    pub fn holds(&self, account_epoch: i64, now: i64) -> bool {
        self.epoch == account_epoch && now - self.since < ABSOLUTE_LIFETIME_SECS
    }
}

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
    let viewer = match session.get::<Login>(LOGIN).await {
        Ok(Some(login)) => {
            match queries::find_session_viewer(&state.db.pool, login.user_id).await {
                Ok(Some((viewer, epoch))) if login.holds(epoch, crate::db::now()) => {
                    Some((viewer, epoch))
                }
                // Ended everywhere, too old, or the account is gone.
                Ok(_) => {
                    if let Err(err) = session.flush().await {
                        tracing::warn!(error = %err, "could not end an expired session");
                    }
                    None
                }
                Err(err) if crate::error::is_unavailable(&err) => {
                    return unavailable(lang, &err);
                }
                Err(err) => {
                    tracing::error!(error = %err, "could not load the session's user");
                    None
                }
            }
        }
        Ok(None) => None,
        // The session store lives in the same database: when it cannot be
        // reached, serving the person as a guest would tell them to log in,
        // which is not the problem.
        Err(tower_sessions::session::Error::Store(
            tower_sessions::session_store::Error::Backend(err),
        )) => return unavailable(lang, &err),
        // A record that no longer reads (an older shape): a guest, as before.
        Err(err) => {
            tracing::warn!(error = %err, "could not read the session");
            None
        }
    };
    // A form refused a moment ago, shown once with what was typed.
    if let Some(key) = refused_form_key(&req) {
        if let Some(refused) = crate::ui::refused::take(&session, &key).await {
            req.extensions_mut()
                .insert(crate::ui::refused::ShownAgain(refused));
        }
    }
    let personal = crate::pwa::is_personal(req.uri().path());
    let marker = session_marker(viewer.as_ref().map(|(v, epoch)| (v.id, *epoch)));
    req.extensions_mut()
        .insert(CurrentViewer(viewer.map(|(viewer, _)| viewer)));
    let mut res = next.run(req).await;
    if personal {
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    // Tells the service worker whose pages these are: when it changes (a
    // log-out, here or on another device), it drops the copies it kept.
    if let Ok(value) = axum::http::HeaderValue::from_str(&marker) {
        res.headers_mut().insert(SESSION_HEADER, value);
    }
    // Says which language a page is in, so the service worker can keep the
    // Dutch and the English copy of a page apart.
    res.headers_mut().insert(
        axum::http::header::CONTENT_LANGUAGE,
        axum::http::HeaderValue::from_static(lang.code()),
    );
    res
}

/// The one-time key of a refused form in a page request's address.
fn refused_form_key(req: &Request) -> Option<String> {
    if req.method() != axum::http::Method::GET {
        return None;
    }
    form_urlencoded::parse(req.uri().query()?.as_bytes())
        .find(|(name, _)| name == crate::ui::refused::KEY_PARAM)
        .map(|(_, key)| key.into_owned())
}

/// The response header that names the session a page was made for.
pub const SESSION_HEADER: &str = "wijkplein-sessie";

/// What [`SESSION_HEADER`] says: `gast` for a guest, else a short digest of
/// the account and its session epoch (it changes when the person logs out
/// everywhere, and it names no one).
pub fn session_marker(login: Option<(i64, i64)>) -> String {
    use sha2::{Digest, Sha256};
    match login {
        None => "gast".to_owned(),
        Some((id, epoch)) => {
            let digest = Sha256::digest(format!("wijkplein-sessie:{id}:{epoch}"));
            hex::encode(&digest[..8])
        }
    }
}

/// A 503 that says to try again shortly, in the person's language.
fn unavailable(lang: Lang, err: &dyn std::fmt::Display) -> Response {
    use axum::{http::header, response::IntoResponse};
    tracing::warn!(error = %err, "session unreadable: database unavailable");
    (
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::RETRY_AFTER, "5"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        crate::i18n::tr(lang, "error-unavailable"),
    )
        .into_response()
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

/// The session cookie's name without TLS; its presence means a personal
/// page (the page cache serves only requests without it).
pub const SESSION_COOKIE: &str = "wijkplein_sessie";

/// The session cookie's name: over TLS with the `__Host-` prefix, which
/// browsers accept only when it is `Secure`, for the whole site, and set by
/// this host itself (no `Domain`), so a neighbouring subdomain cannot plant
/// or overwrite it.
pub fn session_cookie_name(tls: bool) -> &'static str {
    if tls {
        "__Host-wijkplein_sessie"
    } else {
        SESSION_COOKIE
    }
}

/// The client's address as the limits per address count it (an IPv6
/// client by its /64), as the server worked it out for this request (see
/// [`super::client_address`]); "unknown" when the request came without a
/// connection (tests that call the router directly).
pub fn client_ip() -> String {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<super::client_address::ClientAddress>()
                .map(|client| client.limit_key())
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
    let db = crate::state::use_db()?;
    let epoch = queries::find_session_viewer(&db.pool, user_id)
        .await?
        .map_or(0, |(_, epoch)| epoch);
    let login = Login {
        user_id,
        epoch,
        since: crate::db::now(),
    };
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    session
        .insert(LOGIN, login)
        .await
        .map_err(AppError::internal)
}

/// Ends the session and deletes it from the store.
pub async fn end() -> AppResult<()> {
    session().await?.flush().await.map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_holds_until_its_epoch_moves_or_it_is_too_old() {
        let login = Login {
            user_id: 1,
            epoch: 3,
            since: 1_000,
        };
        assert!(login.holds(3, 1_000));
        assert!(login.holds(3, 1_000 + ABSOLUTE_LIFETIME_SECS - 1));
        assert!(
            !login.holds(3, 1_000 + ABSOLUTE_LIFETIME_SECS),
            "absolute limit"
        );
        assert!(!login.holds(4, 1_001), "ended on all devices");
    }
}
