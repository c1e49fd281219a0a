//! Passwords, email addresses, reset links, platform admins and rate limits
//! against real databases (a fresh SQLite file and a fresh PostgreSQL
//! database per test).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::{admins, credentials, queries, service},
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    error::AppError,
    limits,
    testing::person,
};

const PASSWORD: &str = "Fietsbel-Lindeboom-42";
const NEW_PASSWORD: &str = "kastanje vlieger moestuin";

async fn epoch(db: &Db, id: i64) -> i64 {
    queries::find_session_viewer(&db.pool, id)
        .await
        .unwrap()
        .unwrap()
        .1
}

async fn can_log_in(db: &Db, email: &str, password: &str) -> bool {
    service::authenticate(db, email, password, "10.0.0.1")
        .await
        .is_ok()
}

// Someone holding another person's session cannot guess their password
// through the forms that ask for it (before, there was no limit at all).
db_test!(
    password_checks_on_changes_are_limited,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        for _ in 0..limits::PASSWORD_CHECK_FAILURES.max {
            let err = credentials::change_email(&db, &anna, "geraden", "nieuw@buurt.nl")
                .await
                .unwrap_err();
            assert!(err.has_field_code("password_wrong"), "{err:?}");
        }
        let err = credentials::change_password(&db, &anna, PASSWORD, NEW_PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 429, "{err:?}");
        let err = app::privacy::delete::delete_account(&db, &anna, PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 429, "{err:?}");
        // The guesses count with the account's failed logins too.
        let failures = limits::used(&db, limits::LOGIN_FAILURES_PER_EMAIL, "anna@buurt.nl")
            .await
            .unwrap();
        assert_eq!(failures, limits::PASSWORD_CHECK_FAILURES.max);
    }
);

db_test!(
    a_new_password_needs_the_current_one_and_ends_other_sessions,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        let before = epoch(&db, anna.id).await;

        let err = credentials::change_password(&db, &anna, "niet-mijn-wachtwoord", NEW_PASSWORD)
            .await
            .unwrap_err();
        assert!(err.has_field_code("password_wrong"), "{err:?}");
        assert!(err.field_message("current_password").is_some());
        let err = credentials::change_password(&db, &anna, PASSWORD, "kort")
            .await
            .unwrap_err();
        assert!(err.field_message("new_password").is_some(), "{err:?}");
        assert_eq!(epoch(&db, anna.id).await, before, "nothing changed yet");

        credentials::change_password(&db, &anna, PASSWORD, NEW_PASSWORD)
            .await
            .unwrap();
        assert!(epoch(&db, anna.id).await > before, "other sessions end");
        assert!(!can_log_in(&db, "anna@buurt.nl", PASSWORD).await);
        assert!(can_log_in(&db, "anna@buurt.nl", NEW_PASSWORD).await);
    }
);

db_test!(
    a_new_email_address_needs_the_password_and_must_be_free,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        person(&db, "bert@buurt.nl").await;

        let err = credentials::change_email(&db, &anna, "fout", "anna@elders.nl")
            .await
            .unwrap_err();
        assert!(err.field_message("email_password").is_some(), "{err:?}");
        let err = credentials::change_email(&db, &anna, PASSWORD, "geen adres")
            .await
            .unwrap_err();
        assert!(err.has_field_code("email_invalid"), "{err:?}");
        let err = credentials::change_email(&db, &anna, PASSWORD, " BERT@buurt.nl")
            .await
            .unwrap_err();
        assert!(err.has_field_code("email_taken"), "{err:?}");

        credentials::change_email(&db, &anna, PASSWORD, "Anna@Elders.nl")
            .await
            .unwrap();
        assert!(can_log_in(&db, "anna@elders.nl", PASSWORD).await);
        assert!(!can_log_in(&db, "anna@buurt.nl", PASSWORD).await);
    }
);

db_test!(
    a_reset_link_works_once_and_ends_other_sessions,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        let before = epoch(&db, anna.id).await;

        let unknown = credentials::request_reset(&db, "niemand@buurt.nl", "10.0.0.1")
            .await
            .unwrap();
        assert!(unknown.is_none(), "no link for an address without account");
        let mail = credentials::request_reset(&db, " ANNA@buurt.nl", "10.0.0.1")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(mail.email, "anna@buurt.nl");
        assert!(credentials::reset_is_usable(&db, &mail.token)
            .await
            .unwrap());

        // The token itself is nowhere in the database, only its hash.
        let stored: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM password_resets WHERE token_hash = $1")
                .bind(&mail.token)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(stored, 0);

        // A weak password is refused and the link still works.
        let err = credentials::reset_password(&db, &mail.token, "wachtwoord")
            .await
            .unwrap_err();
        assert!(err.field_message("new_password").is_some(), "{err:?}");
        assert!(credentials::reset_is_usable(&db, &mail.token)
            .await
            .unwrap());

        let id = credentials::reset_password(&db, &mail.token, NEW_PASSWORD)
            .await
            .unwrap();
        assert_eq!(id, anna.id);
        assert!(epoch(&db, anna.id).await > before);
        assert!(can_log_in(&db, "anna@buurt.nl", NEW_PASSWORD).await);

        let again = credentials::reset_password(&db, &mail.token, "nog een ander wachtwoord 7")
            .await
            .unwrap_err();
        assert!(matches!(again, AppError::Conflict(_)), "{again:?}");
        assert!(!credentials::reset_is_usable(&db, &mail.token)
            .await
            .unwrap());
        assert!(can_log_in(&db, "anna@buurt.nl", NEW_PASSWORD).await);
    }
);

db_test!(
    expired_unknown_and_superseded_links_are_refused,
    |db: Db| async move {
        person(&db, "anna@buurt.nl").await;
        let old = credentials::request_reset(&db, "anna@buurt.nl", "10.0.0.1")
            .await
            .unwrap()
            .unwrap();
        sqlx::query("UPDATE password_resets SET expires_at = expires_at - $1")
            .bind(credentials::RESET_LIFETIME + 1)
            .execute(&db.pool)
            .await
            .unwrap();
        assert!(!credentials::reset_is_usable(&db, &old.token).await.unwrap());
        let err = credentials::reset_password(&db, &old.token, NEW_PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 409, "{err:?}");
        let err = credentials::reset_password(&db, "0000", NEW_PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(err.status(), 409, "{err:?}");

        // Two fresh links; a new password through one makes the other useless.
        let first = credentials::request_reset(&db, "anna@buurt.nl", "10.0.0.1")
            .await
            .unwrap()
            .unwrap();
        let second = credentials::request_reset(&db, "anna@buurt.nl", "10.0.0.1")
            .await
            .unwrap()
            .unwrap();
        credentials::reset_password(&db, &second.token, NEW_PASSWORD)
            .await
            .unwrap();
        assert!(!credentials::reset_is_usable(&db, &first.token)
            .await
            .unwrap());
    }
);

db_test!(
    reset_requests_are_limited_per_address,
    |db: Db| async move {
        person(&db, "anna@buurt.nl").await;
        for n in 0..limits::RESETS_PER_EMAIL.max {
            let ip = format!("10.0.0.{n}");
            credentials::request_reset(&db, "anna@buurt.nl", &ip)
                .await
                .unwrap()
                .unwrap();
        }
        let err = credentials::request_reset(&db, "anna@buurt.nl", "10.9.9.9")
            .await
            .unwrap_err();
        assert_eq!(err.status(), 429, "{err:?}");
        assert!(err.to_string().contains("herstelmails"), "{err}");
        // Another address is not affected.
        assert!(credentials::request_reset(&db, "bert@buurt.nl", "10.9.9.9")
            .await
            .unwrap()
            .is_none());
    }
);

db_test!(
    limits_count_per_subject_and_in_the_database,
    |db: Db| async move {
        let limit = limits::REGISTRATIONS_PER_IP;
        for _ in 0..limit.max {
            limits::take(&db, limit, "10.0.0.1").await.unwrap();
        }
        let err = limits::take(&db, limit, "10.0.0.1").await.unwrap_err();
        assert_eq!(err.status(), 429);
        // A refused attempt is not counted; another subject has its own count.
        limits::take(&db, limit, "10.0.0.2").await.unwrap();
        // A second "instance" on the same database sees the same count.
        let mut other = db.clone();
        assert!(limits::check(&other, limit, "10.0.0.1").await.is_err());
        // A larger factor (benchmarks) makes room.
        other.limits = limits::Limits { factor: 2 };
        limits::check(&other, limit, "10.0.0.1").await.unwrap();
        // The hourly clean-up forgets only what no window still needs.
        sqlx::query("INSERT INTO rate_events (action, subject, at) VALUES ('register', 'oud', $1)")
            .bind(app::db::now() - limits::KEPT_SECS - 60)
            .execute(&db.pool)
            .await
            .unwrap();
        assert_eq!(limits::forget_old(&db).await.unwrap(), 1);
        assert_eq!(limits::forget_old(&db).await.unwrap(), 0);
        assert!(limits::check(&db, limit, "10.0.0.1").await.is_err());
    }
);

db_test!(
    a_member_posting_in_a_loop_is_stopped_and_nothing_is_stored,
    |db: Db| async move {
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        let subject = "manifest:lange-termijn";
        let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        for n in 0..limits::REACTIONS_PER_PERSON.max {
            let text = format!("Reactie {n}: goed idee");
            discussion::post(
                &db,
                Some(&anna),
                ReactionForm::member(subject, "vraag", &text),
                "ip",
            )
            .await
            .unwrap();
        }
        let err = discussion::post(
            &db,
            Some(&anna),
            ReactionForm::member(subject, "vraag", "Nog eentje"),
            "ip",
        )
        .await
        .unwrap_err();
        assert_eq!(err.status(), 429, "{err:?}");
        assert!(err.to_string().contains("veel reacties"), "{err}");
        let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reactions")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(after - before, limits::REACTIONS_PER_PERSON.max);
        // Someone else can still react.
        let bert = person(&db, "bert@buurt.nl").await;
        discussion::post(
            &db,
            Some(&bert),
            ReactionForm::member(subject, "vraag", "Ik ook"),
            "ip",
        )
        .await
        .unwrap();
    }
);

db_test!(platform_admins_are_set_by_address, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    assert!(!anna.is_admin);
    let err = admins::set_admin(&db, "niemand@buurt.nl", true)
        .await
        .unwrap_err();
    assert_eq!(err.status(), 404);
    admins::set_admin(&db, " ANNA@buurt.nl", true)
        .await
        .unwrap();
    assert!(
        queries::find_viewer(&db.pool, anna.id)
            .await
            .unwrap()
            .unwrap()
            .is_admin
    );
    assert_eq!(
        admins::list(&db).await.unwrap(),
        vec![("anna@buurt.nl".to_owned(), "Buur anna@buurt.nl".to_owned())]
    );
    admins::set_admin(&db, "anna@buurt.nl", false)
        .await
        .unwrap();
    assert!(
        !queries::find_viewer(&db.pool, anna.id)
            .await
            .unwrap()
            .unwrap()
            .is_admin
    );
    assert!(admins::list(&db).await.unwrap().is_empty());
});
