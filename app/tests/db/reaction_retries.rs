//! A reaction sent more than once with the same browser key (a retry, or the
//! service worker's offline outbox) is stored once, on both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    discussion::{retry, service::ReactionForm},
    error::AppError,
    testing::person,
};

const KEY: &str = "0b6f7c1e-5d2a-4c8e-9f31-2a7d6e4b8c90";

async fn count(db: &Db, body: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE source = $1")
        .bind(body)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

fn form(body: &str) -> ReactionForm {
    ReactionForm::member("manifest", "vraag", body)
}

db_test!(the_same_key_twice_is_one_reaction, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    let body = "Komt er ook een bankje bij de speeltuin?";
    let first = retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", KEY)
        .await
        .unwrap();
    let again = retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", KEY)
        .await
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(count(&db, body).await, 1);

    // Without a key, or with another key, the same text is a new reaction.
    retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", "")
        .await
        .unwrap();
    let other = retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", "tweede-sleutel")
        .await
        .unwrap();
    assert_ne!(other, first);
    assert_eq!(count(&db, body).await, 3);
});

db_test!(sent_at_the_same_moment_is_still_one, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    let body = "Twee keer tegelijk verstuurd, één keer bewaard.";
    let (a, b) = tokio::join!(
        retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", KEY),
        retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", KEY),
    );
    assert_eq!(a.unwrap(), b.unwrap());
    assert_eq!(count(&db, body).await, 1);
});

db_test!(someone_elses_key_is_refused, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    let bob = person(&db, "bob@buurt.nl").await;
    let body = "Mijn eigen reactie.";
    retry::post_once(&db, Some(&anna), form(body), "10.0.0.1", KEY)
        .await
        .unwrap();
    let err = retry::post_once(&db, Some(&bob), form("Een andere tekst."), "10.0.0.2", KEY)
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Conflict(_)), "{err:?}");
    assert_eq!(count(&db, "Een andere tekst.").await, 0);
    assert_eq!(count(&db, body).await, 1);
});

db_test!(a_malformed_key_is_a_validation_error, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    for key in [
        "kort",
        "met spatie en meer",
        "<script>alert(1)</script>",
        &"a".repeat(65),
    ] {
        let err = retry::post_once(&db, Some(&anna), form("Een tekst."), "10.0.0.1", key)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 422, "{key}: {err:?}");
    }
    assert_eq!(count(&db, "Een tekst.").await, 0);
});

#[test]
fn keys_are_letters_digits_and_dashes() {
    assert!(retry::is_client_key(KEY));
    assert!(retry::is_client_key("abcdefgh"));
    assert!(!retry::is_client_key("abcdefg"));
    assert!(!retry::is_client_key("abcdefgh/"));
    assert!(!retry::is_client_key(&"a".repeat(65)));
}
