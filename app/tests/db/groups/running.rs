//! Running a group: only coordinators manage members, a ban keeps someone
//! out, and hidden names stay among members.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use super::{cast, form, outcome, standing};
use app::{
    accounts::Viewer,
    db::Db,
    db_test,
    groups::{
        model::{MemberRole, Standing},
        service,
    },
};

db_test!(only_coordinators_manage_members, |db: Db| async move {
    let c = cast(&db, "beheer", "open").await;
    let target = c.member.id;
    let guest: Option<&Viewer> = None;
    let not_allowed = [
        (guest, "unauthorized"),
        (Some(&c.outsider), "forbidden"),
        (Some(&c.member), "forbidden"),
        (Some(&c.admin), "forbidden"),
    ];
    for (who, expected) in not_allowed {
        assert_eq!(
            outcome(service::set_role(&db, who, &c.slug, target, MemberRole::Coordinator).await),
            expected
        );
        assert_eq!(
            outcome(service::remove_member(&db, who, &c.slug, target).await),
            expected
        );
        assert_eq!(
            outcome(service::ban(&db, who, &c.slug, target, "Reden genoeg").await),
            expected
        );
        assert_eq!(
            outcome(service::unban(&db, who, &c.slug, target).await),
            expected
        );
        assert_eq!(
            outcome(service::update(&db, who, &c.slug, form("Overgenomen", "open")).await),
            expected
        );
        // Also with a form that is wrong: who asks is checked first.
        assert_eq!(
            outcome(service::update(&db, who, &c.slug, form("X", "open")).await),
            expected
        );
        assert_eq!(outcome(service::manage(&db, who, &c.slug).await), expected);
    }
    assert_eq!(
        service::group(&db, &c.slug).await.unwrap().summary.name,
        "Groep beheer"
    );
    assert!(standing(&db, &c.member, c.id).await.is_member());
    // The coordinator may do each of them.
    let co = Some(&c.coordinator);
    assert_eq!(outcome(service::manage(&db, co, &c.slug).await), "ok");
    assert_eq!(
        outcome(service::update(&db, co, &c.slug, form("Nieuwe naam", "open")).await),
        "ok"
    );
    assert_eq!(
        service::group(&db, &c.slug).await.unwrap().summary.name,
        "Nieuwe naam"
    );
    assert_eq!(
        outcome(service::set_role(&db, co, &c.slug, target, MemberRole::Coordinator).await),
        "ok"
    );
    assert_eq!(
        outcome(service::set_role(&db, co, &c.slug, target, MemberRole::Member).await),
        "ok"
    );
    assert_eq!(
        outcome(service::remove_member(&db, co, &c.slug, c.coordinator.id).await),
        "conflict"
    );
    assert_eq!(
        outcome(service::remove_member(&db, co, &c.slug, target).await),
        "ok"
    );
    assert_eq!(
        outcome(service::remove_member(&db, co, &c.slug, target).await),
        "not_found"
    );
    assert_eq!(standing(&db, &c.member, c.id).await, Standing::Outsider);
    // Removed is not banned: they may come back.
    assert_eq!(
        outcome(service::join(&db, Some(&c.member), &c.slug).await),
        "ok"
    );
});

db_test!(a_banned_person_cannot_rejoin, |db: Db| async move {
    let c = cast(&db, "weren", "request").await;
    let co = Some(&c.coordinator);
    assert!(service::ban(&db, co, &c.slug, c.member.id, "x")
        .await
        .unwrap_err()
        .has_field_code("group_reason_length"));
    // Only members and askers can be banned.
    assert_eq!(
        outcome(service::ban(&db, co, &c.slug, c.outsider.id, "Zomaar").await),
        "not_found"
    );
    service::ban(&db, co, &c.slug, c.member.id, "Schold andere leden uit.")
        .await
        .unwrap();
    assert_eq!(standing(&db, &c.member, c.id).await, Standing::Banned);
    assert_eq!(
        outcome(service::request_to_join(&db, Some(&c.member), &c.slug, "Sorry").await),
        "forbidden"
    );
    let manage = service::manage(&db, co, &c.slug).await.unwrap();
    assert_eq!(manage.bans.len(), 1);
    assert_eq!(manage.bans[0].reason, "Schold andere leden uit.");
    // Banning someone who asked declines the request.
    let id = service::request_to_join(&db, Some(&c.outsider), &c.slug, "Hoi")
        .await
        .unwrap();
    service::ban(&db, co, &c.slug, c.outsider.id, "Spam in het antwoord")
        .await
        .unwrap();
    assert_eq!(
        outcome(service::decide_request(&db, co, id, true, "").await),
        "conflict"
    );
    // Lifting the ban lets them ask again.
    service::unban(&db, co, &c.slug, c.member.id).await.unwrap();
    assert_eq!(
        outcome(service::unban(&db, co, &c.slug, c.member.id).await),
        "not_found"
    );
    assert_eq!(
        outcome(service::request_to_join(&db, Some(&c.member), &c.slug, "Sorry").await),
        "ok"
    );
});

db_test!(hidden_names_are_for_members_only, |db: Db| async move {
    let c = cast(&db, "verborgen", "open").await;
    assert_eq!(
        outcome(service::set_name_hidden(&db, None, &c.slug, true).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(service::set_name_hidden(&db, Some(&c.outsider), &c.slug, true).await),
        "conflict"
    );
    service::set_name_hidden(&db, Some(&c.member), &c.slug, true)
        .await
        .unwrap();
    let hidden_name = c.member.display_name.clone();
    for (who, sees) in [
        (None, false),
        (Some(&c.outsider), false),
        (Some(&c.admin), false),
        (Some(&c.member), true),
        (Some(&c.coordinator), true),
    ] {
        let standing = service::standing(&db, who, c.id).await.unwrap();
        let (members, hidden) = service::visible_members(&db, &standing, c.id)
            .await
            .unwrap();
        let listed = members.iter().any(|m| m.name == hidden_name);
        assert_eq!(listed, sees, "{who:?}");
        assert_eq!(hidden, usize::from(!sees));
        let activity = service::activity(&db, &standing, c.id).await.unwrap();
        let named = activity
            .iter()
            .any(|a| a.actor.as_deref() == Some(&hidden_name));
        assert_eq!(named, sees, "activity for {who:?}");
    }
    // Removals are for coordinators' eyes only.
    service::remove_member(&db, Some(&c.coordinator), &c.slug, c.member.id)
        .await
        .unwrap();
    let public = service::activity(&db, &Standing::Guest, c.id)
        .await
        .unwrap();
    assert!(public.iter().all(|a| a.kind != "removed"));
    let coord = service::standing(&db, Some(&c.coordinator), c.id)
        .await
        .unwrap();
    let theirs = service::activity(&db, &coord, c.id).await.unwrap();
    assert_eq!(theirs[0].kind, "removed");
});
