//! Through the real router, as a browser without JavaScript: a new password
//! keeps this device logged in and ends the others, an email change asks for
//! the password, registrations are limited per address, and requests that
//! are too large are refused before they are read. Both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use tower::ServiceExt;

const LOG_IN: &str = "email=noor%40buurt.nl&password=Fietsbel-Lindeboom-42&next=%2Fprofiel";

db_test!(
    a_new_password_keeps_this_device_and_ends_the_others,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let laptop = register(&app, &db, REGISTRATION).await;
        let res = app
            .clone()
            .oneshot(form_post("/api/log_in", LOG_IN, None))
            .await
            .unwrap();
        let phone = session_cookie(&res).unwrap();

        let page = text(
            app.clone()
                .oneshot(get("/profiel", Some(&laptop)))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains("action=\"/api/change_password\""));
        assert!(page.contains("action=\"/api/change_email\""));

        // A wrong current password: back to the form with the message, nothing changed.
        let res = app
            .clone()
            .oneshot(form_post(
                "/api/change_password",
                "current_password=fout&new_password=kastanje+vlieger+moestuin",
                Some(&laptop),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        assert!(is_logged_in(&app, &phone).await);

        let res = app
            .clone()
            .oneshot(form_post(
                "/api/change_password",
                "current_password=Fietsbel-Lindeboom-42&new_password=kastanje+vlieger+moestuin",
                Some(&laptop),
            ))
            .await
            .unwrap();
        assert_eq!(res.headers()[header::LOCATION], "/profiel?wachtwoord=1");
        let fresh = session_cookie(&res).expect("this device gets a new session");
        assert_ne!(fresh, laptop);
        assert!(
            is_logged_in(&app, &fresh).await,
            "this device stays logged in"
        );
        assert!(
            !is_logged_in(&app, &phone).await,
            "the other device is logged out"
        );
        assert!(
            !is_logged_in(&app, &laptop).await,
            "the old session id is worthless"
        );
        let page = text(
            app.clone()
                .oneshot(get("/profiel?wachtwoord=1", Some(&fresh)))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains("Je nieuwe wachtwoord is opgeslagen"));

        // Guests cannot change anyone's password.
        let res = app
            .clone()
            .oneshot(script_post(
                "/api/change_password",
                "current_password=x&new_password=kastanje+vlieger+moestuin",
                None,
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
);

db_test!(an_email_change_asks_for_the_password, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let noor = register(&app, &db, REGISTRATION).await;
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/change_email",
            "email_password=fout&new_email=noor%40elders.nl",
            Some(&noor),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(res).await.contains("Dit wachtwoord klopt niet"));
    let res = app
        .clone()
        .oneshot(form_post(
            "/api/change_email",
            "email_password=Fietsbel-Lindeboom-42&new_email=noor%40elders.nl",
            Some(&noor),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profiel?email=1");
    let page = text(
        app.clone()
            .oneshot(get("/profiel", Some(&noor)))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("noor@elders.nl"));
});

db_test!(
    a_reset_without_mail_says_so_and_reveals_nothing,
    |db: Db| async move {
        // This router sends no e-mail: the page says so, the function refuses.
        let app = router(&db, url_of(&db).await).await;
        register(&app, &db, REGISTRATION).await;
        let page = text(
            app.clone()
                .oneshot(get("/wachtwoord-vergeten", None))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains("verstuurt geen e-mail"), "{page}");
        let res = app
            .clone()
            .oneshot(script_post(
                "/api/request_password_reset",
                "email=noor%40buurt.nl",
                None,
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let login = text(app.clone().oneshot(get("/inloggen", None)).await.unwrap()).await;
        assert!(login.contains("href=\"/wachtwoord-vergeten\""));
        let broken = text(
            app.clone()
                .oneshot(get("/wachtwoord-herstellen?code=onzin", None))
                .await
                .unwrap(),
        )
        .await;
        assert!(broken.contains("Deze link werkt niet meer"));
        assert!(!broken.contains("name=\"new_password\""));
    }
);

db_test!(
    registrations_from_one_address_are_limited,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let max = app::limits::REGISTRATIONS_PER_IP.max;
        for n in 0..max {
            let body = format!(
            "email=buur{n}%40buurt.nl&display_name=Buur+{n}&password=Fietsbel-Lindeboom-42&role=bewoner"
        );
            let res = app
                .clone()
                .oneshot(script_post("/api/register", &body, None))
                .await
                .unwrap();
            assert!(
                res.status().is_success() || res.status().is_redirection(),
                "{}",
                res.status()
            );
        }
        let res = app
            .clone()
            .oneshot(script_post("/api/register", REGISTRATION, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(text(res).await.contains("veel accounts"));
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_registrations")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(stored, max, "the refused one is not kept");
    }
);

// Attempts with an address that is already taken count too: each costs a
// password hash (before, 25 in a row were all answered, none refused). They
// get the answer a new address gets, never "this address is taken".
db_test!(
    registrations_with_a_taken_address_count_against_the_limit,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::testing::person(&db, "noor@buurt.nl").await;
        let max = app::limits::REGISTRATIONS_PER_IP.max;
        let body =
            "email=noor%40buurt.nl&display_name=Noor&password=Fietsbel-Lindeboom-42&role=bewoner";
        for _ in 0..max {
            let res = app
                .clone()
                .oneshot(script_post("/api/register", body, None))
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK);
        }
        let res = app
            .clone()
            .oneshot(script_post("/api/register", body, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

db_test!(
    a_request_that_is_too_large_is_refused_unread,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let noor = register(&app, &db, REGISTRATION).await;
        let huge = format!(
            "subject=manifest%3Alange-termijn&kind=vraag&body={}",
            "a".repeat(server::request_limits::FORM_BYTES)
        );
        // As browsers send a form: with its length.
        let mut req = script_post("/api/post_reaction", &huge, Some(&noor));
        req.headers_mut().insert(
            header::CONTENT_LENGTH,
            huge.len().to_string().parse().unwrap(),
        );
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(text(res).await.contains("te veel tekst"));

        // Without a declared length (chunked) the body is cut off at the same
        // size: still a 4xx, and nothing stored.
        let chunks = futures_util::stream::iter(
            (0..64).map(|_| Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![b'a'; 8192]))),
        );
        let req = Request::post("/api/post_reaction")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, noor.clone())
            .body(Body::from_stream(chunks))
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert!(res.status().is_client_error(), "{}", res.status());
        let reactions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(reactions, 0);
    }
);
