//! The real router over HTTP requests (no network): forms posted the way a
//! browser without JavaScript posts them, sessions stored in the database.
//! Runs on SQLite and PostgreSQL.

#![expect(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{db::Db, db_test, state::AppState};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use server::{config::Config, routes};
use tower::ServiceExt;

async fn router(db: &Db, url: String) -> Router {
    let config = Config {
        database_url: url,
        max_connections: 4,
        demo: false,
        secure_cookies: false,
        listen: None,
    };
    let leptos_options = leptos::config::LeptosOptions::builder()
        .output_name("wijkplein")
        .build();
    routes::build(
        &config,
        AppState {
            leptos_options,
            db: db.clone(),
        },
    )
    .await
    .unwrap()
}

/// A plain HTML form post, as a browser without JavaScript sends it.
fn form_post(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://127.0.0.1:3000/registreren");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(path).header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

fn session_cookie(res: &axum::response::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("wijkplein_sessie="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

async fn text(res: axum::response::Response) -> String {
    String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).into_owned()
}

/// The database URL of a test database, for the session store's own pool.
async fn url_of(db: &Db) -> String {
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

const REGISTRATION: &str =
    "email=noor%40buurt.nl&display_name=Noor&password=Fietsbel-Lindeboom-42&role=bewoner";

db_test!(register_profile_logout_login, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;

    let res = app
        .clone()
        .oneshot(form_post("/api/register", REGISTRATION, None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/profiel?welkom=1");
    let cookie_header = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("wijkplein_sessie="))
        .unwrap()
        .to_owned();
    assert!(
        cookie_header.contains("HttpOnly") && cookie_header.contains("SameSite=Lax"),
        "{cookie_header}"
    );
    let cookie = session_cookie(&res).unwrap();

    let res = app
        .clone()
        .oneshot(get("/profiel?welkom=1", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = text(res).await;
    assert!(
        page.contains("noor@buurt.nl") && page.contains("Welkom bij Wijkplein"),
        "profile shows the new account"
    );

    let res = app
        .clone()
        .oneshot(form_post("/api/log_out", "", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/");
    let res = app
        .clone()
        .oneshot(get("/profiel", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FOUND,
        "the old session no longer works after logout"
    );
    assert_eq!(
        res.headers()[header::LOCATION],
        "/inloggen?volgende=/profiel"
    );

    let res = app
        .clone()
        .oneshot(form_post(
            "/api/log_in",
            "email=NOOR%40buurt.nl&password=Fietsbel-Lindeboom-42&next=%2Fprofiel",
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profiel");
    let fresh = session_cookie(&res).unwrap();
    assert_ne!(fresh, cookie, "the session id changes at login");
    let res = app
        .clone()
        .oneshot(get("/profiel", Some(&fresh)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
});

db_test!(
    form_errors_come_back_to_the_form_with_a_4xx,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app.clone()
            .oneshot(form_post("/api/register", REGISTRATION, None))
            .await
            .unwrap();
        let res = app
            .clone()
            .oneshot(form_post("/api/register", REGISTRATION, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        assert!(location.contains("__err="), "{location}");
        let path = location.trim_start_matches("http://127.0.0.1:3000");
        let res = app.clone().oneshot(get(path, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(res).await;
        assert!(
            page.contains("Er is al een account met dit e-mailadres"),
            "the message is shown on the form"
        );
    }
);

db_test!(
    server_functions_answer_scripts_with_a_status,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let req = Request::post("/api/log_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from("email=x%40y.nl&password=wrongwrong"))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", text(res).await);
        let req = Request::post("/api/update_profile")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(
                "display_name=X&role=bewoner&neighbourhood=&municipality=",
            ))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(
            res.status(),
            StatusCode::UNAUTHORIZED,
            "profile changes need a login"
        );
        let req = Request::post("/api/register")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("garbage"))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        assert!(
            status.is_client_error(),
            "malformed input is a 4xx, got {status}: {}",
            text(res).await
        );
    }
);

db_test!(language_switch_is_remembered, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let res = app
        .clone()
        .oneshot(get("/taal/en?terug=/inloggen", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/inloggen");
    let res = app
        .clone()
        .oneshot(get("/taal/en?terug=https://evil.example", None))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/", "no open redirect");
    let page = text(
        app.clone()
            .oneshot(get("/inloggen", Some("wijkplein_taal=en")))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("<html lang=\"en\"") && page.contains("Log in with your email"),
        "English page"
    );
    let page = text(app.clone().oneshot(get("/inloggen", None)).await.unwrap()).await;
    assert!(
        page.contains("<html lang=\"nl\"") && page.contains("Log in met je e-mailadres"),
        "Dutch by default"
    );
    let res = app
        .clone()
        .oneshot(get("/bestaat-niet", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
});

/// A server-function call as a script makes it (answers with data and a status).
fn script_post(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

/// Registers through the form and returns the session cookie.
async fn register(app: &Router, body: &str) -> String {
    let res = app
        .clone()
        .oneshot(form_post("/api/register", body, None))
        .await
        .unwrap();
    session_cookie(&res).unwrap()
}

const OTHER: &str =
    "email=ander%40buurt.nl&display_name=Ander&password=Fietsbel-Lindeboom-42&role=bewoner";

const NEW_GROUP: &str = "name=Groen+Plein&neighbourhood=De+Pijp&municipality=Amsterdam\
    &postcodes=1072&description=Samen+maken+we+de+buurt+groener.&mode=open&join_question=";

db_test!(groups_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let cookie = register(&app, REGISTRATION).await;

    // Without JavaScript: start a group, land on its page.
    let res = app
        .clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/groepen/groen-plein?gestart=1"
    );
    let res = app
        .clone()
        .oneshot(get("/groepen/groen-plein?gestart=1", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = text(res).await;
    assert!(
        page.contains("Jij bent de eerste coördinator"),
        "notice shown"
    );
    assert!(
        page.contains("/groepen/groen-plein/beheer"),
        "coordinator link"
    );

    let found = text(
        app.clone()
            .oneshot(get("/groepen?q=1072", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(found.contains("Groen Plein"), "found by postcode");
    let res = app
        .clone()
        .oneshot(get("/groepen/bestaat-niet", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The management page is for coordinators.
    let res = app
        .clone()
        .oneshot(get("/groepen/groen-plein/beheer", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .clone()
        .oneshot(get("/groepen/groen-plein/beheer", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .clone()
        .oneshot(get("/mijn-groepen", None))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        "/inloggen?volgende=/mijn-groepen"
    );

    // Every group server function refuses a guest with 401.
    for (endpoint, body) in [
        ("create_group", NEW_GROUP.to_owned()),
        ("update_group", format!("slug=groen-plein&{NEW_GROUP}")),
        ("join_group", "slug=groen-plein".to_owned()),
        ("request_join", "slug=groen-plein&answer=Hoi".to_owned()),
        ("withdraw_join_request", "request_id=1".to_owned()),
        (
            "decide_join_request",
            "request_id=1&decision=approve&message=".to_owned(),
        ),
        ("leave_group", "slug=groen-plein".to_owned()),
        ("set_name_hidden", "slug=groen-plein&hidden=1".to_owned()),
        (
            "set_member_role",
            "slug=groen-plein&user_id=1&role=coordinator".to_owned(),
        ),
        ("remove_member", "slug=groen-plein&user_id=1".to_owned()),
        (
            "ban_member",
            "slug=groen-plein&user_id=1&reason=Zomaar".to_owned(),
        ),
        ("lift_ban", "slug=groen-plein&user_id=1".to_owned()),
    ] {
        let res = app
            .clone()
            .oneshot(script_post(&format!("/api/{endpoint}"), &body, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    // Malformed input is a 4xx with a message, never a 500.
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/remove_member",
            "slug=groen-plein&user_id=abc",
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    let res = app
        .clone()
        .oneshot(script_post("/api/create_group", "name=x", Some(&cookie)))
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    // The founder is the last coordinator and cannot leave.
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/leave_group",
            "slug=groen-plein",
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(text(res).await.contains("minstens één coördinator"));
});

/// A multipart form with one file field `beeld`, as a browser sends it.
fn upload(path: &str, file: &[u8], cookie: Option<&str>) -> Request<Body> {
    let boundary = "----wijkpleingrens";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"beeld\"; filename=\"foto.png\"\r\n\
         Content-Type: image/png\r\n\r\n"
    )
    .into_bytes();
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

db_test!(
    a_group_photo_is_checked_scaled_and_served,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, REGISTRATION).await;
        app.clone()
            .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
            .await
            .unwrap();
        let photo = app::testing::sample_png(1600, 800);

        let res = app
            .clone()
            .oneshot(upload("/groepen/groen-plein/beeld", &photo, None))
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::UNAUTHORIZED,
            "guests cannot upload"
        );

        // A text file named .png is refused by its content; the form says why, with a 422.
        let res = app
            .clone()
            .oneshot(upload(
                "/groepen/groen-plein/beeld",
                b"<svg onload=alert(1)>",
                Some(&cookie),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            "/groepen/groen-plein/bewerken?beeldfout=image_wrong_type#beeld"
        );
        let res = app
            .clone()
            .oneshot(get(&location, Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(res)
            .await
            .contains("geen PNG-, JPEG- of WebP-afbeelding"));

        let res = app
            .clone()
            .oneshot(upload("/groepen/groen-plein/beeld", &photo, Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(
            res.headers()[header::LOCATION],
            "/groepen/groen-plein/bewerken?beeld=opgeslagen#beeld"
        );
        let res = app
            .clone()
            .oneshot(get("/groepen/groen-plein/beeld?v=1", None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "image/jpeg");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        assert!(bytes.len() < photo.len(), "stored smaller than sent");
        let page = text(
            app.clone()
                .oneshot(get("/groepen/groen-plein", None))
                .await
                .unwrap(),
        )
        .await;
        assert!(
            page.contains("/groepen/groen-plein/beeld?v="),
            "the group page shows it"
        );

        // Someone else cannot replace it.
        let other_cookie = register(&app, OTHER).await;
        let res = app
            .clone()
            .oneshot(upload(
                "/groepen/groen-plein/beeld",
                &photo,
                Some(&other_cookie),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app
            .clone()
            .oneshot(get("/groepen/bestaat-niet/beeld", None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(plans_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    for (endpoint, body) in [
        (
            "create_plan",
            "group=x&title=Titel+hier&summary=Samenvatting&body=Tekst&place=",
        ),
        ("change_plan_phase", "plan_id=1&phase=besloten&reason="),
        ("support_plan", "plan_id=1"),
        ("withdraw_plan_support", "plan_id=1"),
    ] {
        let res = app
            .clone()
            .oneshot(script_post(&format!("/api/{endpoint}"), body, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    for path in ["/plannen/999", "/plannen/geen-getal"] {
        let res = app.clone().oneshot(get(path, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let res = app
        .clone()
        .oneshot(get("/groepen/groen-plein/plannen/nieuw", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // Logged in, but not a member of a group that exists: 403 on the form.
    let cookie = register(&app, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    let other_cookie = register(&app, OTHER).await;
    let res = app
        .clone()
        .oneshot(get(
            "/groepen/groen-plein/plannen/nieuw",
            Some(&other_cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(get("/groepen/groen-plein/plannen/nieuw", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // Principles come as repeated checkboxes; a plain form post creates the plan.
    let plan = "group=groen-plein&title=Bomen+op+het+plein&summary=Meer+schaduw+voor+iedereen.\
        &body=We+planten+zes+bomen+met+de+hele+buurt.&place=&principles%5B%5D=lange-termijn\
        &principles%5B%5D=wat-er-al-is";
    let res = app
        .clone()
        .oneshot(form_post("/api/create_plan", plan, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/plannen/") && location.ends_with("?nieuw=1"),
        "{location}"
    );
    let page = text(app.clone().oneshot(get(&location, None)).await.unwrap()).await;
    assert!(page.contains("Bomen op het plein"));
    assert!(page.contains("/manifest/principes/lange-termijn"));
});
