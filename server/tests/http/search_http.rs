//! The results page over the real router: what a group's words find, the
//! filters from the address, and bad addresses (an unknown group is a 404, a
//! broken page cursor or kind is ignored, typed markup stays text). SQLite and
//! PostgreSQL.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::http::StatusCode;
use tower::ServiceExt;

async fn page(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let res = app.clone().oneshot(get(path, None)).await.unwrap();
    (res.status(), text(res).await)
}

db_test!(search_page_over_http, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    let cookie = register(&app, &db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();

    let (status, body) = page(&app, "/zoeken?q=groen").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("href=\"/groepen/groen-plein\""), "{body}");
    assert!(body.contains("<mark>Groen</mark>"), "{body}");
    // The filters are in the form, with the chosen one selected.
    let (_, body) = page(&app, "/zoeken?q=groen&soort=group").await;
    assert!(body.contains("<option value=\"group\" selected"), "{body}");
    assert!(body.contains("href=\"/groepen/groen-plein\""));
    let (_, body) = page(&app, "/zoeken?q=groen&soort=plan").await;
    assert!(!body.contains("href=\"/groepen/groen-plein\""));
    let (status, body) = page(&app, "/zoeken?q=groen&groep=groen-plein").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Alleen in de groep"), "{body}");
    let (_, body) = page(&app, "/zoeken?q=groen&gemeente=Nergenshuizen").await;
    assert!(body.contains("Niets gevonden"), "{body}");

    let (status, body) = page(&app, "/zoeken?q=groen&groep=bestaat-niet").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("notice--error"), "{body}");
    for path in [
        "/zoeken?q=groen&na=rommel",
        "/zoeken?q=groen&soort=leden",
        "/zoeken?q=groen&na=7ff0000000000000-1",
    ] {
        let (status, _) = page(&app, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let (status, body) = page(&app, "/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !body.contains("<script>alert"),
        "typed markup must stay text"
    );
});
