//! The e-mail settings over HTTP (as a browser without JavaScript and as a
//! script), and a daily digest read back from the local SMTP sink whose every
//! link is followed through the real router.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;
use app::{db::Db, db_test, email::sender, testing};
use axum::http::{header, StatusCode};
use mail_parser::MessageParser;
use tower::ServiceExt;

const ALL_DIGEST: &str = "reply=digest&mention=digest&new_plan=digest&plan_phase=digest\
    &plan_update=digest&join_decision=digest";

db_test!(email_settings_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let res = app
        .clone()
        .oneshot(get("/meldingen/instellingen", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .clone()
        .oneshot(script_post("/api/save_email_preferences", ALL_DIGEST, None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let cookie = register(&app, &db, REGISTRATION).await;
    let page = text(
        app.clone()
            .oneshot(get("/meldingen/instellingen", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("noor@buurt.nl"), "the address mail goes to");
    assert_eq!(
        page.matches(r#"type="radio""#).count(),
        18,
        "three choices for six kinds"
    );
    assert!(
        page.contains(r#"id="veld-reply-never" name="reply" value="never" checked"#),
        "{page}"
    );

    // A value that is not one of the choices: 422 with a message, nothing saved.
    let wrong = ALL_DIGEST.replace("mention=digest", "mention=weekly");
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/save_email_preferences",
            &wrong,
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(res).await.contains("dagelijkse overzicht"));

    let res = app
        .clone()
        .oneshot(form_post(
            "/api/save_email_preferences",
            ALL_DIGEST,
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/meldingen/instellingen?opgeslagen=1"
    );
    let page = text(
        app.clone()
            .oneshot(get("/meldingen/instellingen?opgeslagen=1", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Je keuzes zijn opgeslagen."));
    assert!(
        page.contains(r#"name="reply" value="digest" checked"#),
        "{page}"
    );
});

db_test!(every_link_in_the_digest_works, |db: Db| async move {
    let Some((smtp, maildir)) = testing::mail_sink() else {
        return;
    };
    let app = router(&db, url_of(&db).await).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let writer = register(&app, &db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&writer)))
        .await
        .unwrap();
    let reader = register(&app, &db, OTHER).await;
    for (path, body) in [
        ("/api/join_group", "slug=groen-plein"),
        ("/api/save_email_preferences", ALL_DIGEST),
    ] {
        let res = app
            .clone()
            .oneshot(form_post(path, body, Some(&reader)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "{path}");
        let to = res.headers()[header::LOCATION].to_str().unwrap();
        assert!(!to.contains("fout"), "{path}: {to}");
    }
    for title in ["Bomen+op+het+plein", "Een+bankje+bij+de+bushalte"] {
        let plan = format!(
            "group=groen-plein&title={title}&summary=Samen+doen.&body=Wie+helpt+er+mee+in+het+voorjaar%3F&place="
        );
        let res = app
            .clone()
            .oneshot(form_post("/api/create_plan", &plan, Some(&writer)))
            .await
            .unwrap();
        let to = res.headers()[header::LOCATION].to_str().unwrap();
        assert!(to.starts_with("/plannen/"), "{to}");
    }

    let base = testing::unique_base_url();
    let mailer = sender::Mailer::new(&smtp, "Wijkplein <meldingen@wijkplein.test>", &base).unwrap();
    let tomorrow = app::db::now() + 86_400;
    assert_eq!(
        sender::send_digests_due(&db, &mailer, tomorrow)
            .await
            .unwrap(),
        1
    );
    let body = testing::sink_messages(&maildir)
        .iter()
        .filter_map(|raw| {
            Some(
                MessageParser::default()
                    .parse(raw)?
                    .body_text(0)?
                    .into_owned(),
            )
        })
        .find(|body| body.contains(&base))
        .expect("the digest reached the sink");
    assert!(body.contains("== Groen Plein"), "{body}");
    let links: Vec<&str> = body
        .split_whitespace()
        .filter_map(|word| word.strip_prefix(base.as_str()))
        .collect();
    // The group, two plans with one item each, and the settings page.
    assert_eq!(links.len(), 6, "{body}");
    for link in links {
        let path = link.split('#').next().unwrap();
        let res = app.clone().oneshot(get(path, Some(&reader))).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{link}");
    }
});
