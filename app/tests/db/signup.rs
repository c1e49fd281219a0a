//! Signing up through a link by mail, on both backends: what waits, what
//! expires, and who gets which mail.

use app::{
    accounts::{
        queries,
        signup::{self, Registration, SignupMail, SIGNUP_LIFETIME},
    },
    db::Db,
    db_test,
    limits::SIGNUP_MAILS_PER_EMAIL,
};

fn sign_up_as(name: &str, password: &str) -> Registration {
    Registration {
        email: "joost@buurt.nl".into(),
        display_name: name.into(),
        password: password.into(),
        role: "bewoner".into(),
    }
}

async fn code_of(db: &Db, form: Registration) -> String {
    match signup::sign_up(db, form).await.unwrap() {
        Some(SignupMail::Confirm { code, .. }) => code,
        other => panic!("expected a link: {other:?}"),
    }
}

async fn waiting(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM pending_registrations")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

// Someone signs up with Joost's address before he does. Each link makes the
// account with its own details, so Joost, using the link he asked for, gets
// his name and password; the stranger's link is then dead.
db_test!(
    each_link_makes_the_account_with_its_own_details,
    |db: Db| async move {
        let stranger = code_of(&db, sign_up_as("Vreemde", "Kraai-Zolder-Paraplu-7")).await;
        let joost = code_of(&db, sign_up_as("Joost", "Fietsbel-Lindeboom-42")).await;
        assert_eq!(waiting(&db).await, 2, "both wait");
        let id = signup::confirm(&db, &joost).await.unwrap();
        let viewer = queries::find_viewer(&db.pool, id).await.unwrap().unwrap();
        assert_eq!(viewer.display_name, "Joost");
        app::accounts::service::authenticate(
            &db,
            "joost@buurt.nl",
            "Fietsbel-Lindeboom-42",
            "10.0.0.1",
        )
        .await
        .unwrap();
        let err = signup::confirm(&db, &stranger).await.unwrap_err();
        assert_eq!(err.status(), 409, "{err:?}");
        assert_eq!(
            waiting(&db).await,
            0,
            "the other sign-ups for the address are gone"
        );
    }
);

// Accounts that never confirm are removed after 48 hours: their link no
// longer works, and the hourly job deletes them.
db_test!(
    unconfirmed_sign_ups_expire_after_48_hours,
    |db: Db| async move {
        let old = code_of(&db, sign_up_as("Joost", "Fietsbel-Lindeboom-42")).await;
        sqlx::query("UPDATE pending_registrations SET created_at = created_at - $1, expires_at = expires_at - $1")
        .bind(SIGNUP_LIFETIME + 1)
        .execute(&db.pool)
        .await
        .unwrap();
        let mut fresh = sign_up_as("Joost", "Fietsbel-Lindeboom-42");
        fresh.email = "anna@buurt.nl".into();
        code_of(&db, fresh).await;
        assert!(signup::waiting(&db, &old).await.unwrap().is_none());
        let err = signup::confirm(&db, &old).await.unwrap_err();
        assert_eq!(err.status(), 409);
        assert_eq!(
            signup::forget_expired(&db).await.unwrap(),
            0,
            "the new sign-up cleared it already"
        );
        let left: Vec<String> = sqlx::query_scalar("SELECT email FROM pending_registrations")
            .fetch_all(&db.pool)
            .await
            .unwrap();
        assert_eq!(
            left,
            vec!["anna@buurt.nl".to_owned()],
            "only the fresh one waits"
        );
        sqlx::query("UPDATE pending_registrations SET expires_at = expires_at - $1")
            .bind(SIGNUP_LIFETIME)
            .execute(&db.pool)
            .await
            .unwrap();
        assert_eq!(signup::forget_expired(&db).await.unwrap(), 1);
        assert_eq!(waiting(&db).await, 0);
    }
);

// Nobody fills someone's inbox by signing up with their address over and
// over: past a few mails an hour, sign-ups for it send nothing and keep
// nothing, and the answer does not change.
db_test!(
    mails_per_address_are_limited_without_telling,
    |db: Db| async move {
        for _ in 0..SIGNUP_MAILS_PER_EMAIL.max {
            code_of(&db, sign_up_as("Joost", "Fietsbel-Lindeboom-42")).await;
        }
        let more = signup::sign_up(&db, sign_up_as("Joost", "Fietsbel-Lindeboom-42"))
            .await
            .unwrap();
        assert!(more.is_none(), "no mail past the limit: {more:?}");
        assert_eq!(waiting(&db).await, SIGNUP_MAILS_PER_EMAIL.max);
    }
);
