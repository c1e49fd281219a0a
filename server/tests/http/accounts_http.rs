//! Accounts, the manifest and the language switch over the real router (no
//! network): forms posted the way a browser without JavaScript posts them,
//! sessions stored in the database. Runs on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use tower::ServiceExt;

db_test!(register_profile_logout_login, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;

    let res = app
        .clone()
        .oneshot(form_post("/api/register", REGISTRATION, None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/registreren?verstuurd=1");
    assert!(
        session_cookie(&res).is_none(),
        "no login before the address is confirmed"
    );
    let page = text(
        app.clone()
            .oneshot(get("/registreren?verstuurd=1", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Kijk in je inbox"), "{page}");

    // The link from the mail shows whose account it makes, and a button:
    // opening it uses nothing up.
    let code = app::testing::confirmation_code(&db, "noor@buurt.nl").await;
    let res = app
        .clone()
        .oneshot(get(&format!("/bevestigen?code={code}"), None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "private, no-store");
    let page = text(res).await;
    assert!(
        page.contains("Noor") && page.contains("noor@buurt.nl"),
        "{page}"
    );
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

// Before, a refused form came back empty, its error in the address
// (`?__path=…&__err=…`), where any link could put text of its choosing.
// Now the error and what was typed come from the session, once.
db_test!(
    a_refused_form_comes_back_with_what_was_typed,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let short =
            "email=noor%40buurt.nl&display_name=Noor+Visser&password=kort&role=opbouwwerker";
        let res = app
            .clone()
            .oneshot(form_post("/api/register", short, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        assert!(
            location.starts_with("/registreren?formulier=") && location.ends_with("#foutmeldingen"),
            "{location}"
        );
        assert!(!location.contains("__err"), "{location}");
        let cookie = session_cookie(&res).expect("the refusal is kept in a session");
        let path = location.split('#').next().unwrap();
        let res = app.clone().oneshot(get(path, Some(&cookie))).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = text(res).await;
        assert!(page.contains("minstens 8 tekens"), "the message is shown");
        for kept in [
            r#"value="Noor Visser""#,
            r#"value="noor@buurt.nl""#,
            r#"value="opbouwwerker" selected"#,
        ] {
            assert!(page.contains(kept), "{kept} kept: {page}");
        }
        assert!(
            !page.contains(r#"value="kort""#),
            "a password is never shown again"
        );
        // Once: a reload shows the empty form.
        let res = app.clone().oneshot(get(path, Some(&cookie))).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(!text(res).await.contains("minstens 8 tekens"));
    }
);

// Text in the address never reaches the error box, nor its status.
db_test!(
    the_address_cannot_put_an_error_on_a_page,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let crafted =
            app::error::AppError::Internal("Uw account is geblokkeerd, bel 0900-OPLICHTER".into());
        let url = leptos::server_fn::error::ServerFnUrlError::new("/api/log_in", crafted)
            .to_url("http://127.0.0.1:3000/inloggen")
            .unwrap();
        let path = url.as_str().trim_start_matches("http://127.0.0.1:3000");
        for path in [path, "/inloggen?formulier=0123456789abcdef"] {
            let res = app.clone().oneshot(get(path, None)).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let page = text(res).await;
            assert!(
                !page.contains("OPLICHTER") && !page.contains("error-summary"),
                "{path}"
            );
        }
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
