//! Guests' reactions against real databases (SQLite and PostgreSQL): what
//! a guest must give, the moderation queue they wait in, and the signed
//! challenge that keeps scripts out (one use, one subject, one server).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::discussion::all_threads;
use app::{
    accounts::queries as accounts,
    db::Db,
    db_test,
    discussion::{
        challenge::{solve, DIFFICULTY},
        queries,
        service::{self, ReactionForm},
    },
    error::AppError,
    testing::person,
};

/// A guest's reaction with a freshly issued and honestly solved challenge.
async fn guest(db: &Db, body: &str) -> ReactionForm {
    let challenge = app::discussion::guest_challenge::issue(db, "manifest")
        .await
        .unwrap();
    let nonce = solve(&challenge, DIFFICULTY).to_string();
    ReactionForm {
        guest_name: "Gast Jansen".into(),
        guest_email: "gast@buurt.nl".into(),
        challenge,
        nonce,
        ..ReactionForm::member("manifest", "vraag", body)
    }
}

db_test!(guest_reactions_wait_for_approval, |db: Db| async move {
    let id = service::post(
        &db,
        None,
        guest(&db, "Mag ik ook meedoen?").await,
        "10.1.1.1",
    )
    .await
    .unwrap();
    assert!(
        all_threads(&db, "manifest", None).await.is_empty(),
        "pending is not shown"
    );
    let anna = person(&db, "anna@buurt.nl").await;
    assert!(matches!(
        service::moderate(&db, &anna, id, true).await.unwrap_err(),
        AppError::Forbidden(_)
    ));
    sqlx::query("UPDATE users SET is_admin = 1 WHERE id = $1")
        .bind(anna.id)
        .execute(&db.pool)
        .await
        .unwrap();
    let admin = accounts::find_viewer(&db.pool, anna.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(queries::list_pending(&db.pool, 10).await.unwrap().len(), 1);
    service::moderate(&db, &admin, id, true).await.unwrap();
    let threads = all_threads(&db, "manifest", None).await;
    assert_eq!(
        (threads.len(), threads[0].author_name.as_str()),
        (1, "Gast Jansen")
    );
});

db_test!(
    guests_need_name_email_and_an_empty_honeypot_and_are_rate_limited,
    |db: Db| async move {
        let mut nameless = guest(&db, "Hallo").await;
        nameless.guest_name = String::new();
        nameless.guest_email = "geen".into();
        let err = service::post(&db, None, nameless, "10.2.2.2")
            .await
            .unwrap_err();
        assert!(
            err.has_field_code("name_too_short") && err.has_field_code("email_invalid"),
            "{err:?}"
        );
        let mut bot = guest(&db, "Koop nu!").await;
        bot.website = "https://spam.example".into();
        assert!(service::post(&db, None, bot, "10.2.2.2")
            .await
            .unwrap_err()
            .has_field_code("honeypot_filled"));
        for _ in 0..app::limits::GUEST_REACTIONS_PER_ADDRESS.max {
            service::post(&db, None, guest(&db, "Nog een vraag").await, "10.3.3.3")
                .await
                .unwrap();
        }
        let err = service::post(&db, None, guest(&db, "En nog een").await, "10.3.3.3")
            .await
            .unwrap_err();
        assert!(matches!(err, AppError::RateLimited(_)), "{err:?}");
        service::post(
            &db,
            None,
            guest(&db, "Van een ander adres").await,
            "10.4.4.4",
        )
        .await
        .unwrap();
        let pending: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE status = 'pending'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            pending,
            app::limits::GUEST_REACTIONS_PER_ADDRESS.max + 1,
            "the bot and the over-limit posts were not stored"
        );
    }
);

db_test!(
    the_challenge_must_be_solved_and_is_used_once,
    |db: Db| async move {
        let mut unsolved = guest(&db, "Zonder werk").await;
        unsolved.nonce = "1".into();
        if app::discussion::challenge::solves(&unsolved.challenge, "1", DIFFICULTY) {
            unsolved.nonce = "2".into(); // the one-in-65,536 chance that "1" solves it
        }
        let err = service::post(&db, None, unsolved, "10.5.5.5")
            .await
            .unwrap_err();
        assert!(err.has_field_code("challenge_failed"), "{err:?}");
        let mut made_up = guest(&db, "Verzonnen").await;
        made_up.challenge = "bestaat-niet".into();
        assert!(service::post(&db, None, made_up, "10.5.5.5")
            .await
            .unwrap_err()
            .has_field_code("challenge_failed"));
        let honest = guest(&db, "Eerlijk opgelost").await;
        let replay = ReactionForm {
            body: "Nog eens".into(),
            ..guest(&db, "x").await
        };
        let replay = ReactionForm {
            challenge: honest.challenge.clone(),
            nonce: honest.nonce.clone(),
            ..replay
        };
        service::post(&db, None, honest, "10.5.5.5").await.unwrap();
        let err = service::post(&db, None, replay, "10.5.5.6")
            .await
            .unwrap_err();
        assert!(
            err.has_field_code("challenge_failed"),
            "a used challenge is refused: {err:?}"
        );
    }
);

db_test!(
    a_challenge_holds_for_its_subject_and_the_server_secret,
    |db: Db| async move {
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        use app::discussion::guest_challenge;
        // Issued for the manifest, sent with a reaction on a principle.
        let elsewhere = ReactionForm {
            subject: "manifest:wat-goed-gaat".into(),
            ..guest(&db, "Op een andere plek").await
        };
        let err = service::post(&db, None, elsewhere, "10.6.6.6")
            .await
            .unwrap_err();
        assert!(err.has_field_code("challenge_failed"), "{err:?}");
        // The operator's secret replaces the generated one: what was signed
        // before no longer holds, what is signed after does.
        let before = guest(&db, "Voor het nieuwe geheim").await;
        guest_challenge::set_key(&db, "een-geheim-van-de-beheerder-0123456789")
            .await
            .unwrap();
        let err = service::post(&db, None, before, "10.6.6.6")
            .await
            .unwrap_err();
        assert!(err.has_field_code("challenge_failed"), "{err:?}");
        service::post(
            &db,
            None,
            guest(&db, "Na het nieuwe geheim").await,
            "10.6.6.6",
        )
        .await
        .unwrap();
    }
);

db_test!(
    used_solutions_are_forgotten_once_they_expired,
    |db: Db| async move {
        use app::discussion::guest_challenge::{forget_expired, LIFETIME_SECS};
        let now = app::db::now();
        for (solution, at) in [("oud:1", now - LIFETIME_SECS - 3600), ("vers:1", now)] {
            sqlx::query("INSERT INTO challenge_uses (solution, used_at) VALUES ($1, $2)")
                .bind(solution)
                .bind(at)
                .execute(&db.pool)
                .await
                .unwrap();
        }
        assert_eq!(forget_expired(&db).await.unwrap(), 1);
        let left: Vec<String> = sqlx::query_scalar("SELECT solution FROM challenge_uses")
            .fetch_all(&db.pool)
            .await
            .unwrap();
        assert_eq!(left, vec!["vers:1".to_owned()]);
    }
);
