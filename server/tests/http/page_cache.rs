//! The page cache for guests, over the real router: what is served from it,
//! what never is, and that every change empties it, also on another
//! instance. SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use server::page_cache::HIT_HEADER;
use tower::ServiceExt;

/// A guest's GET: whether it came from the cache, and the page.
async fn guest_get(app: &Router, req: Request<Body>) -> (bool, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let hit = res.headers().contains_key(HIT_HEADER);
    (hit, text(res).await)
}

/// A group with a plan, made over HTTP by a member; the plan's path and the
/// member's session cookie.
async fn plan_with_member(app: &Router, db: &Db) -> (String, String) {
    let cookie = register(app, db, REGISTRATION).await;
    app.clone()
        .oneshot(form_post("/api/create_group", NEW_GROUP, Some(&cookie)))
        .await
        .unwrap();
    let plan = "group=groen-plein&title=Bomen+op+het+plein&summary=Meer+schaduw.\
        &body=We+planten+zes+bomen.&place=";
    app.clone()
        .oneshot(form_post("/api/create_plan", plan, Some(&cookie)))
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plans")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    settle(app).await;
    (format!("/plannen/{id}"), cookie)
}

/// Waits (at most five seconds) until the live events of the posts before
/// have emptied the cache through the bus: then a probe page, once stored,
/// stays stored. The test's own pages are not touched by the probe.
async fn settle(app: &Router) {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(5) {
        guest_get(app, get("/groepen", None)).await;
        if guest_get(app, get("/groepen", None)).await.0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the page cache kept being emptied for five seconds");
}

fn react(path: &str, text: &str, cookie: &str) -> Request<Body> {
    let id = path.trim_start_matches("/plannen/");
    let body = format!("subject=plan%3A{id}&kind=vraag&body={text}&back=%2Fplannen%2F{id}");
    form_post("/api/post_reaction", &body, Some(cookie))
}

db_test!(
    guests_share_a_page_until_something_changes,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let (path, cookie) = plan_with_member(&app, &db).await;

        let (hit, first) = guest_get(&app, get(&path, None)).await;
        assert!(!hit, "the first visit renders");
        let (hit, second) = guest_get(&app, get(&path, None)).await;
        assert!(hit, "the second guest gets the stored page");
        assert_eq!(first, second);

        // Logged in: always rendered, never stored for others.
        let (hit, mine) = guest_get(&app, get(&path, Some(&cookie))).await;
        assert!(!hit);
        assert!(mine.contains("/api/log_out"));
        let (_, guest) = guest_get(&app, get(&path, None)).await;
        assert!(
            !guest.contains("/api/log_out"),
            "a personal page never reaches a guest"
        );

        // Another language is another page.
        let english = get(&path, Some("wijkplein_taal=en"));
        let (hit, en) = guest_get(&app, english).await;
        assert!(!hit);
        assert!(en.contains("lang=\"en\""));
        let (_, nl) = guest_get(&app, get(&path, None)).await;
        assert!(nl.contains("lang=\"nl\""));

        // A change empties the cache: the next guest sees the new reaction.
        let res = app
            .clone()
            .oneshot(react(&path, "Graag+een+bankje+erbij", &cookie))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND);
        let (hit, after) = guest_get(&app, get(&path, None)).await;
        assert!(!hit, "rendered again after the change");
        assert!(after.contains("Graag een bankje erbij"));

        // A refused post changes nothing and keeps the cache. The change's
        // live events also reach the cache through the bus, a moment later
        // (an extra emptying, harmless): wait until the page is kept again.
        settle(&app).await;
        let mut kept = false;
        for _ in 0..50 {
            if guest_get(&app, get(&path, None)).await.0 {
                kept = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(kept, "the page is kept again after the change");
        let res = app
            .clone()
            .oneshot(script_post("/api/support_plan", "plan_id=999999", None))
            .await
            .unwrap();
        assert!(res.status().is_client_error());
        let (hit, _) = guest_get(&app, get(&path, None)).await;
        assert!(hit);
    }
);

db_test!(
    the_manifest_with_its_guest_challenge_comes_from_the_cache,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let challenge = |page: &str| {
            page.split("name=\"challenge\" value=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap()
                .to_owned()
        };
        let res = app.clone().oneshot(get("/manifest", None)).await.unwrap();
        assert!(
            !res.headers().contains_key(header::CACHE_CONTROL)
                || !res.headers()[header::CACHE_CONTROL]
                    .to_str()
                    .unwrap()
                    .contains("no-store"),
            "{:?}",
            res.headers()
        );
        let first = text(res).await;
        let (hit, second) = guest_get(&app, get("/manifest", None)).await;
        assert!(hit, "the second guest gets the stored page");
        assert_eq!(challenge(&first), challenge(&second));
        // Nothing was written to show it.
        let uses: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM challenge_uses")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(uses, 0);
    }
);

/// Two instances on one PostgreSQL database: a change made through one
/// empties the other's cache (through LISTEN/NOTIFY).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_one_instance_reaches_the_cache_of_another() {
    let Some((db, url)) = app::testing::postgres_with_url().await else {
        return;
    };
    let other_db = Db::connect(&url, 4).await.unwrap();
    app::live::listen(&db, &url).await.unwrap();
    app::live::listen(&other_db, &url).await.unwrap();
    let one = router(&db, url.clone()).await;
    let two = router(&other_db, url.clone()).await;
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let (path, cookie) = plan_with_member(&one, &db).await;

    guest_get(&two, get(&path, None)).await;
    let (hit, _) = guest_get(&two, get(&path, None)).await;
    assert!(hit);
    let res = one
        .clone()
        .oneshot(react(&path, "Via+de+andere+server", &cookie))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let mut seen = false;
    for _ in 0..50 {
        let (_, page) = guest_get(&two, get(&path, None)).await;
        if page.contains("Via de andere server") {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(
        seen,
        "the other instance rendered the page again within a second"
    );
}
