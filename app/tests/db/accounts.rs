//! Account rules against real databases: every test runs on a fresh SQLite
//! file and on a fresh PostgreSQL database.

use app::{
    accounts::{
        queries, service,
        signup::{self, Registration, SignupMail},
    },
    db_test,
    error::AppError,
    testing::signed_up,
};

fn anna() -> Registration {
    Registration {
        email: "Anna@Buurt.nl ".into(),
        display_name: "Anna de Wit".into(),
        password: "Fietsbel-Lindeboom-42".into(),
        role: "bewoner".into(),
    }
}

// A sign-up makes no account: it cannot log in, and nobody can tell it from
// a sign-up with a taken address. Its link makes the account, once.
db_test!(
    a_sign_up_becomes_an_account_through_its_link_once,
    |db: app::db::Db| async move {
        let Some(SignupMail::Confirm { code, email, name }) =
            signup::sign_up(&db, anna()).await.unwrap()
        else {
            panic!("a new address gets a link");
        };
        assert_eq!(
            (email.as_str(), name.as_str()),
            ("anna@buurt.nl", "Anna de Wit")
        );
        let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(users, 0, "no account before the link is used");
        let err = service::authenticate(&db, "anna@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.1")
            .await
            .unwrap_err();
        assert!(matches!(err, AppError::Unauthorized(_)), "{err:?}");
        let waiting = signup::waiting(&db, &code).await.unwrap().unwrap();
        assert_eq!(waiting.display_name, "Anna de Wit");
        let id = signup::confirm(&db, &code).await.unwrap();
        let again = signup::confirm(&db, &code).await.unwrap_err();
        assert_eq!(again.status(), 409, "a link works once: {again:?}");
        assert!(signup::waiting(&db, &code).await.unwrap().is_none());
        let viewer = queries::find_viewer(&db.pool, id).await.unwrap().unwrap();
        assert_eq!(viewer.display_name, "Anna de Wit");
        assert_eq!(viewer.role, app::accounts::Role::Bewoner);
        assert!(!viewer.is_admin);
        let profile = queries::find_profile(&db.pool, id).await.unwrap().unwrap();
        assert_eq!(profile.email, "anna@buurt.nl", "email is stored normalised");
        let (_, hash) = queries::find_credentials(&db.pool, "anna@buurt.nl")
            .await
            .unwrap()
            .unwrap();
        assert!(
            hash.starts_with("$argon2id$"),
            "password is hashed with Argon2id"
        );
    }
);

// Before, a taken address answered `email_taken`: anyone could test which
// addresses have an account. Now its owner gets a note and the answer is
// the one a new address gets.
db_test!(
    a_taken_address_gets_a_note_and_no_second_account,
    |db: app::db::Db| async move {
        signed_up(&db, anna()).await;
        let mut again = anna();
        again.email = "ANNA@buurt.NL".into();
        again.display_name = "Iemand Anders".into();
        let mail = signup::sign_up(&db, again).await.unwrap();
        let Some(SignupMail::AlreadyRegistered { email, name }) = mail else {
            panic!("the owner is told: {mail:?}");
        };
        assert_eq!(
            (email.as_str(), name.as_str()),
            ("anna@buurt.nl", "Anna de Wit")
        );
        let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_registrations")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(waiting, 0, "nothing waits for a taken address");
    }
);

db_test!(
    bad_input_is_refused_with_all_field_errors,
    |db: app::db::Db| async move {
        let err = signup::sign_up(
            &db,
            Registration {
                email: "geen-adres".into(),
                display_name: "A".into(),
                password: "kort".into(),
                role: "koning".into(),
            },
        )
        .await
        .unwrap_err();
        for code in [
            "email_invalid",
            "name_too_short",
            "password_too_short",
            "role_invalid",
        ] {
            assert!(err.has_field_code(code), "missing {code}: {err:?}");
        }
        let mut common = anna();
        common.password = "password123".into();
        let err = signup::sign_up(&db, common).await.unwrap_err();
        assert!(err.has_field_code("password_common"), "{err:?}");
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pending_registrations")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(count, 0, "nothing is stored for refused input");
    }
);

db_test!(
    login_accepts_the_right_password,
    |db: app::db::Db| async move {
        let id = signed_up(&db, anna()).await;
        let viewer =
            service::authenticate(&db, " ANNA@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.1")
                .await
                .unwrap();
        assert_eq!(viewer.id, id);
    }
);

db_test!(
    wrong_password_and_unknown_email_look_the_same,
    |db: app::db::Db| async move {
        signed_up(&db, anna()).await;
        let wrong =
            service::authenticate(&db, "anna@buurt.nl", "Fietsbel-Lindeboom-43", "10.0.0.1")
                .await
                .unwrap_err();
        let unknown =
            service::authenticate(&db, "nobody@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.1")
                .await
                .unwrap_err();
        assert!(matches!(wrong, AppError::Unauthorized(_)), "{wrong:?}");
        assert_eq!(wrong, unknown);
    }
);

// Wrong passwords from one address stop that address, not the owner: the
// right password from another address still logs in (before, five wrong
// ones locked the account for everyone, its owner too).
db_test!(
    failures_stop_the_guessing_address_not_the_owner,
    |db: app::db::Db| async move {
        use app::limits::{LOGIN_FAILURES_PER_ACCOUNT_AT_ADDRESS, LOGIN_FAILURES_PER_ADDRESS};
        signed_up(&db, anna()).await;
        for _ in 0..LOGIN_FAILURES_PER_ACCOUNT_AT_ADDRESS.max {
            let err =
                service::authenticate(&db, "anna@buurt.nl", "verkeerd-wachtwoord", "10.0.0.2")
                    .await
                    .unwrap_err();
            assert!(matches!(err, AppError::Unauthorized(_)));
        }
        let err = service::authenticate(&db, "anna@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.2")
            .await
            .unwrap_err();
        assert!(
            matches!(err, AppError::RateLimited(_)),
            "the guessing address waits: {err:?}"
        );
        assert_eq!(err.status(), 429);
        // Anna, at home, gets in (her account is slowed, not locked).
        service::authenticate(&db, "anna@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.9")
            .await
            .unwrap();
        // One address trying many accounts is stopped as a whole.
        for n in 0..LOGIN_FAILURES_PER_ADDRESS.max {
            let email = format!("iemand{n}@buurt.nl");
            let _refused = service::authenticate(&db, &email, "raden", "10.0.0.3").await;
        }
        let err = service::authenticate(&db, "anna@buurt.nl", "Fietsbel-Lindeboom-42", "10.0.0.3")
            .await
            .unwrap_err();
        assert_eq!(err.status(), 429);
    }
);

db_test!(
    profile_updates_are_validated_and_saved,
    |db: app::db::Db| async move {
        let id = signed_up(&db, anna()).await;
        let viewer = queries::find_viewer(&db.pool, id).await.unwrap().unwrap();
        let err = service::update_profile(
            &db,
            &viewer,
            service::ProfileUpdate {
                display_name: "Anna".into(),
                role: "keizer".into(),
                neighbourhood: "".into(),
                municipality: "".into(),
            },
        )
        .await
        .unwrap_err();
        assert!(err.has_field_code("role_invalid"));
        service::update_profile(
            &db,
            &viewer,
            service::ProfileUpdate {
                display_name: " Anna W. ".into(),
                role: "opbouwwerker".into(),
                neighbourhood: "Transvaal".into(),
                municipality: "Den Haag".into(),
            },
        )
        .await
        .unwrap();
        let profile = queries::find_profile(&db.pool, id).await.unwrap().unwrap();
        assert_eq!(
            (
                profile.display_name.as_str(),
                profile.neighbourhood.as_str()
            ),
            ("Anna W.", "Transvaal")
        );
        assert_eq!(profile.role, app::accounts::Role::Opbouwwerker);
    }
);

db_test!(
    concurrent_writers_do_not_fail,
    |db: app::db::Db| async move {
        // Twenty registrations at once: SQLite must queue the writers (WAL and
        // busy timeout), not answer "database is locked".
        let tasks: Vec<_> = (0..20)
            .map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut form = anna();
                    form.email = format!("buur{i}@buurt.nl");
                    signed_up(&db, form).await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let mut tx = db.write_tx().await.unwrap();
        sqlx::query("UPDATE users SET municipality = 'Zwolle'")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE municipality = 'Zwolle'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(count, 20);
    }
);

db_test!(
    demo_data_is_refused_beside_real_accounts,
    |db: app::db::Db| async move {
        app::testing::person(&db, "echt@buurt.nl").await;
        let err = app::demo::seed(&db).await.unwrap_err();
        assert!(
            matches!(err, app::demo::DemoError::RealAccounts(1)),
            "{err}"
        );
        assert!(err.to_string().contains("Start without WIJKPLEIN_DEMO"));
        let admins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(admins, 0, "no demo admin beside real people");
    }
);

db_test!(demo_data_loads_once, |db: app::db::Db| async move {
    app::demo::seed(&db).await.unwrap();
    app::demo::seed(&db).await.unwrap();
    let groups = app::groups::service::directory(&db, "", None)
        .await
        .unwrap();
    assert_eq!(groups.groups.len(), 3, "demo groups once");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(count, 4);
    service::authenticate(
        &db,
        "fatima@demo.wijkplein.nl",
        app::demo::DEMO_PASSWORD,
        "127.0.0.1",
    )
    .await
    .unwrap();
});
