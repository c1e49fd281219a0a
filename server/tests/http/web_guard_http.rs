//! Cross-site posts are refused before they touch anything, in the
//! visitor's language; every response carries the security headers.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use tower::ServiceExt;

/// A registration form posted by a page on `origin`, to the host `wijkplein.test`.
fn registration_from(origin: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post("/api/register")
        .header(header::HOST, "wijkplein.test")
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(REGISTRATION)).unwrap()
}

/// Sign-ups kept (each waits for its address to be confirmed).
async fn people(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM pending_registrations")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

db_test!(posts_from_another_site_are_refused, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();

    let res = app
        .clone()
        .oneshot(registration_from("https://kwaad.example", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(text(res).await.contains("kwam van een andere website"));
    let res = app
        .clone()
        .oneshot(registration_from("null", Some("wijkplein_taal=en")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(text(res).await.contains("came from another website"));
    assert_eq!(people(&db).await, 0, "nothing was stored");

    // The same form from the site itself goes through.
    let res = app
        .clone()
        .oneshot(registration_from("http://wijkplein.test", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/registreren?verstuurd=1");
    assert_eq!(people(&db).await, 1);

    // An upload from another site is refused as well.
    let mut upload = upload("/groepen/groen-plein/beeld", b"GIF89a", None);
    upload
        .headers_mut()
        .insert(header::HOST, "wijkplein.test".parse().unwrap());
    upload
        .headers_mut()
        .insert(header::REFERER, "https://kwaad.example/".parse().unwrap());
    let res = app.clone().oneshot(upload).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
});

db_test!(
    every_response_carries_the_security_headers,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        for path in ["/", "/manifest", "/bestaat-niet", "/sw.js"] {
            let res = app.clone().oneshot(get(path, None)).await.unwrap();
            let headers = res.headers();
            let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
            for part in [
                "script-src 'nonce-",
                "'strict-dynamic'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self'",
            ] {
                assert!(csp.contains(part), "{path}: {csp}");
            }
            assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
            assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
            assert!(
                !headers.contains_key(header::STRICT_TRANSPORT_SECURITY),
                "{path}: HSTS only over TLS"
            );
        }
    }
);

db_test!(
    every_inline_script_carries_the_nonce_of_its_response,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let mut nonces = Vec::new();
        // Logged in, so that no page comes from the guests' cache.
        let cookie = register(&app, &db, REGISTRATION).await;
        for path in ["/", "/manifest", "/profiel", "/bestaat-niet", "/plannen"] {
            let res = app.clone().oneshot(get(path, Some(&cookie))).await.unwrap();
            let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .to_owned();
            let nonce = csp
                .split("'nonce-")
                .nth(1)
                .and_then(|rest| rest.split('\'').next())
                .unwrap()
                .to_owned();
            assert!(nonce.len() >= 32, "{csp}");
            let page = text(res).await;
            let scripts = page.matches("<script").count();
            assert!(scripts >= 2, "{path}: the loaders are there");
            assert_eq!(
                page.matches(&format!("<script nonce=\"{nonce}\"")).count()
                    + page
                        .matches(&format!("<script type=\"module\" nonce=\"{nonce}\""))
                        .count(),
                scripts,
                "{path}: every script has this response's nonce"
            );
            nonces.push(nonce);
        }
        nonces.sort();
        nonces.dedup();
        assert_eq!(nonces.len(), 5, "a new nonce for every response");
    }
);

db_test!(
    behind_tls_the_session_cookie_is_host_only_and_secure,
    |db: Db| async move {
        let app = router_behind_tls(&db, url_of(&db).await).await;
        app.clone()
            .oneshot(form_post("/api/register", REGISTRATION, None))
            .await
            .unwrap();
        let code = app::testing::confirmation_code(&db, "noor@buurt.nl").await;
        let res = app
            .clone()
            .oneshot(form_post(
                "/api/confirm_registration",
                &format!("code={code}"),
                None,
            ))
            .await
            .unwrap();
        let cookie = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("__Host-wijkplein_sessie="))
            .expect("the session cookie has the __Host- prefix")
            .to_owned();
        assert!(cookie.contains("Secure"), "{cookie}");
        assert!(cookie.contains("Path=/"), "{cookie}");
        assert!(!cookie.to_lowercase().contains("domain="), "{cookie}");
        assert!(res
            .headers()
            .contains_key(header::STRICT_TRANSPORT_SECURITY));
        // The session works under its new name, and such a visitor never
        // gets a guest's cached page.
        let session = cookie.split(';').next().unwrap().to_owned();
        let page = text(
            app.clone()
                .oneshot(get("/profiel", Some(&session)))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains("Noor"), "logged in with the __Host- cookie");
    }
);
