//! What the HTTP tests share: the real router (no network), requests the
//! way a browser without JavaScript (or a script) sends them, and sign-ups.

#![allow(dead_code, reason = "each test file uses a different part")]
#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{db::Db, email::sender::Mailer, state::AppState};
use axum::{
    body::Body,
    http::{header, Request},
    Router,
};
use http_body_util::BodyExt;
use server::{config::Config, routes};
use tower::ServiceExt;

pub async fn router(db: &Db, url: String) -> Router {
    router_with(db, url, |_| {}).await
}

/// The router as it runs behind TLS (`WIJKPLEIN_SECURE_COOKIES=1`).
pub async fn router_behind_tls(db: &Db, url: String) -> Router {
    router_with(db, url, |config| config.secure_cookies = true).await
}

/// The router with a setting changed from the defaults.
pub async fn router_with(db: &Db, url: String, adjust: impl FnOnce(&mut Config)) -> Router {
    build(db, url, adjust, None).await
}

/// The router of a server that sends mail through `mailer` (the local sink).
pub async fn router_mailing(db: &Db, url: String, mailer: Mailer) -> Router {
    build(db, url, |_| {}, Some(mailer)).await
}

async fn build(
    db: &Db,
    url: String,
    adjust: impl FnOnce(&mut Config),
    mailer: Option<Mailer>,
) -> Router {
    let mut config = Config {
        database_url: url,
        max_connections: 4,
        demo: false,
        secure_cookies: false,
        listen: None,
        image_dir: None,
        mail: None,
        limit_factor: 1,
        trusted_proxies: Default::default(),
        secret: None,
    };
    adjust(&mut config);
    let leptos_options = leptos::config::LeptosOptions::builder()
        .output_name("wijkplein")
        .build();
    routes::build(
        &config,
        AppState {
            leptos_options,
            db: db.clone(),
            images: app::media::store::ImageStore::Database,
            mailer,
        },
    )
    .await
    .unwrap()
    .layer(axum::middleware::from_fn(time_limit))
}

/// A plain HTML form post, as a browser without JavaScript sends it.
pub fn form_post(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://127.0.0.1:3000/registreren");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

pub fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(path).header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

pub fn session_cookie(res: &axum::response::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("wijkplein_sessie="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

/// The whole body as text. A page that never finishes streaming fails the
/// test after a while instead of hanging the run.
pub async fn text(res: axum::response::Response) -> String {
    match tokio::time::timeout(LIMIT, res.into_body().collect()).await {
        Ok(body) => String::from_utf8_lossy(&body.unwrap().to_bytes()).into_owned(),
        Err(_) => panic!("the response body did not finish within the time limit"),
    }
}

/// How long one request may take in these tests before it counts as hung.
const LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Fails a request whose response does not start within [`LIMIT`], naming it.
async fn time_limit(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let what = format!("{} {}", req.method(), req.uri());
    match tokio::time::timeout(LIMIT, next.run(req)).await {
        Ok(res) => res,
        Err(_) => panic!("no response within the time limit: {what}"),
    }
}

/// The database URL of a test database, for the session store's own pool.
pub async fn url_of(db: &Db) -> String {
    match db.backend {
        app::db::Backend::Sqlite => {
            let file: String =
                sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                    .fetch_one(&db.pool)
                    .await
                    .unwrap();
            format!("sqlite://{file}")
        }
        app::db::Backend::Postgres => {
            let name: String = sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
                .fetch_one(&db.pool)
                .await
                .unwrap();
            let server = std::env::var("TEST_DATABASE_URL").unwrap();
            format!("{}/{name}", server.rsplit_once('/').unwrap().0)
        }
    }
}

pub const REGISTRATION: &str =
    "email=noor%40buurt.nl&display_name=Noor&password=Fietsbel-Lindeboom-42&role=bewoner";
/// A server-function call as a script makes it (answers with data and a status).
pub fn script_post(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

/// A form post of raw bytes, which need not be UTF-8, with its length:
/// `json` asks for the answer as an island's fetch does, else as a page.
pub fn raw_post(path: &str, body: Vec<u8>, cookie: Option<&str>, json: bool) -> Request<Body> {
    let accept = if json {
        "application/json"
    } else {
        "text/html"
    };
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, accept);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).unwrap()
}

/// Logs in as a script would and returns the new session cookie.
pub async fn log_in_as(app: &Router, email: &str, password: &str) -> String {
    let body = format!("email={}&password={password}", email.replace('@', "%40"));
    let res = app
        .clone()
        .oneshot(script_post("/api/log_in", &body, None))
        .await
        .unwrap();
    assert_eq!(res.status(), axum::http::StatusCode::OK, "log in {email}");
    session_cookie(&res).unwrap()
}

/// Whether this session cookie still opens the profile page.
pub async fn is_logged_in(app: &Router, cookie: &str) -> bool {
    let res = app
        .clone()
        .oneshot(get("/profiel", Some(cookie)))
        .await
        .unwrap();
    res.status() == axum::http::StatusCode::OK
}

/// Signs up through the form, follows the link its mail would carry (a fresh
/// code for the waiting sign-up: without a mail sink the mailed one is only
/// stored as a hash) and returns the session cookie of the new account.
pub async fn register(app: &Router, db: &Db, body: &str) -> String {
    let res = app
        .clone()
        .oneshot(form_post("/api/register", body, None))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        app::accounts::api::SIGNED_UP_PATH,
        "sign-up refused: {body}"
    );
    let email = body
        .split('&')
        .find_map(|pair| pair.strip_prefix("email="))
        .unwrap()
        .replace("%40", "@")
        .to_lowercase();
    let code = app::testing::confirmation_code(db, &email).await;
    confirm(app, &code).await
}

/// Uses a sign-up's code the way its page's button does; the session cookie.
pub async fn confirm(app: &Router, code: &str) -> String {
    let res = app
        .clone()
        .oneshot(form_post(
            "/api/confirm_registration",
            &format!("code={code}"),
            None,
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profiel?welkom=1");
    session_cookie(&res).unwrap()
}

pub const OTHER: &str =
    "email=ander%40buurt.nl&display_name=Ander&password=Fietsbel-Lindeboom-42&role=bewoner";

pub const NEW_GROUP: &str = "name=Groen+Plein&neighbourhood=De+Pijp&municipality=Amsterdam\
    &postcodes=1072&description=Samen+maken+we+de+buurt+groener.&mode=open&join_question=";

/// A multipart form with one file field `beeld`, as a browser sends it.
pub fn upload(path: &str, file: &[u8], cookie: Option<&str>) -> Request<Body> {
    upload_with_alt(path, file, None, cookie)
}

/// Like [`upload`], with a text field `alt` before the file.
pub fn upload_with_alt(
    path: &str,
    file: &[u8],
    alt: Option<&str>,
    cookie: Option<&str>,
) -> Request<Body> {
    let boundary = "----wijkpleingrens";
    let mut body = String::new();
    if let Some(alt) = alt {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n{alt}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"beeld\"; filename=\"foto.png\"\r\n\
         Content-Type: image/png\r\n\r\n"
    ));
    let mut body = body.into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut req = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).unwrap()
}
