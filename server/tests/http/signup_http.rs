//! Signing up over HTTP with mail going to the local SMTP sink: the answer
//! is the same for a new and a taken address, and what each address gets is
//! read back from the sink and followed through the router.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;
use app::{db::Db, db_test, email::sender::Mailer, testing};
use axum::http::{header, StatusCode};
use mail_parser::MessageParser;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// The text of the first mail whose body mentions `base` and `mark`,
/// waiting for it a while (sign-up mail goes out after the answer).
async fn mail_with(maildir: &std::path::Path, base: &str, mark: &str) -> String {
    let end = Instant::now() + Duration::from_secs(15);
    loop {
        let found = testing::sink_messages(maildir).iter().find_map(|raw| {
            let message = MessageParser::default().parse(raw)?;
            let body = message.body_text(0)?.into_owned();
            let subject = message.subject().unwrap_or_default().to_owned();
            (body.contains(base) && (body.contains(mark) || subject.contains(mark)))
                .then(|| format!("{subject}\n{body}"))
        });
        if let Some(mail) = found {
            return mail;
        }
        assert!(Instant::now() < end, "no mail with {mark} for {base}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Status, where it leads, whether a session began, and the page shown next.
async fn answer(app: &axum::Router, body: &str) -> (StatusCode, String, bool, String) {
    let res = app
        .clone()
        .oneshot(form_post("/api/register", body, None))
        .await
        .unwrap();
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let session = session_cookie(&res).is_some();
    let page = text(app.clone().oneshot(get(&location, None)).await.unwrap()).await;
    (res.status(), location, session, without_nonces(&page))
}

/// The page without its per-response script nonces.
fn without_nonces(page: &str) -> String {
    let mut parts = page.split("nonce=\"");
    let mut kept = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        kept.push_str(part.split_once('"').map_or("", |(_, rest)| rest));
    }
    kept
}

// Before, a taken address answered 422 "email_taken". Now both answers are
// the same; the new address gets a link, the taken one a note to its owner.
db_test!(
    a_new_and_a_taken_address_get_the_same_answer,
    |db: Db| async move {
        let Some((smtp, maildir)) = testing::mail_sink() else {
            return;
        };
        let base = testing::unique_base_url();
        let mailer = Mailer::new(&smtp, "Wijkplein <noreply@wijkplein.test>", &base).unwrap();
        let app = router_mailing(&db, url_of(&db).await, mailer).await;

        let new = answer(&app, REGISTRATION).await;
        let confirm_mail = mail_with(&maildir, &base, "Bevestig je account").await;
        let link = confirm_mail
            .split_whitespace()
            .find_map(|word| word.strip_prefix(base.as_str()))
            .expect("the mail has the link")
            .to_owned();
        assert!(link.starts_with("/bevestigen?code="), "{link}");
        let page = text(app.clone().oneshot(get(&link, None)).await.unwrap()).await;
        assert!(page.contains("Account bevestigen"), "{page}");
        let code = link.trim_start_matches("/bevestigen?code=");
        let cookie = confirm(&app, code).await;
        assert!(is_logged_in(&app, &cookie).await);

        // Someone else tries the address, now taken, with their own details.
        let other = REGISTRATION.replace("display_name=Noor", "display_name=Indringer");
        let taken = answer(&app, &other).await;
        assert_eq!(new, taken, "the answers do not tell the addresses apart");
        let note = mail_with(&maildir, &base, "al een account").await;
        assert!(
            note.contains(&format!("{base}/wachtwoord-vergeten")),
            "{note}"
        );
        assert!(
            note.contains("Noor") && !note.contains("Indringer"),
            "{note}"
        );
        let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(users, 1, "no second account");
    }
);

// A link opened twice (a mail program checking it, then the person) still
// works, because opening only shows the button; pressing it twice does not.
db_test!(a_link_confirms_once, |db: Db| async move {
    let app = router(&db, url_of(&db).await).await;
    app.clone()
        .oneshot(form_post("/api/register", REGISTRATION, None))
        .await
        .unwrap();
    let code = testing::confirmation_code(&db, "noor@buurt.nl").await;
    for _ in 0..2 {
        let res = app
            .clone()
            .oneshot(get(&format!("/bevestigen?code={code}"), None))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    confirm(&app, &code).await;
    let res = app
        .clone()
        .oneshot(script_post(
            "/api/confirm_registration",
            &format!("code={code}"),
            None,
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(text(res).await.contains("werkt niet meer"));
    let page = text(
        app.clone()
            .oneshot(get(&format!("/bevestigen?code={code}"), None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Opnieuw aanmelden"), "{page}");
});
