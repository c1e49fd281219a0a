//! Sessions end together: "log out everywhere" ends every device's session,
//! on this instance and any other, and a new login works again. Both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::{
    http::{header, StatusCode},
    Router,
};
use tower::ServiceExt;

const LOG_IN: &str = "email=noor%40buurt.nl&password=Fietsbel-Lindeboom-42&next=%2Fprofiel";

/// Whether the cookie's session is still logged in (the profile answers).
async fn log_in(app: &Router) -> String {
    let res = app
        .clone()
        .oneshot(form_post("/api/log_in", LOG_IN, None))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profiel");
    session_cookie(&res).unwrap()
}

db_test!(log_out_everywhere_ends_every_session, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let phone = register(&app, &db, REGISTRATION).await;
    let laptop = log_in(&app).await;
    // Another person's session is not touched.
    let other = register(&app, &db, OTHER).await;
    assert!(is_logged_in(&app, &phone).await && is_logged_in(&app, &laptop).await);

    let page = text(
        app.clone()
            .oneshot(get("/profiel", Some(&laptop)))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("action=\"/api/log_out_everywhere\""),
        "the profile offers it"
    );
    let res = app
        .clone()
        .oneshot(form_post("/api/log_out_everywhere", "", Some(&laptop)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/inloggen?overal=1");
    let notice = text(
        app.clone()
            .oneshot(get("/inloggen?overal=1", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(notice.contains("op al je apparaten uitgelogd"));

    assert!(
        !is_logged_in(&app, &laptop).await,
        "this device is logged out"
    );
    assert!(!is_logged_in(&app, &phone).await, "and the other one too");
    assert!(
        is_logged_in(&app, &other).await,
        "someone else stays logged in"
    );

    // Guests cannot call it; a new login works again.
    let res = app
        .clone()
        .oneshot(script_post("/api/log_out_everywhere", "", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let fresh = log_in(&app).await;
    assert!(is_logged_in(&app, &fresh).await);
});

db_test!(
    a_stored_session_that_no_longer_reads_is_a_guest,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
        assert!(is_logged_in(&app, &cookie).await);
        // As after a change in how sessions are stored: the record is there,
        // but its bytes no longer decode.
        let garble = match db.backend {
            app::db::Backend::Sqlite => "UPDATE tower_sessions SET data = X'00FF13'",
            app::db::Backend::Postgres => {
                "UPDATE tower_sessions.session SET data = decode('00ff13', 'hex')"
            }
        };
        let garbled = sqlx::query(garble).execute(&db.pool).await.unwrap();
        assert!(garbled.rows_affected() >= 1);

        let res = app
            .clone()
            .oneshot(get("/profiel", Some(&cookie)))
            .await
            .unwrap();
        assert!(
            res.status().is_redirection(),
            "the profile asks a guest to log in: {}",
            res.status()
        );
        let home = app.clone().oneshot(get("/", Some(&cookie))).await.unwrap();
        assert_eq!(home.status(), StatusCode::OK, "a guest, not a 503");
        // Logging in again gives a working session.
        let again = log_in_as(&app, "noor@buurt.nl", app::testing::PASSWORD).await;
        assert!(is_logged_in(&app, &again).await);
    }
);

// A personal page is never kept by a cache or the service worker, and every
// page names the session it was made for (before, `/profiel` with the
// person's name and e-mail was kept offline after the session had ended).
db_test!(
    personal_pages_are_not_stored_and_pages_name_their_session,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
        let marker = |res: &axum::response::Response| {
            res.headers()["wijkplein-sessie"]
                .to_str()
                .unwrap()
                .to_owned()
        };
        let profile = app
            .clone()
            .oneshot(get("/profiel", Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(profile.status(), StatusCode::OK);
        assert_eq!(
            profile.headers()[header::CACHE_CONTROL],
            "private, no-store"
        );
        let mine = marker(&profile);
        let plan_list = app
            .clone()
            .oneshot(get("/plannen", Some(&cookie)))
            .await
            .unwrap();
        assert!(plan_list
            .headers()
            .get(header::CACHE_CONTROL)
            .is_none_or(|v| v != "private, no-store"));
        assert_eq!(marker(&plan_list), mine, "one session, one name");
        let guest = app.clone().oneshot(get("/plannen", None)).await.unwrap();
        assert_eq!(marker(&guest), "gast");
        // Logged out everywhere: the same cookie now reads as a guest's.
        let res = app
            .clone()
            .oneshot(form_post("/api/log_out_everywhere", "", Some(&cookie)))
            .await
            .unwrap();
        assert!(res.status().is_redirection() || res.status().is_success());
        let after = app
            .clone()
            .oneshot(get("/plannen", Some(&cookie)))
            .await
            .unwrap();
        assert_ne!(marker(&after), mine);
    }
);
