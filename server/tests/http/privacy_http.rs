//! "Download my data" and "Delete my account" through the real router, as a
//! browser without JavaScript uses them. Both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::http::{header, StatusCode};
use tower::ServiceExt;

const DOWNLOAD: &str = "/profiel/mijn-gegevens.json";

db_test!(
    people_download_their_own_data_and_nobody_else_does,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let res = app.clone().oneshot(get(DOWNLOAD, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

        let noor = register(&app, &db, REGISTRATION).await;
        register(&app, &db, OTHER).await;
        let page = text(
            app.clone()
                .oneshot(get("/profiel", Some(&noor)))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains(&format!("href=\"{DOWNLOAD}\"")));
        let res = app
            .clone()
            .oneshot(get(DOWNLOAD, Some(&noor)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        assert_eq!(res.headers()[header::CACHE_CONTROL], "private, no-store");
        let body = text(res).await;
        let data: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(data["tables"]["users"][0]["email"], "noor@buurt.nl");
        assert!(!body.contains("ander@buurt.nl"), "only Noor's own data");
        assert!(!body.contains("argon2"), "no password hash");
    }
);

db_test!(
    deleting_asks_for_a_yes_and_the_password_then_ends_the_session,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let noor = register(&app, &db, REGISTRATION).await;

        // Without the tick: refused, nothing happens.
        let res = app
            .clone()
            .oneshot(script_post(
                "/api/delete_account",
                "delete_password=Fietsbel-Lindeboom-42",
                Some(&noor),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text(res).await.contains("echt wilt verwijderen"));
        // A wrong password: refused too.
        let res = app
            .clone()
            .oneshot(script_post(
                "/api/delete_account",
                "delete_password=fout&confirm=ja",
                Some(&noor),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let res = app
            .clone()
            .oneshot(form_post(
                "/api/delete_account",
                "delete_password=Fietsbel-Lindeboom-42&confirm=ja",
                Some(&noor),
            ))
            .await
            .unwrap();
        assert_eq!(res.headers()[header::LOCATION], "/account-verwijderd");
        let page = text(
            app.clone()
                .oneshot(get("/account-verwijderd", None))
                .await
                .unwrap(),
        )
        .await;
        assert!(page.contains("Je account is verwijderd"));
        let res = app
            .clone()
            .oneshot(get("/profiel", Some(&noor)))
            .await
            .unwrap();
        assert_ne!(res.status(), StatusCode::OK, "the session is over");
        let res = app
            .clone()
            .oneshot(script_post(
                "/api/log_in",
                "email=noor%40buurt.nl&password=Fietsbel-Lindeboom-42",
                None,
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        // The address is free again for a new account.
        register(&app, &db, REGISTRATION).await;
    }
);
