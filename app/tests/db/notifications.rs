//! Notifications against real databases (SQLite and PostgreSQL): who hears
//! about a new plan, a reply, a mention, a phase change, an update and a
//! decision on a join request; reading them one by one or all at once; and
//! that nobody reads or marks someone else's.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::{queries as accounts, Viewer},
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    groups::service::{self as groups, GroupForm},
    notifications::{model::Kind, service as notifications},
    plans::{service as plans, updates},
};

use crate::common::{cast, form, outcome};

/// The kinds of someone's notifications, newest first.
async fn kinds(db: &Db, who: &Viewer) -> Vec<Kind> {
    notifications::list(db, Some(who))
        .await
        .unwrap()
        .iter()
        .map(|n| n.kind)
        .collect()
}

db_test!(
    plans_and_reactions_notify_the_right_people,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(&db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
            .await
            .unwrap();
        assert_eq!(kinds(&db, &c.member).await, vec![Kind::NewPlan]);
        assert_eq!(kinds(&db, &c.coordinator).await, vec![Kind::NewPlan]);
        assert!(
            kinds(&db, &c.writer).await.is_empty(),
            "not told of one's own plan"
        );
        assert!(kinds(&db, &c.outsider).await.is_empty());
        let list = notifications::list(&db, Some(&c.member)).await.unwrap();
        assert_eq!(list[0].title, "Bankjes op het plein");
        assert_eq!(list[0].detail, "Groen Transvaal");
        assert_eq!(list[0].link, format!("/plannen/{id}"));

        // A reply tells the parent's author; a mention tells the named member.
        let subject = format!("plan:{id}");
        let question = discussion::post(
            &db,
            Some(&c.outsider),
            ReactionForm::member(&subject, "vraag", "Hoeveel bankjes worden het?"),
            "ip",
        )
        .await
        .unwrap();
        let answer = ReactionForm {
            parent_id: Some(question),
            ..ReactionForm::member(
                &subject,
                "aanvulling",
                "Vier. @Buur lid@buurt.nl en @Buur coord@buurt.nl, helpen jullie?",
            )
        };
        discussion::post(&db, Some(&c.writer), answer, "ip")
            .await
            .unwrap();
        assert_eq!(kinds(&db, &c.outsider).await, vec![Kind::Reply]);
        assert_eq!(
            kinds(&db, &c.member).await,
            vec![Kind::Mention, Kind::NewPlan]
        );
        assert_eq!(
            kinds(&db, &c.coordinator).await,
            vec![Kind::Mention, Kind::NewPlan]
        );
        let mention = &notifications::list(&db, Some(&c.member)).await.unwrap()[0];
        assert!(
            mention.link.starts_with(&format!("/plannen/{id}?na=")),
            "{}",
            mention.link
        );
        assert_eq!(mention.actor_name, "Buur schrijver@buurt.nl");
        // Naming someone outside the group notifies nobody.
        let own = ReactionForm::member(&subject, "vraag", "Wat vindt @Buur admin@buurt.nl ervan?");
        discussion::post(&db, Some(&c.member), own, "ip")
            .await
            .unwrap();
        assert!(kinds(&db, &c.admin).await.is_empty());

        // Phase changes and updates reach the writer and the supporters.
        plans::support(&db, Some(&c.outsider), id).await.unwrap();
        plans::change_phase(&db, Some(&c.coordinator), id, "in_gesprek", "")
            .await
            .unwrap();
        assert_eq!(kinds(&db, &c.outsider).await[0], Kind::PlanPhase);
        assert_eq!(kinds(&db, &c.writer).await[0], Kind::PlanPhase);
        assert_eq!(
            kinds(&db, &c.member).await[0],
            Kind::Mention,
            "not a supporter"
        );
        let update = updates::UpdateForm {
            kind: "voortgang".into(),
            body: "De bankjes zijn besteld.".into(),
            ..Default::default()
        };
        updates::post(&db, Some(&c.writer), id, update)
            .await
            .unwrap();
        assert_eq!(kinds(&db, &c.outsider).await[0], Kind::PlanUpdate);
        assert_eq!(
            kinds(&db, &c.writer).await[0],
            Kind::PlanPhase,
            "not told of one's own update"
        );
    }
);

db_test!(
    decisions_on_join_requests_are_announced,
    |db: Db| async move {
        let c = cast(&db).await;
        let slug = groups::create(
            &db,
            Some(&c.coordinator),
            GroupForm {
                name: "Moestuin Noord".into(),
                neighbourhood: "Noord".into(),
                municipality: "Den Haag".into(),
                postcodes: String::new(),
                description: "Samen tuinieren aan de noordkant.".into(),
                mode: "request".into(),
                join_question: "Wat wil je kweken?".into(),
            },
        )
        .await
        .unwrap();
        let request = groups::request_to_join(&db, Some(&c.outsider), &slug, "Tomaten")
            .await
            .unwrap();
        groups::decide_request(&db, Some(&c.coordinator), request, true, "Welkom!")
            .await
            .unwrap();
        let list = notifications::list(&db, Some(&c.outsider)).await.unwrap();
        assert_eq!(
            (list[0].kind, list[0].detail.as_str()),
            (Kind::JoinDecision, "approved")
        );
        assert_eq!(list[0].title, "Moestuin Noord");
    }
);

db_test!(reading_notifications_is_personal, |db: Db| async move {
    let c = cast(&db).await;
    plans::create(&db, Some(&c.writer), &c.group, form("Eerste plan"))
        .await
        .unwrap();
    plans::create(&db, Some(&c.writer), &c.group, form("Tweede plan"))
        .await
        .unwrap();
    let unread = |who: Viewer| {
        let db = db.clone();
        async move {
            accounts::find_viewer(&db.pool, who.id)
                .await
                .unwrap()
                .unwrap()
                .unread
        }
    };
    assert_eq!(unread(c.member.clone()).await, 2, "the header's count");
    let list = notifications::list(&db, Some(&c.member)).await.unwrap();
    assert_eq!(
        outcome(notifications::mark_read(&db, Some(&c.coordinator), list[0].id).await),
        "not_found"
    );
    assert_eq!(
        outcome(notifications::mark_read(&db, None, list[0].id).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(notifications::list(&db, None).await),
        "unauthorized"
    );
    notifications::mark_read(&db, Some(&c.member), list[0].id)
        .await
        .unwrap();
    assert_eq!(unread(c.member.clone()).await, 1);
    assert_eq!(
        unread(c.coordinator.clone()).await,
        2,
        "others are untouched"
    );
    notifications::mark_all_read(&db, Some(&c.member))
        .await
        .unwrap();
    assert_eq!(unread(c.member.clone()).await, 0);
    assert!(notifications::list(&db, Some(&c.member))
        .await
        .unwrap()
        .iter()
        .all(|n| n.read));
});
