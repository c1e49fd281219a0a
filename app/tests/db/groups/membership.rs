//! Joining and leaving: open groups, requests and their answers, and the
//! rule that a group always keeps a coordinator, also when two act at once.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use super::{cast, outcome, standing};
use app::{
    db::Db,
    db_test,
    groups::{
        model::{MemberRole, Standing},
        queries, service,
    },
    testing::person,
};

db_test!(joining_an_open_group, |db: Db| async move {
    let c = cast(&db, "open", "open").await;
    assert_eq!(
        outcome(service::join(&db, None, &c.slug).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(service::join(&db, Some(&c.member), &c.slug).await),
        "conflict"
    );
    assert_eq!(
        outcome(service::join(&db, Some(&c.outsider), &c.slug).await),
        "ok"
    );
    assert_eq!(
        outcome(service::join(&db, Some(&c.admin), &c.slug).await),
        "ok"
    );
    assert_eq!(
        outcome(service::join(&db, Some(&c.admin), "bestaat-niet").await),
        "not_found"
    );
    assert_eq!(
        service::group(&db, &c.slug)
            .await
            .unwrap()
            .summary
            .member_count,
        4
    );
    // An open group takes no requests.
    let late = person(&db, "laat@buurt.nl").await;
    assert_eq!(
        outcome(service::request_to_join(&db, Some(&late), &c.slug, "Graag").await),
        "conflict"
    );
});

db_test!(
    two_people_joining_at_the_same_moment_both_get_in,
    |db: Db| async move {
        let c = cast(&db, "race", "open").await;
        let (db1, db2) = (db.clone(), db.clone());
        let (slug1, slug2) = (c.slug.clone(), c.slug.clone());
        let (a, b) = (c.outsider.clone(), c.admin.clone());
        let (r1, r2) = tokio::join!(
            tokio::spawn(async move { service::join(&db1, Some(&a), &slug1).await }),
            tokio::spawn(async move { service::join(&db2, Some(&b), &slug2).await }),
        );
        r1.unwrap().unwrap();
        r2.unwrap().unwrap();
        // The same person clicking twice at once gets in once.
        let twice = person(&db, "dubbel@buurt.nl").await;
        let (db1, db2) = (db.clone(), db.clone());
        let (slug1, slug2) = (c.slug.clone(), c.slug.clone());
        let (t1, t2) = (twice.clone(), twice.clone());
        let (r1, r2) = tokio::join!(
            tokio::spawn(async move { service::join(&db1, Some(&t1), &slug1).await }),
            tokio::spawn(async move { service::join(&db2, Some(&t2), &slug2).await }),
        );
        let results = [outcome(r1.unwrap()), outcome(r2.unwrap())];
        assert!(
            results.contains(&"ok") && results.contains(&"conflict"),
            "{results:?}"
        );
        let members = queries::members(&db.pool, c.id).await.unwrap();
        assert_eq!(members.len(), 5);
        assert_eq!(
            service::group(&db, &c.slug)
                .await
                .unwrap()
                .summary
                .member_count,
            5
        );
    }
);

db_test!(
    a_request_is_answered_by_a_coordinator_only,
    |db: Db| async move {
        let c = cast(&db, "aanvraag", "request").await;
        let asker = c.outsider.clone();
        assert_eq!(
            outcome(service::join(&db, Some(&asker), &c.slug).await),
            "conflict"
        );
        assert!(service::request_to_join(&db, Some(&asker), &c.slug, "  ")
            .await
            .unwrap_err()
            .has_field_code("group_answer_length"));
        assert_eq!(
            outcome(service::request_to_join(&db, None, &c.slug, "Ik").await),
            "unauthorized"
        );
        let id = service::request_to_join(&db, Some(&asker), &c.slug, "Ik heb een bakfiets.")
            .await
            .unwrap();
        assert_eq!(
            standing(&db, &asker, c.id).await,
            Standing::Pending { request_id: id }
        );
        assert_eq!(
            outcome(service::request_to_join(&db, Some(&asker), &c.slug, "Nog eens").await),
            "conflict"
        );
        // Only coordinators decide; the asker cannot let themselves in.
        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&asker), "forbidden"),
            (Some(&c.member), "forbidden"),
            (Some(&c.admin), "forbidden"),
        ] {
            assert_eq!(
                outcome(service::decide_request(&db, who, id, true, "").await),
                expected
            );
        }
        let slug = service::decide_request(&db, Some(&c.coordinator), id, true, "Welkom, buur!")
            .await
            .unwrap();
        assert_eq!(slug, c.slug);
        assert!(standing(&db, &asker, c.id).await.is_member());
        assert_eq!(
            outcome(service::decide_request(&db, Some(&c.coordinator), id, false, "").await),
            "conflict"
        );
        // The outcome and the message show on the asker's own page.
        let mine = service::mine(&db, Some(&asker)).await.unwrap();
        assert_eq!(mine.groups.len(), 1);
        assert_eq!(mine.requests[0].message, "Welkom, buur!");
        assert_eq!(
            mine.requests[0].status,
            app::groups::model::RequestStatus::Approved
        );
        assert_eq!(outcome(service::mine(&db, None).await), "unauthorized");
    }
);

db_test!(
    a_request_can_be_declined_or_withdrawn,
    |db: Db| async move {
        let c = cast(&db, "nee", "request").await;
        let id = service::request_to_join(&db, Some(&c.outsider), &c.slug, "Graag")
            .await
            .unwrap();
        // Only the asker withdraws their own request.
        assert_eq!(
            outcome(service::withdraw_request(&db, None, id).await),
            "unauthorized"
        );
        assert_eq!(
            outcome(service::withdraw_request(&db, Some(&c.coordinator), id).await),
            "not_found"
        );
        assert_eq!(
            outcome(service::withdraw_request(&db, Some(&c.admin), id).await),
            "not_found"
        );
        assert_eq!(
            outcome(service::withdraw_request(&db, Some(&c.outsider), id).await),
            "ok"
        );
        assert_eq!(standing(&db, &c.outsider, c.id).await, Standing::Outsider);
        assert_eq!(
            outcome(service::withdraw_request(&db, Some(&c.outsider), id).await),
            "conflict"
        );
        let again = service::request_to_join(&db, Some(&c.outsider), &c.slug, "Toch graag")
            .await
            .unwrap();
        let long = "x".repeat(501);
        assert!(
            service::decide_request(&db, Some(&c.coordinator), again, false, &long)
                .await
                .unwrap_err()
                .has_field_code("group_message_too_long")
        );
        service::decide_request(&db, Some(&c.coordinator), again, false, "We zitten vol.")
            .await
            .unwrap();
        assert_eq!(standing(&db, &c.outsider, c.id).await, Standing::Outsider);
        let mine = service::mine(&db, Some(&c.outsider)).await.unwrap();
        assert!(mine.groups.is_empty());
        assert_eq!(mine.requests.len(), 1, "withdrawn ones are not listed");
        assert_eq!(
            mine.requests[0].status,
            app::groups::model::RequestStatus::Declined
        );
    }
);

db_test!(the_last_coordinator_cannot_leave, |db: Db| async move {
    let c = cast(&db, "laatste", "open").await;
    assert_eq!(
        outcome(service::leave(&db, None, &c.slug).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(service::leave(&db, Some(&c.outsider), &c.slug).await),
        "conflict"
    );
    assert_eq!(
        outcome(service::leave(&db, Some(&c.coordinator), &c.slug).await),
        "conflict"
    );
    // Stepping down is refused for the same reason.
    assert_eq!(
        outcome(
            service::set_role(
                &db,
                Some(&c.coordinator),
                &c.slug,
                c.coordinator.id,
                MemberRole::Member
            )
            .await
        ),
        "conflict"
    );
    // Hand over, then leave.
    service::set_role(
        &db,
        Some(&c.coordinator),
        &c.slug,
        c.member.id,
        MemberRole::Coordinator,
    )
    .await
    .unwrap();
    assert_eq!(
        outcome(service::leave(&db, Some(&c.coordinator), &c.slug).await),
        "ok"
    );
    assert_eq!(
        standing(&db, &c.member, c.id).await,
        Standing::Member {
            role: MemberRole::Coordinator,
            name_hidden: false
        }
    );
    assert_eq!(
        service::group(&db, &c.slug)
            .await
            .unwrap()
            .summary
            .member_count,
        1
    );
    // A plain member leaves freely.
    service::join(&db, Some(&c.outsider), &c.slug)
        .await
        .unwrap();
    assert_eq!(
        outcome(service::leave(&db, Some(&c.outsider), &c.slug).await),
        "ok"
    );
});

db_test!(
    two_coordinators_leaving_at_once_leave_one_behind,
    |db: Db| async move {
        let c = cast(&db, "samen", "open").await;
        service::set_role(
            &db,
            Some(&c.coordinator),
            &c.slug,
            c.member.id,
            MemberRole::Coordinator,
        )
        .await
        .unwrap();
        let (db1, db2) = (db.clone(), db.clone());
        let (s1, s2) = (c.slug.clone(), c.slug.clone());
        let (a, b) = (c.coordinator.clone(), c.member.clone());
        let (r1, r2) = tokio::join!(
            tokio::spawn(async move { service::leave(&db1, Some(&a), &s1).await }),
            tokio::spawn(async move { service::leave(&db2, Some(&b), &s2).await }),
        );
        let results = [outcome(r1.unwrap()), outcome(r2.unwrap())];
        assert!(
            results.contains(&"ok") && results.contains(&"conflict"),
            "{results:?}"
        );
        let members = queries::members(&db.pool, c.id).await.unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].role, MemberRole::Coordinator);
    }
);

// Someone who hid their name stays unnamed to guests in the group's
// activity after leaving (before, leaving put their name back).
db_test!(
    a_hidden_name_stays_hidden_after_leaving,
    |db: Db| async move {
        let c = cast(&db, "verborgen", "open").await;
        let hidden_name = c.outsider.display_name.clone();
        service::join(&db, Some(&c.outsider), &c.slug)
            .await
            .unwrap();
        service::set_name_hidden(&db, Some(&c.outsider), &c.slug, true)
            .await
            .unwrap();
        let named_to_guests = |lines: &[app::groups::model::Activity]| {
            lines
                .iter()
                .any(|line| line.actor.as_deref() == Some(hidden_name.as_str()))
        };
        let guest_view = service::activity(&db, &Standing::Guest, c.id)
            .await
            .unwrap();
        assert!(!named_to_guests(&guest_view), "hidden while a member");
        service::leave(&db, Some(&c.outsider), &c.slug)
            .await
            .unwrap();
        let guest_view = service::activity(&db, &Standing::Guest, c.id)
            .await
            .unwrap();
        assert!(!guest_view.is_empty());
        assert!(
            !named_to_guests(&guest_view),
            "and after leaving: {guest_view:?}"
        );
        // The others' names still show.
        assert!(guest_view
            .iter()
            .any(|line| line.actor.as_deref() == Some(c.member.display_name.as_str())));
    }
);
