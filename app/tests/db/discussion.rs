//! Reactions against real databases (SQLite and PostgreSQL): posting, replies,
//! editing, deleting and sanitising (guests: `discussion_guests.rs`).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    discussion::{
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
pub async fn all_threads(db: &Db, subject: &str, kind: Option<ReactionKind>) -> Vec<Reaction> {
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

// A reply to a question can be an answer (migration 0027 widened the kinds
// on both databases); a new reaction cannot, and an edit keeps that rule.
db_test!(an_answer_is_a_reply_to_a_question, |db: Db| async move {
    let anna = person(&db, "anna@buurt.nl").await;
    let question = service::post(
        &db,
        Some(&anna),
        form("manifest", "vraag", "Hoe laat?"),
        "ip",
    )
    .await
    .unwrap();
    let mut reply = form("manifest", "antwoord", "Om acht uur.");
    reply.parent_id = Some(question);
    let answer = service::post(&db, Some(&anna), reply, "ip").await.unwrap();
    let threads = all_threads(&db, "manifest", None).await;
    let stored = &threads[0].replies[0];
    assert_eq!((stored.id, stored.kind), (answer, ReactionKind::Antwoord));

    let err = service::post(
        &db,
        Some(&anna),
        form("manifest", "antwoord", "Zomaar."),
        "ip",
    )
    .await
    .unwrap_err();
    assert!(err.has_field_code("kind_invalid"));
    let err = service::edit(&db, &anna, question, "antwoord", "Hoe laat dan?")
        .await
        .unwrap_err();
    assert!(err.has_field_code("kind_invalid"));
    service::edit(&db, &anna, answer, "aanvulling", "Om acht uur, denk ik.")
        .await
        .unwrap();
});
