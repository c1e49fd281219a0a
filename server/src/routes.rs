//! The router: Leptos pages and server functions, the language switch,
//! sessions in the database, compression and request logging.

use crate::config::Config;
use app::{
    accounts::session::attach_context,
    db::Backend,
    error::AppError,
    i18n::{Lang, LANG_COOKIE},
    shell,
    state::AppState,
    App,
};
use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Path, Query, Request},
    http::{header, HeaderValue, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::{collections::HashMap, str::FromStr, time::Duration};
use tower_http::{
    compression::CompressionLayer, set_header::SetResponseHeaderLayer, trace::TraceLayer,
    CompressionLevel,
};
use tower_sessions::{
    cookie::{time, SameSite},
    session_store::ExpiredDeletion,
    Expiry, SessionManagerLayer, SessionStore,
};
use tower_sessions_sqlx_store::{sqlx, PostgresStore, SqliteStore};

type BoxError = Box<dyn std::error::Error>;

/// Builds the whole application router.
pub async fn build(config: &Config, state: AppState) -> Result<Router, BoxError> {
    let routes = generate_route_list(App);
    let render_state = state.clone();
    let shell_options = state.leptos_options.clone();
    let hashed_assets = state.leptos_options.hash_files;
    let cache_db = state.db.clone();
    let router = Router::new()
        .route("/taal/{code}", get(switch_language))
        .route(
            "/sw.js",
            get(script(app::pwa::worker::script(&state.leptos_options))),
        )
        .route("/pwa.js", get(script(app::pwa::worker::register_script())))
        .route("/live/plannen/{id}", get(crate::live::plan_events))
        .route(
            "/groepen/{slug}/beeld",
            get(crate::uploads::group_image)
                .post(crate::uploads::upload_group_image)
                // A little over the upload limit, so the form's own fields fit too.
                .layer(DefaultBodyLimit::max(
                    app::media::MAX_UPLOAD_BYTES + 64 * 1024,
                )),
        )
        .route(
            "/plannen/{id}/beelden",
            axum::routing::post(crate::uploads::upload_plan_image).layer(DefaultBodyLimit::max(
                app::media::MAX_UPLOAD_BYTES + 64 * 1024,
            )),
        )
        .route("/beelden/{key}", get(crate::uploads::stored_image))
        .route(
            app::privacy::api::DOWNLOAD_PATH,
            get(crate::my_data::download),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(render_state.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            attach_context,
        ))
        .layer(middleware::from_fn(client_errors_are_4xx))
        // Inside the session layer (it keeps refused forms in the session).
        .layer(middleware::from_fn(crate::refused_forms::carry))
        .with_state(state);
    let router = with_sessions(router, config).await?;
    let router = if hashed_assets {
        router.layer(middleware::from_fn(assets_are_immutable))
    } else {
        router
    };
    let router = router.layer(middleware::from_fn(crate::request_limits::enforce));
    let router = router.layer(middleware::from_fn(
        crate::web_guard::content_security_policy,
    ));
    let mut router = router.layer(middleware::from_fn_with_state(
        config.secure_cookies,
        crate::web_guard::same_site_changes,
    ));
    for (name, value) in crate::web_guard::headers(config.secure_cookies) {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    Ok(router
        // Quality 5: for a page of HTML about 6% smaller than the default
        // (measured on the home page: 3,386 against 3,583 bytes in brotli),
        // still fast; files under /pkg are compressed ahead of time.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        // Outside compression, so a guest's page is compressed once, not per visit.
        .layer(middleware::from_fn_with_state(
            (crate::page_cache::PageCache::following(&cache_db), cache_db),
            crate::page_cache::serve,
        ))
        // Before everything that reads the client's address (limits, logs).
        .layer(middleware::from_fn_with_state(
            std::sync::Arc::new(config.trusted_proxies.clone()),
            crate::client_address::attach,
        ))
        .layer(TraceLayer::new_for_http()))
}

/// A script made once at start-up (the service worker and its registration).
/// Browsers must always ask for them again (`no-cache`): that is how they
/// find a new version.
fn script(script: String) -> impl Fn() -> std::future::Ready<Response> + Clone {
    // Shared bytes: each answer takes a reference, not a copy.
    let script = axum::body::Bytes::from(script);
    move || {
        std::future::ready(
            (
                [
                    (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-cache"),
                ],
                script.clone(),
            )
                .into_response(),
        )
    }
}

/// With hashed file names (a release build), a file under `/pkg/` never
/// changes under its name: browsers may keep it for a year without asking
/// again (`immutable`; `public` is the default for a response without
/// cookies). The page names the current files, so a new build is fetched at
/// once.
async fn assets_are_immutable(req: Request, next: middleware::Next) -> Response {
    let is_asset = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    if is_asset && res.status() == StatusCode::OK {
        let headers = res.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("max-age=31536000, immutable"),
        );
        // Never asked for again, so the date to revalidate against and the
        // offer of ranges are bytes for nothing on every first visit.
        headers.remove(header::LAST_MODIFIED);
        headers.remove(header::ACCEPT_RANGES);
    }
    res
}

/// Server functions are routed by `leptos_routes_with_context`, which also
/// gives them the app state. Arguments that cannot be read (a broken form, a
/// missing field) fail inside the framework before our code runs, and it
/// answers 500. That is the client's mistake, so this turns it into a 400;
/// real failures stay 500.
async fn client_errors_are_4xx(req: Request, next: middleware::Next) -> Response {
    let is_server_fn = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_server_fn || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    if let Ok(AppError::Transport(_)) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `/taal/{nl|en}?terug=/pad`: remembers the language in a cookie for a year
/// and returns to the page the reader came from.
async fn switch_language(
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "Onbekende taal / Unknown language").into_response();
    };
    let back = app::ui::safe_local_path(query.get("terug").map(String::as_str));
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let (Ok(location), Ok(cookie)) =
        (HeaderValue::from_str(&back), HeaderValue::from_str(&cookie))
    {
        res.headers_mut().insert(header::LOCATION, location);
        res.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    res
}

/// Sessions live in the same database as everything else (their own table),
/// so any server instance can read a session another one started.
async fn with_sessions(router: Router, config: &Config) -> Result<Router, BoxError> {
    let url = &config.database_url;
    match Backend::from_url(url) {
        Some(Backend::Postgres) => {
            let pool = sqlx::postgres::PgPoolOptions::new()
                .acquire_timeout(app::db::ACQUIRE_WAIT)
                .connect(url)
                .await?;
            let store = PostgresStore::new(pool);
            store.migrate().await?;
            Ok(session_layer(router, store, config))
        }
        _ => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10));
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .acquire_timeout(app::db::ACQUIRE_WAIT)
                .connect_with(options)
                .await?;
            let store = SqliteStore::new(pool);
            store.migrate().await?;
            Ok(session_layer(router, store, config))
        }
    }
}

/// Removes expired sessions every hour. The store's own loop stops at its
/// first error, so one database outage would end it for good; this one logs
/// the error and goes on.
async fn delete_expired_sessions<S: ExpiredDeletion>(store: S) {
    let mut hourly = tokio::time::interval(Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        if let Err(err) = store.delete_expired().await {
            tracing::warn!(error = %err, "expired sessions not removed this hour");
        }
    }
}

fn session_layer<S: SessionStore + ExpiredDeletion + Clone>(
    router: Router,
    store: S,
    config: &Config,
) -> Router {
    tokio::spawn(delete_expired_sessions(store.clone()));
    router.layer(
        SessionManagerLayer::new(store)
            .with_name(app::accounts::session::session_cookie_name(
                config.secure_cookies,
            ))
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(config.secure_cookies)
            .with_expiry(Expiry::OnInactivity(time::Duration::days(
                app::accounts::session::IDLE_DAYS,
            ))),
    )
}
