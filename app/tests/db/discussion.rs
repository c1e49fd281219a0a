//! Reactions against real databases (SQLite and PostgreSQL): posting, replies,
//! editing, deleting, the guest flow and sanitising.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::queries as accounts,
    db::Db,
    db_test,
    discussion::{
        challenge::{solve, DIFFICULTY},
        model::{Reaction, ReactionKind},
        queries,
        service::{self, ReactionForm},
    },
    error::AppError,
    testing::person,
};

fn form(subject: &str, kind: &str, body: &str) -> ReactionForm {
    ReactionForm::member(subject, kind, body)
}

/// Every thread of a subject as a guest reads them, page after page.
async fn all_threads(db: &Db, subject: &str, kind: Option<ReactionKind>) -> Vec<Reaction> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = service::page(db, None, subject, kind, after).await.unwrap();
        all.extend(page.threads);
        match page.next {
            Some(next) => after = Some(next),
            None => return all,
        }
    }
}

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
        ..form("manifest", "vraag", body)
    }
}

db_test!(
    a_reaction_and_its_reply_form_a_thread,
    |db: Db| async move {
        // Principle subjects must exist in the published manifest.
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        let bob = person(&db, "bob@buurt.nl").await;
        let first = service::post(
            &db,
            Some(&anna),
            form(
                "manifest:lange-termijn",
                "herkenning",
                "Dit herken ik *echt*.",
            ),
            "10.0.0.1",
        )
        .await
        .unwrap();
        let mut reply = form("manifest:lange-termijn", "aanvulling", "Bij ons ook.");
        reply.parent_id = Some(first);
        let second = service::post(&db, Some(&bob), reply, "10.0.0.2")
            .await
            .unwrap();
        let threads = all_threads(&db, "manifest:lange-termijn", None).await;
        assert_eq!(threads.len(), 1);
        assert_eq!(threads[0].html, "<p>Dit herken ik <em>echt</em>.</p>\n");
        assert_eq!(
            threads[0].replies.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![second]
        );
        assert_eq!(threads[0].author_name, "Buur anna@buurt.nl");
        // Threads are one level deep, and replies stay on their own subject.
        let mut deeper = form("manifest:lange-termijn", "vraag", "En verder?");
        deeper.parent_id = Some(second);
        assert!(service::post(&db, Some(&anna), deeper, "10.0.0.1")
            .await
            .unwrap_err()
            .has_field_code("reply_not_possible"));
        let mut elsewhere = form("manifest", "vraag", "Hier?");
        elsewhere.parent_id = Some(first);
        assert!(service::post(&db, Some(&anna), elsewhere, "10.0.0.1")
            .await
            .unwrap_err()
            .has_field_code("reply_not_possible"));
        assert!(
            all_threads(&db, "manifest", None).await.is_empty(),
            "subjects are separate"
        );
    }
);

db_test!(reactions_filter_by_kind, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    service::post(
        &db,
        Some(&anna),
        form("manifest", "vraag", "Hoe begin je?"),
        "ip",
    )
    .await
    .unwrap();
    service::post(
        &db,
        Some(&anna),
        form("manifest", "zorg", "Ik maak me zorgen."),
        "ip",
    )
    .await
    .unwrap();
    let questions = all_threads(&db, "manifest", Some(ReactionKind::Vraag)).await;
    assert_eq!(questions.len(), 1);
    assert_eq!(questions[0].kind, ReactionKind::Vraag);
    assert_eq!(all_threads(&db, "manifest", None).await.len(), 2);
    let err = service::post(&db, Some(&anna), form("manifest", "ruzie", "Zo."), "ip")
        .await
        .unwrap_err();
    assert!(err.has_field_code("kind_invalid"));
});

db_test!(
    authors_edit_in_time_and_deleted_parents_stay_as_verwijderd,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        let bob = person(&db, "bob@buurt.nl").await;
        let id = service::post(
            &db,
            Some(&anna),
            form("manifest", "vraag", "Eerste versie"),
            "ip",
        )
        .await
        .unwrap();
        assert!(matches!(
            service::edit(&db, &bob, id, "vraag", "Niet van mij")
                .await
                .unwrap_err(),
            AppError::Forbidden(_)
        ));
        service::edit(&db, &anna, id, "aanvulling", "Tweede **versie**")
            .await
            .unwrap();
        let stored = queries::find(&db.pool, id).await.unwrap().unwrap();
        assert!(stored.reaction.edited && stored.reaction.html.contains("<strong>versie</strong>"));
        assert_eq!(stored.reaction.kind, ReactionKind::Aanvulling);
        // After the window, editing is refused.
        sqlx::query("UPDATE reactions SET created_at = created_at - 901 WHERE id = $1")
            .bind(id)
            .execute(&db.pool)
            .await
            .unwrap();
        assert!(matches!(
            service::edit(&db, &anna, id, "vraag", "Te laat")
                .await
                .unwrap_err(),
            AppError::Conflict(_)
        ));
        let mut reply = form("manifest", "aanvulling", "Antwoord");
        reply.parent_id = Some(id);
        service::post(&db, Some(&bob), reply, "ip").await.unwrap();
        assert!(matches!(
            service::delete(&db, &bob, id).await.unwrap_err(),
            AppError::Forbidden(_)
        ));
        service::delete(&db, &anna, id).await.unwrap();
        let threads = all_threads(&db, "manifest", None).await;
        assert_eq!(threads.len(), 1, "kept for its reply");
        assert!(
            threads[0].deleted && threads[0].html.is_empty() && threads[0].source.is_empty(),
            "text is gone"
        );
        assert_eq!(threads[0].replies.len(), 1);
        let lonely = service::post(&db, Some(&anna), form("manifest", "vraag", "Alleen"), "ip")
            .await
            .unwrap();
        service::delete(&db, &anna, lonely).await.unwrap();
        assert_eq!(
            all_threads(&db, "manifest", None).await.len(),
            1,
            "a deleted reaction without replies disappears"
        );
    }
);

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
    every_xss_payload_in_the_corpus_is_made_harmless,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        let corpus = include_str!("xss_corpus.txt");
        let payloads: Vec<&str> = corpus.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(
            payloads.len() >= 30,
            "the corpus has {} payloads",
            payloads.len()
        );
        for payload in &payloads {
            service::post(&db, Some(&anna), form("manifest", "vraag", payload), "ip")
                .await
                .unwrap();
        }
        let threads = all_threads(&db, "manifest", None).await;
        assert_eq!(threads.len(), payloads.len());
        for thread in threads {
            assert_only_safe_tags(&thread.html, &thread.source);
        }
    }
);

/// Every tag in `html` must be on the allow-list, with no attribute but a
/// web or mail `href` and `rel`. Text may mention anything: it is escaped.
pub(crate) fn assert_only_safe_tags(html: &str, source: &str) {
    const ALLOWED: [&str; 8] = ["p", "br", "em", "strong", "a", "ul", "ol", "li"];
    for tag in html.split('<').skip(1) {
        let inside = tag.split('>').next().unwrap_or("").to_lowercase();
        let name = inside
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("");
        assert!(
            ALLOWED.contains(&name),
            "tag <{inside}> survived from {source:?}"
        );
        for attribute in inside.split_whitespace().skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            assert!(
                key == "href" || key == "rel" || !attribute.contains('='),
                "attribute {attribute} from {source:?}"
            );
            if key == "href" {
                let value = value.trim_matches('"');
                assert!(
                    value.starts_with("http://")
                        || value.starts_with("https://")
                        || value.starts_with("mailto:"),
                    "href {value} from {source:?}"
                );
            }
        }
    }
}

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
