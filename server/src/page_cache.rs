//! Pages as guests see them, kept for a few seconds.
//!
//! Most visits are people reading without logging in, and for them a page
//! is the same for everyone with the same address, language and accepted
//! encodings. Rendering a plan with 200 reactions costs about a millisecond
//! of CPU and several queries; handing out the stored bytes costs almost
//! nothing, which is what lets one small server carry a busy neighbourhood.
//!
//! What keeps it correct:
//! - Only requests without a session cookie are served from it or stored, and
//!   only complete `200` HTML responses that set no cookie and do not say
//!   `no-store` or `private`. A guest's challenge is signed, not stored, so
//!   the manifest and plan pages with one are shared like any other page
//!   (see `app::discussion::guest_challenge`).
//! - Any change empties it: a successful post on this instance at once, and
//!   on every instance through the live bus (PostgreSQL `NOTIFY`), which also
//!   carries each plan's live events. A page rendered while a change happened
//!   is not stored (the generation it started with has passed).
//! - Whatever slips past that (a lost notification) is at most [`FRESH_FOR`]
//!   old, and relative times ("3 minuten geleden") stay right.
//!
//! Bounded: at most [`MAX_BYTES`] in all and [`MAX_PAGE`] per page.

use app::{
    accounts::session::{session_cookie_name, SESSION_COOKIE},
    db::Db,
    i18n::Lang,
    live::LiveEvent,
};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, RwLock,
    },
    time::{Duration, Instant},
};

/// How long a stored page is handed out.
pub const FRESH_FOR: Duration = Duration::from_secs(10);
/// All stored pages together.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// One page; bigger ones are rendered each time.
pub const MAX_PAGE: usize = 1024 * 1024;
/// Set on a response served from the cache (for tests and for curious admins).
pub const HIT_HEADER: &str = "x-wijkplein-cache";

/// What a page depends on for a guest.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    uri: String,
    lang: Lang,
    encodings: String,
}

struct Entry {
    stored: Instant,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Pages {
    entries: HashMap<Key, Entry>,
    bytes: usize,
}

/// The cache of one instance. Cheap to clone.
#[derive(Clone, Default)]
pub struct PageCache {
    pages: Arc<RwLock<Pages>>,
    generation: Arc<AtomicU64>,
}

impl PageCache {
    /// A cache that empties itself on every live event of this instance's bus
    /// (which on PostgreSQL includes every other instance's changes).
    pub fn following(db: &Db) -> PageCache {
        let cache = PageCache::default();
        let mut events = db.live.subscribe();
        let follower = cache.clone();
        tokio::spawn(async move {
            use tokio::sync::broadcast::error::RecvError;
            // A lagged receiver missed events: clearing is right for those too.
            while let Ok(_) | Err(RecvError::Lagged(_)) = events.recv().await {
                follower.clear();
            }
        });
        cache
    }

    /// Forgets every page.
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut pages) = self.pages.write() {
            *pages = Pages::default();
        }
    }

    fn get(&self, key: &Key) -> Option<Response> {
        let pages = self.pages.read().ok()?;
        let entry = pages.entries.get(key)?;
        if entry.stored.elapsed() > FRESH_FOR {
            return None;
        }
        let mut res = Response::new(Body::from(entry.body.clone()));
        *res.status_mut() = entry.status;
        *res.headers_mut() = entry.headers.clone();
        res.headers_mut()
            .insert(HIT_HEADER, HeaderValue::from_static("hit"));
        Some(res)
    }

    fn put(&self, key: Key, generation: u64, status: StatusCode, headers: HeaderMap, body: Bytes) {
        let Ok(mut pages) = self.pages.write() else {
            return;
        };
        // Checked under the lock that `clear` also takes: a change that
        // happened during the render means this copy may be stale already.
        if self.generation.load(Ordering::SeqCst) != generation {
            return;
        }
        if pages.bytes + body.len() > MAX_BYTES {
            pages.entries.retain(|_, e| e.stored.elapsed() <= FRESH_FOR);
            pages.bytes = pages.entries.values().map(|e| e.body.len()).sum();
            if pages.bytes + body.len() > MAX_BYTES {
                *pages = Pages::default();
            }
        }
        pages.bytes += body.len();
        let entry = Entry {
            stored: Instant::now(),
            status,
            headers,
            body,
        };
        if let Some(old) = pages.entries.insert(key, entry) {
            pages.bytes -= old.body.len();
        }
    }
}

/// The key of a guest's request for a page, or `None` when it may not be
/// served from or stored in the cache.
fn guest_key(req: &Request) -> Option<Key> {
    if req.method() != Method::GET {
        return None;
    }
    let headers = req.headers();
    let has_session = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|c| {
            let c = c.trim();
            c.starts_with(SESSION_COOKIE) || c.starts_with(session_cookie_name(true))
        });
    if has_session {
        return None;
    }
    let lang = app::accounts::session::request_lang(headers);
    let encodings = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    Some(Key {
        uri: req.uri().to_string(),
        lang,
        encodings,
    })
}

/// Whether a rendered response may be kept for other guests.
fn storable(res: &Response) -> bool {
    let headers = res.headers();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let personal = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store") || v.contains("private"));
    res.status() == StatusCode::OK && html && !personal && !headers.contains_key(header::SET_COOKIE)
}

/// The middleware: answers guests from the cache, stores what may be
/// stored, and empties the cache after every successful change.
pub async fn serve(
    State((cache, db)): State<(PageCache, Db)>,
    req: Request,
    next: Next,
) -> Response {
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let Some(key) = guest_key(&req) else {
        let res = next.run(req).await;
        if changes && res.status().as_u16() < 400 {
            cache.clear();
            db.publish(LiveEvent {
                topic: "site".into(),
                kind: "changed".into(),
            })
            .await;
        }
        return res;
    };
    if let Some(hit) = cache.get(&key) {
        return hit;
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let res = next.run(req).await;
    if !storable(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            if bytes.len() <= MAX_PAGE {
                cache.put(
                    key,
                    generation,
                    parts.status,
                    parts.headers.clone(),
                    bytes.clone(),
                );
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        // The page broke off while rendering; the client sees it end.
        Err(_) => Response::from_parts(parts, Body::empty()),
    }
}
