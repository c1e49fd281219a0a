//! The admin page for professional roles over HTTP: only a platform admin
//! sees it, a confirmation made there gives the right to give account, and
//! withdrawing it takes that right away again.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;
use app::{db::Db, db_test, testing};
use axum::http::{header, StatusCode};
use tower::ServiceExt;

db_test!(an_admin_confirms_a_role_on_the_page, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    testing::admin(&db, "beheer@buurt.nl").await;
    let admin = log_in_as(&app, "beheer@buurt.nl", testing::PASSWORD).await;
    let worker = register(
        &app,
        &db,
        "email=wijk%40buurtwerk.nl&display_name=Wijkwerker&password=Fietsbel-Lindeboom-42&role=opbouwwerker",
    )
    .await;
    let resident = register(&app, &db, REGISTRATION).await;

    let res = app
        .clone()
        .oneshot(get("/beheer/rollen", Some(&resident)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "not for residents");
    assert!(
        !text(res).await.contains("wijk@buurtwerk.nl"),
        "no addresses leak"
    );
    let res = app
        .clone()
        .oneshot(get("/beheer/rollen", Some(&admin)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "private, no-store");
    let page = text(res).await;
    assert!(
        page.contains("Wijkwerker") && page.contains("zelf opgegeven"),
        "{page}"
    );
    assert!(!page.contains("noor@buurt.nl"), "residents are not listed");

    // A group in Amsterdam with a plan; the worker is no member of it.
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&resident)))
        .await
        .unwrap();
    let plan = "group=groen-plein&title=Bomen+op+het+plein&summary=Meer+schaduw.\
        &body=We+planten+zes+bomen.&place=";
    app.clone()
        .oneshot(form_post("/api/create_plan", plan, Some(&resident)))
        .await
        .unwrap();
    let plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plans")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let account = format!(
        "plan_id={plan}&kind=verantwoording&body=De+vergunning+is+aangevraagd.&next_steps=&responsible="
    );
    let give_account = || script_post("/api/post_plan_update", &account, Some(&worker));
    let res = app.clone().oneshot(give_account()).await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "self-described gives no rights"
    );

    // Missing fields are named; then the admin confirms for Amsterdam.
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/confirm_professional",
            "email=wijk%40buurtwerk.nl&organisation=&municipality=Amsterdam",
            Some(&admin),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(res).await.contains("Vul de organisatie in"));
    let res = app
        .clone()
        .oneshot(form_post(
            "/api/confirm_professional",
            "email=wijk%40buurtwerk.nl&organisation=Buurtwerk+Noord&municipality=Amsterdam",
            Some(&admin),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/beheer/rollen?klaar=1");
    let page = text(
        app.clone()
            .oneshot(get("/beheer/rollen?klaar=1", Some(&admin)))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Buurtwerk Noord, Amsterdam"), "{page}");
    let res = app.clone().oneshot(give_account()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "confirmed: may give account");

    let res = app
        .clone()
        .oneshot(form_post(
            "/api/end_professional_confirmation",
            "email=wijk%40buurtwerk.nl",
            Some(&admin),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/beheer/rollen?klaar=1");
    let res = app.clone().oneshot(give_account()).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "withdrawn: no longer");
});
