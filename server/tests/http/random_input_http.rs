//! Property test over the router: random form bodies, built from the field
//! names the server functions take and from values no form would send, to a
//! server function picked from the registry, as a guest and logged in. No
//! answer may be a 5xx. (`bad_input_http.rs` sends eleven chosen bodies to
//! every function; this one keeps looking for the twelfth.)

use crate::common::*;
use proptest::{prelude::*, test_runner::TestRunner};
use tower::ServiceExt;

/// Every field name the server functions read, and some they do not.
const FIELDS: [&str; 24] = [
    "id",
    "plan_id",
    "group",
    "slug",
    "user_id",
    "report_id",
    "request_id",
    "image_id",
    "subject",
    "parent_id",
    "kind",
    "body",
    "title",
    "summary",
    "place",
    "principles[]",
    "phase",
    "reason",
    "email",
    "password",
    "role",
    "target",
    "target_id",
    "back",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999999999".to_owned()),
        Just("plan%3A1".to_owned()),
        Just("%00%FF%C3%28".to_owned()),
        Just("%".to_owned()),
        "[a-z]{0,12}",
        prop::collection::vec(any::<u8>(), 0..40)
            .prop_map(|bytes| bytes.iter().map(|b| format!("%{b:02X}")).collect()),
        Just("x".repeat(70_000)),
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(FIELDS.to_vec()), value()), 0..8).prop_map(
        |pairs| {
            pairs
                .into_iter()
                .map(|(k, v)| format!("{}={v}", k.replace('[', "%5B").replace(']', "%5D")))
                .collect::<Vec<_>>()
                .join("&")
        },
    )
}

#[test]
fn random_forms_never_get_a_5xx() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (app, cookie) = runtime.block_on(async {
        let db = app::testing::sqlite().await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let app = router(&db, url_of(&db).await).await;
        let cookie = register(&app, &db, REGISTRATION).await;
        (app, cookie)
    });
    let mut paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        // Ending the session or the account would stop the rest of the run.
        .filter(|p| !p.contains("log_out") && !p.ends_with("/delete_account"))
        .collect();
    paths.sort_unstable();
    let mut runner = TestRunner::new(ProptestConfig::with_cases(300));
    let case = (
        prop::sample::select(paths),
        body(),
        any::<bool>(),
        any::<bool>(),
    );
    runner
        .run(&case, |(path, body, logged_in, json)| {
            let cookie = logged_in.then_some(cookie.as_str());
            let req = raw_post(path, body.clone().into(), cookie, json);
            let status = runtime.block_on(app.clone().oneshot(req)).unwrap().status();
            prop_assert!(
                status.as_u16() < 500,
                "{path} answered {status} to {body:.200}"
            );
            Ok(())
        })
        .unwrap();
}
