//! Resident groups against real databases (SQLite and PostgreSQL): starting,
//! finding, joining, requests, leaving, coordinators, bans and visibility.
//! Every protected action is tried as a guest, an outsider, a member, a
//! platform admin and a coordinator.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::Viewer,
    db::Db,
    db_test,
    error::{AppError, AppResult},
    groups::{
        model::{MemberRole, Standing},
        queries,
        service::{self, GroupForm},
    },
    testing::{admin, person},
};

fn form(name: &str, mode: &str) -> GroupForm {
    GroupForm {
        name: name.into(),
        neighbourhood: "De Pijp".into(),
        municipality: "Amsterdam".into(),
        postcodes: "1072, 1073".into(),
        description: "Wij maken de buurt groener, samen met iedereen die wil.".into(),
        mode: mode.into(),
        join_question: String::new(),
    }
}

/// "ok", or the error's code: compact to compare a row of expectations.
fn outcome<T>(result: AppResult<T>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

/// A group with one of each kind of person around it.
struct Cast {
    slug: String,
    id: i64,
    coordinator: Viewer,
    member: Viewer,
    outsider: Viewer,
    admin: Viewer,
}

async fn cast(db: &Db, tag: &str, mode: &str) -> Cast {
    let coordinator = person(db, &format!("coord-{tag}@buurt.nl")).await;
    let member = person(db, &format!("lid-{tag}@buurt.nl")).await;
    let outsider = person(db, &format!("buiten-{tag}@buurt.nl")).await;
    let admin = admin(db, &format!("admin-{tag}@buurt.nl")).await;
    let slug = service::create(
        db,
        Some(&coordinator),
        form(&format!("Groep {tag}"), "open"),
    )
    .await
    .unwrap();
    service::join(db, Some(&member), &slug).await.unwrap();
    if mode == "request" {
        let mut f = form(&format!("Groep {tag}"), "request");
        f.join_question = "Wat breng je mee?".into();
        service::update(db, Some(&coordinator), &slug, f)
            .await
            .unwrap();
    }
    let id = service::group(db, &slug).await.unwrap().summary.id;
    Cast {
        slug,
        id,
        coordinator,
        member,
        outsider,
        admin,
    }
}

async fn standing(db: &Db, who: &Viewer, group_id: i64) -> Standing {
    service::standing(db, Some(who), group_id).await.unwrap()
}

db_test!(
    starting_a_group_makes_the_founder_coordinator,
    |db: Db| async move {
        assert_eq!(
            outcome(service::create(&db, None, form("Groen Plein", "open")).await),
            "unauthorized"
        );
        let anna = person(&db, "anna@buurt.nl").await;
        let slug = service::create(&db, Some(&anna), form("Groen Plein!", "open"))
            .await
            .unwrap();
        assert_eq!(slug, "groen-plein");
        let group = service::group(&db, &slug).await.unwrap();
        assert_eq!(group.summary.member_count, 1);
        assert_eq!(group.summary.postcodes, vec!["1072", "1073"]);
        assert_eq!(
            standing(&db, &anna, group.summary.id).await,
            Standing::Member {
                role: MemberRole::Coordinator,
                name_hidden: false
            }
        );
        // Same name again, and names that would clash with pages, get their own address.
        let again = service::create(&db, Some(&anna), form("Groen plein", "open"))
            .await
            .unwrap();
        assert_eq!(again, "groen-plein-2");
        let reserved = service::create(&db, Some(&anna), form("Nieuw", "open"))
            .await
            .unwrap();
        assert_eq!(reserved, "groep-nieuw");
        // Bad input is refused field by field, and nothing is stored.
        let mut bad = form("x", "sometimes");
        bad.postcodes = "0123".into();
        bad.description = "kort".into();
        let err = service::create(&db, Some(&anna), bad).await.unwrap_err();
        for code in [
            "group_name_length",
            "group_postcodes_invalid",
            "group_description_length",
            "group_mode_invalid",
        ] {
            assert!(err.has_field_code(code), "{code} in {err:?}");
        }
        assert_eq!(err.status(), 422);
    }
);

db_test!(
    groups_are_found_by_name_place_and_postcode,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        let mut cafe = form("Café de Buurtkamer", "open");
        cafe.municipality = "Utrecht".into();
        cafe.neighbourhood = "Lombok".into();
        cafe.postcodes = "3531 AB".into();
        service::create(&db, Some(&anna), cafe).await.unwrap();
        service::create(&db, Some(&anna), form("Groen Plein", "open"))
            .await
            .unwrap();
        let names = |q: &'static str| {
            let db = db.clone();
            async move {
                service::directory(&db, q, None)
                    .await
                    .unwrap()
                    .groups
                    .into_iter()
                    .map(|g| g.name)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(names("cafe").await, vec!["Café de Buurtkamer"]);
        assert_eq!(names("LOMBOK utrecht").await, vec!["Café de Buurtkamer"]);
        assert_eq!(names("3531").await, vec!["Café de Buurtkamer"]);
        assert_eq!(names("3531 ab").await, vec!["Café de Buurtkamer"]);
        assert_eq!(names("1072").await, vec!["Groen Plein"]);
        assert_eq!(names("amsterdam").await, vec!["Groen Plein"]);
        assert_eq!(names("").await.len(), 2);
        assert!(names("rotterdam").await.is_empty());
        // LIKE wildcards typed by people are just characters.
        assert!(names("%").await.is_empty());
        assert!(names("_").await.is_empty());
    }
);

db_test!(
    the_directory_pages_through_every_group_once,
    |db: Db| async move {
        let anna = person(&db, "anna@buurt.nl").await;
        for i in 0..45 {
            // Equal names force the id tie-breaker between pages.
            let name = format!("Buurtgroep {}", i % 7);
            service::create(&db, Some(&anna), form(&name, "open"))
                .await
                .unwrap();
        }
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        let mut pages = 0;
        loop {
            let page = service::directory(&db, "buurtgroep", after.as_deref())
                .await
                .unwrap();
            pages += 1;
            assert!(page.groups.len() <= service::PAGE_SIZE as usize);
            seen.extend(page.groups.into_iter().map(|g| (g.name, g.id)));
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
        assert_eq!(pages, 3);
        assert_eq!(seen.len(), 45);
        let mut ids: Vec<i64> = seen.iter().map(|(_, id)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 45, "no group twice");
        assert!(
            seen.windows(2).all(|w| w[0] <= w[1]),
            "in name order, then id"
        );
        // A broken cursor starts at the top instead of failing.
        let top = service::directory(&db, "", Some("not-a-cursor"))
            .await
            .unwrap();
        assert_eq!(top.groups.len(), 20);
    }
);

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

#[test]
fn outcome_names_the_error() {
    assert_eq!(
        outcome::<()>(Err(AppError::NotFound(String::new()))),
        "not_found"
    );
    assert_eq!(outcome(Ok(())), "ok");
}

/// The directory's pages walk the (sort_key, id) index, also deep into the
/// list, instead of sorting every group for each page. Asked of SQLite's
/// planner, which decides the same way for 10 or 10,000 rows.
#[tokio::test]
async fn directory_pages_walk_the_index() {
    let db = app::testing::sqlite().await;
    for with_cursor in [false, true] {
        let sql = queries::search_sql(&queries::Search::default(), with_cursor);
        let mut query = sqlx::query_as::<_, (i64, i64, i64, String)>(Box::leak(
            format!("EXPLAIN QUERY PLAN {sql}").into_boxed_str(),
        ));
        if with_cursor {
            query = query.bind("m").bind(1_i64);
        }
        let plan: Vec<String> = query
            .bind(20_i64)
            .fetch_all(&db.pool)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.3)
            .collect();
        let plan = plan.join(" | ");
        assert!(plan.contains("groups_by_sort_key"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
