//! Plans over the real router: refusals for guests and outsiders, plain
//! form posts, the plan list, updates, the discussion and the live stream.
//! SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::http::{header, StatusCode};
use tower::ServiceExt;

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
    let cookie = register(&app, &db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    let other_cookie = register(&app, &db, OTHER).await;
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

db_test!(plan_conversation_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let cookie = register(&app, &db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    let plan = "group=groen-plein&title=Bomen+op+het+plein&summary=Meer+schaduw+voor+iedereen.\
        &body=We+planten+zes+bomen+met+de+hele+buurt.&place=";
    app.clone()
        .oneshot(form_post("/api/create_plan", plan, Some(&cookie)))
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plans")
        .fetch_one(&db.pool)
        .await
        .unwrap();

    // Guests may read and follow along, not write.
    let reaction =
        format!("subject=plan%3A{id}&kind=vraag&body=Wanneer+begint+het%3F&back=%2Fplannen%2F{id}");
    let update =
        format!("plan_id={id}&kind=voortgang&body=De+bomen+zijn+besteld.&next_steps=&responsible=");
    for (endpoint, body) in [("post_reaction", &reaction), ("post_plan_update", &update)] {
        let res = app
            .clone()
            .oneshot(script_post(&format!("/api/{endpoint}"), body, None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    // An outsider may react, but not report progress for the group.
    let other = register(&app, &db, OTHER).await;
    let res = app
        .clone()
        .oneshot(script_post("/api/post_plan_update", &update, Some(&other)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(form_post("/api/post_reaction", &reaction, Some(&other)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with(&format!("/plannen/{id}#reactie-")),
        "{location}"
    );
    // Bad input: a reply to nothing, an empty update.
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/post_reaction",
            &format!("{reaction}&parent_id=999999"),
            Some(&other),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let empty = format!("plan_id={id}&kind=voortgang&body=&next_steps=&responsible=");
    let res = app
        .clone()
        .oneshot(script_post("/api/post_plan_update", &empty, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .clone()
        .oneshot(form_post("/api/post_plan_update", &update, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);

    let page = text(
        app.clone()
            .oneshot(get(&format!("/plannen/{id}"), None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Wanneer begint het?"));
    assert!(page.contains("De bomen zijn besteld."));
    assert!(page.contains("Gesprek (1 reactie)"));

    // The live stream of an existing plan, and a 404 for others.
    let res = app
        .clone()
        .oneshot(get(&format!("/live/plannen/{id}"), None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    for path in ["/live/plannen/999999", "/live/plannen/abc"] {
        let res = app.clone().oneshot(get(path, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }

    // The list, with filters; unknown values and broken cursors are ignored.
    for path in [
        "/plannen",
        "/plannen?fase=idee&sorteer=steun",
        "/plannen?fase=onzin&sorteer=raar&na=kapot",
        "/plannen?gemeente=Amsterdam&groep=groen-plein",
    ] {
        let res = app.clone().oneshot(get(path, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(text(res).await.contains("Bomen op het plein"), "{path}");
    }
    let res = app
        .clone()
        .oneshot(get("/plannen?fase=afgerond", None))
        .await
        .unwrap();
    assert!(!text(res).await.contains("Bomen op het plein"));
});

db_test!(plan_images_and_editing_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let cookie = register(&app, &db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    let plan = "group=groen-plein&title=Bomen+op+het+plein&summary=Meer+schaduw+voor+iedereen.\
        &body=We+planten+zes+bomen+met+de+hele+buurt.&place=";
    app.clone()
        .oneshot(form_post("/api/create_plan", plan, Some(&cookie)))
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plans")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let path = format!("/plannen/{id}/beelden");
    let png = app::testing::sample_png(300, 200);
    let alt = Some("Het plein nu");

    let res = app
        .clone()
        .oneshot(upload_with_alt(&path, &png, alt, None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let other = register(&app, &db, OTHER).await;
    let res = app
        .clone()
        .oneshot(upload_with_alt(&path, &png, alt, Some(&other)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(upload_with_alt(&path, b"GIF89a", alt, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(back.contains("beeldfout=image_wrong_type"), "{back}");
    let res = app
        .clone()
        .oneshot(get(&back, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(res)
        .await
        .contains("Dit is geen PNG-, JPEG- of WebP-afbeelding."));

    let res = app
        .clone()
        .oneshot(upload_with_alt(&path, &png, alt, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = text(
        app.clone()
            .oneshot(get(&format!("/plannen/{id}"), None))
            .await
            .unwrap(),
    )
    .await;
    let src = page
        .split("src=\"/beelden/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    assert!(page.contains("alt=\"Het plein nu\""));
    let res = app
        .clone()
        .oneshot(get(&format!("/beelden/{src}"), None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "image/jpeg",
        "opaque images become JPEG"
    );
    for bad in ["/beelden/..%2Fwijkplein.db", "/beelden/nietbestaand.png"] {
        let res = app.clone().oneshot(get(bad, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{bad}");
    }

    // Editing: the form for the writer, 403 for others, 401 for guests.
    let edit = format!("/plannen/{id}/bewerken");
    for (cookie, status) in [(None, 401), (Some(&other), 403), (Some(&cookie), 200)] {
        let res = app
            .clone()
            .oneshot(get(&edit, cookie.map(String::as_str)))
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), status);
    }
    let changed = format!(
        "plan_id={id}&title=Bomen+en+bankjes&summary=Meer+schaduw+voor+iedereen.\
         &body=We+planten+zes+bomen+met+de+hele+buurt.&place=Plein"
    );
    let res = app
        .clone()
        .oneshot(script_post("/api/update_plan", &changed, Some(&other)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(form_post("/api/update_plan", &changed, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let page = text(
        app.clone()
            .oneshot(get(&format!("/plannen/{id}"), None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Bomen en bankjes"));
});
