//! The discussion on a plan against real databases (SQLite and PostgreSQL):
//! three levels of replies, the reaction count, edits with their kept
//! versions, deletes that keep the thread, pages of threads, who may do what,
//! and live events (also from one "instance" to another on PostgreSQL).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    discussion::{
        model::ThreadCursor,
        service::{self as discussion, ReactionForm, PAGE_SIZE},
    },
    live::LiveEvent,
    plans::service as plans,
};
use std::time::Duration;

use crate::common::{cast, form, outcome, Cast};

async fn plan(db: &Db, c: &Cast) -> (i64, String) {
    let id = plans::create(db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
        .await
        .unwrap();
    (id, format!("plan:{id}"))
}

fn reply(subject: &str, parent: i64, body: &str) -> ReactionForm {
    ReactionForm {
        parent_id: Some(parent),
        ..ReactionForm::member(subject, "aanvulling", body)
    }
}

async fn count(db: &Db, id: i64) -> i64 {
    plans::plan(db, id).await.unwrap().reaction_count
}

db_test!(plans_are_discussed_three_levels_deep, |db: Db| async move {
    let c = cast(&db).await;
    let (id, subject) = plan(&db, &c).await;
    let top = discussion::post(
        &db,
        Some(&c.outsider),
        ReactionForm::member(&subject, "vraag", "Komen er ook bankjes in de schaduw?"),
        "10.0.0.1",
    )
    .await
    .unwrap();
    let second = discussion::post(
        &db,
        Some(&c.writer),
        reply(&subject, top, "Ja, twee."),
        "ip",
    )
    .await
    .unwrap();
    let third = discussion::post(&db, Some(&c.member), reply(&subject, second, "Mooi!"), "ip")
        .await
        .unwrap();
    let fourth = discussion::post(&db, Some(&c.member), reply(&subject, third, "En?"), "ip").await;
    assert!(fourth.unwrap_err().has_field_code("reply_not_possible"));
    assert_eq!(count(&db, id).await, 3);

    let page = discussion::page(&db, Some(&c.member), &subject, None, None)
        .await
        .unwrap();
    assert_eq!(page.threads.len(), 1);
    let t = &page.threads[0];
    assert_eq!(
        (t.id, t.replies[0].id, t.replies[0].replies[0].id),
        (top, second, third)
    );
    assert_eq!(t.replies[0].replies[0].depth, 2);

    // Deleting the middle one keeps the thread readable; the count follows.
    discussion::delete(&db, &c.writer, second).await.unwrap();
    assert_eq!(count(&db, id).await, 2);
    let page = discussion::page(&db, None, &subject, None, None)
        .await
        .unwrap();
    let middle = &page.threads[0].replies[0];
    assert!(middle.deleted && middle.html.is_empty());
    assert_eq!(middle.replies[0].id, third);
    // A reply to a deleted reaction is not possible.
    let late = discussion::post(
        &db,
        Some(&c.member),
        reply(&subject, second, "Hallo?"),
        "ip",
    );
    assert!(late.await.unwrap_err().has_field_code("reply_not_possible"));
});

db_test!(who_may_react_on_a_plan, |db: Db| async move {
    let c = cast(&db).await;
    let (_, subject) = plan(&db, &c).await;
    let text = ReactionForm::member(&subject, "herkenning", "Goed idee, ik help mee.");
    let guest = ReactionForm {
        guest_name: "Gast".into(),
        guest_email: "gast@buurt.nl".into(),
        ..ReactionForm::member(&subject, "herkenning", "Goed idee, ik help mee.")
    };
    assert_eq!(
        outcome(discussion::post(&db, None, guest, "ip").await),
        "unauthorized"
    );
    for who in [&c.outsider, &c.member, &c.coordinator, &c.admin, &c.writer] {
        let posted = discussion::post(&db, Some(who), text_clone(&text), "ip");
        assert_eq!(outcome(posted.await), "ok", "anyone logged in may react");
    }
    let unknown = ReactionForm::member("plan:999999", "vraag", "Bestaat dit plan?");
    assert_eq!(
        outcome(discussion::post(&db, Some(&c.member), unknown, "ip").await),
        "not_found"
    );
    // Only the author (or an admin) deletes; a coordinator hides instead (moderation).
    let own = discussion::post(&db, Some(&c.member), text_clone(&text), "ip")
        .await
        .unwrap();
    for (who, expected) in [
        (&c.outsider, "forbidden"),
        (&c.coordinator, "forbidden"),
        (&c.writer, "forbidden"),
    ] {
        assert_eq!(outcome(discussion::delete(&db, who, own).await), expected);
    }
    assert_eq!(outcome(discussion::delete(&db, &c.admin, own).await), "ok");
});

fn text_clone(f: &ReactionForm) -> ReactionForm {
    ReactionForm {
        parent_id: f.parent_id,
        ..ReactionForm::member(&f.subject, &f.kind, &f.body)
    }
}

db_test!(
    edits_keep_earlier_versions_for_moderators,
    |db: Db| async move {
        let c = cast(&db).await;
        let (_, subject) = plan(&db, &c).await;
        let id = discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member(&subject, "zorg", "Eerste versie van mijn zorg."),
            "ip",
        )
        .await
        .unwrap();
        discussion::edit(&db, &c.member, id, "zorg", "Tweede versie.")
            .await
            .unwrap();
        discussion::edit(&db, &c.member, id, "vraag", "Derde versie?")
            .await
            .unwrap();
        assert_eq!(
            outcome(discussion::edit(&db, &c.outsider, id, "vraag", "Niet van mij.").await),
            "forbidden"
        );
        for (who, moderator) in [
            (None, false),
            (Some(&c.outsider), false),
            (Some(&c.member), false),
            (Some(&c.writer), false),
            (Some(&c.coordinator), true),
            (Some(&c.admin), true),
        ] {
            let page = discussion::page(&db, who, &subject, None, None)
                .await
                .unwrap();
            let r = &page.threads[0];
            assert!(r.edited, "everyone sees that it was edited");
            assert_eq!(r.html, "<p>Derde versie?</p>\n");
            assert_eq!(page.moderator, moderator);
            let earlier: Vec<&str> = r.versions.iter().map(|v| v.source.as_str()).collect();
            if moderator {
                assert_eq!(
                    earlier,
                    vec!["Eerste versie van mijn zorg.", "Tweede versie."]
                );
            } else {
                assert!(earlier.is_empty());
            }
        }
    }
);

db_test!(long_discussions_come_in_pages, |db: Db| async move {
    let c = cast(&db).await;
    let (_, subject) = plan(&db, &c).await;
    let mut tops = Vec::new();
    for n in 0..45 {
        let body = format!("Reactie nummer {n}");
        let id = discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member(&subject, "vraag", &body),
            "ip",
        )
        .await
        .unwrap();
        discussion::post(&db, Some(&c.writer), reply(&subject, id, "Dank je!"), "ip")
            .await
            .unwrap();
        tops.push(id);
    }
    // Several reactions in the same second: the cursor uses the id too.
    let mut seen = Vec::new();
    let mut after: Option<ThreadCursor> = None;
    let mut pages = 0;
    loop {
        let page = discussion::page(&db, None, &subject, None, after)
            .await
            .unwrap();
        pages += 1;
        assert!(page.threads.len() as i64 <= PAGE_SIZE);
        assert!(page.threads.iter().all(|t| t.replies.len() == 1));
        seen.extend(page.threads.iter().map(|t| t.id));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    tops.reverse();
    assert_eq!(seen, tops, "newest first, each thread once");
});

db_test!(changes_are_announced_live, |db: Db| async move {
    let c = cast(&db).await;
    let (id, subject) = plan(&db, &c).await;
    if db.backend == app::db::Backend::Postgres {
        // On PostgreSQL the events travel through LISTEN/NOTIFY; see
        // `live_events_reach_another_instance` below.
        return;
    }
    let mut events = db.live.subscribe();
    discussion::post(
        &db,
        Some(&c.member),
        ReactionForm::member(&subject, "vraag", "Wanneer?"),
        "ip",
    )
    .await
    .unwrap();
    plans::change_phase(&db, Some(&c.writer), id, "in_gesprek", "")
        .await
        .unwrap();
    plans::support(&db, Some(&c.member), id).await.unwrap();
    for kind in ["reaction", "phase", "support"] {
        let event = tokio::time::timeout(Duration::from_secs(1), events.recv()).await;
        assert_eq!(event.unwrap().unwrap(), LiveEvent::plan(id, kind));
    }
});

/// Two connections to one PostgreSQL database stand for two server
/// instances: a change made through one reaches the readers of the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_events_reach_another_instance() {
    let Some((first, url)) = app::testing::postgres_with_url().await else {
        return;
    };
    let second = Db::connect(&url, 2).await.unwrap();
    app::live::listen(&first, &url).await.unwrap();
    let mut events = first.live.subscribe();
    let c = cast(&second).await;
    let (id, subject) = plan(&second, &c).await;
    discussion::post(
        &second,
        Some(&c.member),
        ReactionForm::member(&subject, "vraag", "Wanneer?"),
        "ip",
    )
    .await
    .unwrap();
    let event = tokio::time::timeout(Duration::from_secs(1), events.recv()).await;
    assert_eq!(event.unwrap().unwrap(), LiveEvent::plan(id, "reaction"));
}
