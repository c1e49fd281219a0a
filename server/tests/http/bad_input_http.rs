//! Every server function, found through the server-function registry (so a
//! new one is included without a change here), called with bad input as a
//! guest and as a logged-in person: nothing answers with a 5xx, and nothing
//! panics. Both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test};
use axum::Router;
use tower::ServiceExt;

/// Bodies no form would send: empty, absent or negative ids, words where
/// numbers go, control characters, a very long value, deep nesting, broken
/// percent-encoding, and bytes that are not UTF-8.
fn bad_bodies() -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = [
        "",
        "id=-1&plan_id=-1&group_id=-1&user_id=-1&reaction_id=-1",
        "id=&plan_id=&slug=&subject=&body=",
        "id=abc&plan_id=1e99&user_id=99999999999999999999999",
        "slug=%00%01%02&subject=plan%3A%00&body=%1B%5B31m&email=%0D%0ABcc%3Aa%40b.nl",
        "a[b][c][d][e][f][g][h][i][j][k][l][m][n][o][p]=1",
        "body=%E0%A4%A&name=%ZZ&%%%=",
        "subject=plan:0&kind=vraag&body=hallo&parent_id=-5",
        "subject=manifest:bestaat-niet&kind=onbekend&body=x",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    bodies.push(format!("body={}&title={}", "x".repeat(100_000), "é".repeat(10_000)).into_bytes());
    bodies.push(b"body=\xff\xfe\xfd&slug=\xc3\x28&email=\x80".to_vec());
    bodies
}

async fn call(app: &Router, path: &str, body: Vec<u8>, cookie: Option<&str>, json: bool) -> u16 {
    let req = raw_post(path, body, cookie, json);
    app.clone().oneshot(req).await.unwrap().status().as_u16()
}

db_test!(
    no_server_function_answers_bad_input_with_a_5xx,
    |db: Db| async move {
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
        let paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .collect();
        assert!(
            paths.len() >= 40,
            "the registry lists the server functions: {}",
            paths.len()
        );
        assert!(paths.contains(&"/api/post_reaction"));
        let mut tried = 0;
        for path in &paths {
            // Deleting the account or ending sessions would end the person
            // halfway through; they are called last, below.
            if path.ends_with("/delete_account") || path.contains("log_out") {
                continue;
            }
            for body in bad_bodies() {
                for (who, json) in [
                    (None, true),
                    (Some(cookie.as_str()), true),
                    (Some(cookie.as_str()), false),
                ] {
                    let status = call(&app, path, body.clone(), who, json).await;
                    assert!(
                        status < 500,
                        "{path} answered {status} to {:?} ({})",
                        String::from_utf8_lossy(&body),
                        if who.is_some() { "logged in" } else { "guest" }
                    );
                    tried += 1;
                }
            }
        }
        for path in paths
            .iter()
            .filter(|p| p.ends_with("/delete_account") || p.contains("log_out"))
        {
            for body in bad_bodies() {
                assert!(call(&app, path, body, None, true).await < 500, "{path}");
            }
        }
        println!(
            "{tried} bad calls to {} server functions, none answered 5xx",
            paths.len()
        );
    }
);

// A form with a field missing says so in words people understand, not in
// serde's (``missing field `plan_id` ``, as before).
db_test!(
    an_incomplete_form_is_explained_in_plain_words,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
        let res = app
            .clone()
            .oneshot(script_post("/api/support_plan", "", Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400);
        let body = text(res).await;
        assert!(body.contains("niet compleet"), "{body}");
        assert!(!body.contains("missing field"), "{body}");
    }
);
