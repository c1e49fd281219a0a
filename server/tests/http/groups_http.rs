//! Groups over the real router: the no-JavaScript flows, refusals for
//! guests and outsiders, and the photo upload. SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::http::{header, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

db_test!(groups_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let cookie = register(&app, &db, REGISTRATION).await;

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

db_test!(
    a_group_photo_is_checked_scaled_and_served,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
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
        let other_cookie = register(&app, &db, OTHER).await;
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
