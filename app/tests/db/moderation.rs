//! Reports and moderation against real databases (SQLite and PostgreSQL):
//! who may report, who sees which reports, who may hide, dismiss and restore
//! (guest, outsider, member, professional, coordinator of another group,
//! coordinator, admin), what a hidden item looks like to whom, and the log.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::{Role, Viewer},
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    groups::service::{self as groups, GroupForm},
    moderation::service as moderation,
    plans::{list, service as plans},
    testing::person,
};

use crate::common::{cast, form, outcome, Cast};

struct Scene {
    c: Cast,
    plan: i64,
    reaction: i64,
    professional: Viewer,
    other_coordinator: Viewer,
}

async fn scene(db: &Db) -> Scene {
    let c = cast(db).await;
    let plan = plans::create(db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
        .await
        .unwrap();
    let reaction = discussion::post(
        db,
        Some(&c.member),
        ReactionForm::member(
            &format!("plan:{plan}"),
            "zorg",
            "Dit is een onaardige reactie.",
        ),
        "ip",
    )
    .await
    .unwrap();
    let professional = person(db, "ambtenaar@denhaag.nl").await;
    sqlx::query("UPDATE users SET role = 'ambtenaar', municipality = 'Den Haag' WHERE id = $1")
        .bind(professional.id)
        .execute(&db.pool)
        .await
        .unwrap();
    let professional = Viewer {
        role: Role::Ambtenaar,
        ..professional
    };
    let other_coordinator = person(db, "elders@buurt.nl").await;
    groups::create(
        db,
        Some(&other_coordinator),
        GroupForm {
            name: "Andere Buurt".into(),
            neighbourhood: "Noord".into(),
            municipality: "Utrecht".into(),
            postcodes: String::new(),
            description: "Een heel andere groep.".into(),
            mode: "open".into(),
            join_question: String::new(),
        },
    )
    .await
    .unwrap();
    Scene {
        c,
        plan,
        reaction,
        professional,
        other_coordinator,
    }
}

db_test!(reporting_and_seeing_reports, |db: Db| async move {
    let s = scene(&db).await;
    let c = &s.c;
    let why = "Dit is kwetsend voor buren.";
    assert_eq!(
        outcome(moderation::report(&db, None, "reaction", s.reaction, why).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(moderation::report(&db, Some(&c.outsider), "reaction", s.reaction, "x").await),
        "validation"
    );
    assert_eq!(
        outcome(moderation::report(&db, Some(&c.outsider), "reaction", 999_999, why).await),
        "not_found"
    );
    assert_eq!(
        outcome(moderation::report(&db, Some(&c.outsider), "groep", s.reaction, why).await),
        "not_found"
    );
    moderation::report(&db, Some(&c.outsider), "reaction", s.reaction, why)
        .await
        .unwrap();
    assert_eq!(
        outcome(moderation::report(&db, Some(&c.outsider), "reaction", s.reaction, why).await),
        "conflict",
        "once per person"
    );
    moderation::report(&db, Some(&s.professional), "plan", s.plan, "Klopt niet.")
        .await
        .unwrap();
    // A manifest reaction: only admins handle it.
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let on_manifest = discussion::post(
        &db,
        Some(&c.member),
        ReactionForm::member("manifest", "vraag", "Hallo allemaal"),
        "ip",
    )
    .await
    .unwrap();
    moderation::report(&db, Some(&c.outsider), "reaction", on_manifest, why)
        .await
        .unwrap();

    let count = |who: Option<&Viewer>| {
        let db = db.clone();
        let who = who.cloned();
        async move { moderation::queue(&db, who.as_ref()).await.map(|q| q.len()) }
    };
    assert_eq!(outcome(count(None).await), "unauthorized");
    assert_eq!(outcome(count(Some(&c.member)).await), "forbidden");
    assert_eq!(outcome(count(Some(&s.professional)).await), "forbidden");
    assert_eq!(count(Some(&s.other_coordinator)).await.unwrap(), 0);
    assert_eq!(
        count(Some(&c.coordinator)).await.unwrap(),
        2,
        "their group's plan and reaction"
    );
    assert_eq!(
        count(Some(&c.admin)).await.unwrap(),
        3,
        "everything, the manifest too"
    );
    let queue = moderation::queue(&db, Some(&c.coordinator)).await.unwrap();
    assert_eq!(queue[0].excerpt, "Dit is een onaardige reactie.");
    // The link opens the page that starts with the reaction's thread.
    let link = &queue[0].link;
    assert!(
        link.starts_with(&format!("/plannen/{}?na=", s.plan))
            && link.ends_with(&format!("#reactie-{}", s.reaction)),
        "{link}"
    );
});

db_test!(
    hiding_dismissing_restoring_and_the_log,
    |db: Db| async move {
        let s = scene(&db).await;
        let c = &s.c;
        let subject = format!("plan:{}", s.plan);
        let first = moderation::report(&db, Some(&c.outsider), "reaction", s.reaction, "Kwetsend.")
            .await
            .unwrap();
        let second =
            moderation::report(&db, Some(&c.writer), "reaction", s.reaction, "Niet aardig.")
                .await
                .unwrap();
        let reason = "Graag vriendelijk blijven, ook als je het oneens bent.";
        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&c.outsider), "forbidden"),
            (Some(&c.member), "forbidden"),
            (Some(&s.professional), "forbidden"),
            (Some(&s.other_coordinator), "forbidden"),
        ] {
            assert_eq!(
                outcome(moderation::hide(&db, who, first, reason).await),
                expected
            );
            assert_eq!(
                outcome(moderation::dismiss(&db, who, first).await),
                expected
            );
        }
        assert_eq!(
            outcome(moderation::hide(&db, Some(&c.coordinator), first, "").await),
            "validation"
        );
        moderation::hide(&db, Some(&c.coordinator), first, reason)
            .await
            .unwrap();
        // Both reports about it are closed.
        assert_eq!(
            outcome(moderation::dismiss(&db, Some(&c.admin), second).await),
            "not_found"
        );
        assert_eq!(plans::plan(&db, s.plan).await.unwrap().reaction_count, 0);

        let seen_by = |who: Option<&Viewer>| {
            let (db, subject, who) = (db.clone(), subject.clone(), who.cloned());
            async move {
                discussion::page(&db, who.as_ref(), &subject, None, None)
                    .await
                    .unwrap()
                    .threads[0]
                    .clone()
            }
        };
        let outsider_view = seen_by(Some(&c.outsider)).await;
        assert!(
            outsider_view.hidden.is_some() && outsider_view.html.is_empty(),
            "text never reaches others"
        );
        let guest_view = seen_by(None).await;
        assert!(guest_view.html.is_empty());
        let author_view = seen_by(Some(&c.member)).await;
        assert_eq!(author_view.hidden.as_deref(), Some(reason));
        assert!(
            author_view.html.contains("onaardige"),
            "the author sees their text and the reason"
        );
        assert!(seen_by(Some(&c.coordinator))
            .await
            .html
            .contains("onaardige"));

        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&c.member), "forbidden"),
            (Some(&s.professional), "forbidden"),
            (Some(&s.other_coordinator), "forbidden"),
        ] {
            assert_eq!(
                outcome(moderation::restore(&db, who, "reaction", s.reaction).await),
                expected
            );
        }
        moderation::restore(&db, Some(&c.admin), "reaction", s.reaction)
            .await
            .unwrap();
        assert!(seen_by(None).await.hidden.is_none());
        assert_eq!(plans::plan(&db, s.plan).await.unwrap().reaction_count, 1);

        // A hidden plan leaves the lists; dismissing is logged too.
        let about_plan = moderation::report(&db, Some(&c.outsider), "plan", s.plan, "Reclame.")
            .await
            .unwrap();
        moderation::hide(&db, Some(&c.admin), about_plan, "Dit lijkt op reclame.")
            .await
            .unwrap();
        assert!(list::page(&db, &Default::default(), None)
            .await
            .unwrap()
            .plans
            .is_empty());
        assert_eq!(
            plans::plan(&db, s.plan).await.unwrap().hidden.as_deref(),
            Some("Dit lijkt op reclame.")
        );
        // Nothing new happens on a hidden plan (before, members could still
        // support it and react to it).
        assert_eq!(
            outcome(plans::support(&db, Some(&c.member), s.plan).await),
            "conflict"
        );
        let on_hidden = ReactionForm::member(&format!("plan:{}", s.plan), "vraag", "Mag dit nog?");
        assert_eq!(
            outcome(discussion::post(&db, Some(&c.member), on_hidden, "ip").await),
            "conflict"
        );
        let again = moderation::report(
            &db,
            Some(&c.outsider),
            "reaction",
            s.reaction,
            "Toch niet goed.",
        )
        .await
        .unwrap();
        moderation::dismiss(&db, Some(&c.coordinator), again)
            .await
            .unwrap();

        assert_eq!(
            outcome(moderation::read_log(&db, Some(&c.coordinator)).await),
            "forbidden"
        );
        assert_eq!(
            outcome(moderation::read_log(&db, None).await),
            "unauthorized"
        );
        let log = moderation::read_log(&db, Some(&c.admin)).await.unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, vec!["dismiss", "hide", "restore", "hide"]);
        assert_eq!(log[3].reason, reason);
        assert_eq!(log[3].actor_name.as_deref(), Some("Buur coord@buurt.nl"));
    }
);

// An update can be reported, hidden (its text kept for its writer and the
// moderators only) and restored, like a reaction; before, it could not be
// reported at all.
db_test!(updates_are_moderated_like_reactions, |db: Db| async move {
    use app::plans::updates::{self, UpdateForm};
    let s = scene(&db).await;
    let c = &s.c;
    let form = UpdateForm {
        kind: "voortgang".into(),
        body: "De bankjes zijn besteld bij de werkplaats.".into(),
        next_steps: String::new(),
        responsible: String::new(),
    };
    let update = updates::post(&db, Some(&c.member), s.plan, form)
        .await
        .unwrap();
    let report = moderation::report(&db, Some(&c.outsider), "update", update, "Dit klopt niet.")
        .await
        .unwrap();
    let queue = moderation::queue(&db, Some(&c.coordinator)).await.unwrap();
    let item = queue.iter().find(|r| r.id == report).unwrap();
    assert!(item.excerpt.contains("bankjes"), "{item:?}");
    assert_eq!(item.link, format!("/plannen/{}#update-{update}", s.plan));
    assert_eq!(
        outcome(moderation::hide(&db, Some(&s.other_coordinator), report, "Onjuist.").await),
        "forbidden"
    );
    moderation::hide(&db, Some(&c.coordinator), report, "Onjuist.")
        .await
        .unwrap();
    let read_as = |reader: Option<i64>, moderator: bool| {
        let db = db.clone();
        async move {
            let mut list = updates::list(&db, s.plan, None).await.unwrap();
            updates::redact_hidden(&mut list, reader, moderator);
            list.into_iter().find(|u| u.id == update).unwrap()
        }
    };
    let outsider_view = read_as(Some(c.outsider.id), false).await;
    assert_eq!(outsider_view.hidden.as_deref(), Some("Onjuist."));
    assert!(outsider_view.body_html.is_empty());
    assert!(read_as(Some(c.member.id), false)
        .await
        .body_html
        .contains("bankjes"));
    assert!(read_as(None, true).await.body_html.contains("bankjes"));
    moderation::restore(&db, Some(&c.coordinator), "update", update)
        .await
        .unwrap();
    assert!(read_as(None, false).await.hidden.is_none());
    let log = moderation::read_log(&db, Some(&c.admin)).await.unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "hide" && e.target_id == update));
});
