//! Plans against real databases (SQLite and PostgreSQL): who may write one,
//! the phases and their timeline, and support. Every rule is tried as a
//! guest, an outsider, a member, a platform admin, the writer and a coordinator.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    plans::{model::Phase, service},
};

use crate::common::{cast, form, outcome};

db_test!(members_write_plans_for_their_group, |db: Db| async move {
    let c = cast(&db).await;
    for (who, expected) in [
        (None, "unauthorized"),
        (Some(&c.outsider), "forbidden"),
        (Some(&c.admin), "forbidden"),
        (Some(&c.member), "ok"),
        (Some(&c.coordinator), "ok"),
    ] {
        assert_eq!(
            outcome(service::create(&db, who, &c.group, form("Bomen op het plein")).await),
            expected
        );
    }
    assert_eq!(
        outcome(service::create(&db, Some(&c.writer), "bestaat-niet", form("Bomen")).await),
        "not_found"
    );
    let id = service::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
        .await
        .unwrap();
    let plan = service::plan(&db, id).await.unwrap();
    assert_eq!(plan.phase, Phase::Idee);
    assert_eq!(plan.principles, vec!["lange-termijn", "wat-er-al-is"]);
    assert_eq!(plan.author_name, c.writer.display_name);
    assert!(plan.body_html.contains("<strong>zes bomen</strong>"));
    assert!(!plan.body_html.contains("<script"), "{}", plan.body_html);
    let timeline = service::timeline(&db, id).await.unwrap();
    assert_eq!(
        (timeline.len(), timeline[0].from, timeline[0].to),
        (1, None, Phase::Idee)
    );
    // Bad input is refused field by field.
    let mut bad = form("Kort");
    bad.principles = vec!["verzonnen".into()];
    bad.body = "te kort".into();
    let err = service::create(&db, Some(&c.writer), &c.group, bad)
        .await
        .unwrap_err();
    for code in [
        "plan_title_length",
        "plan_body_length",
        "plan_principle_unknown",
    ] {
        assert!(err.has_field_code(code), "{code}: {err:?}");
    }
    // Someone outside the group hears "members only", not what was wrong.
    let mut bad = form("Kort");
    bad.body = "te kort".into();
    assert_eq!(
        outcome(service::create(&db, Some(&c.outsider), &c.group, bad).await),
        "forbidden"
    );
});

db_test!(
    the_writer_and_coordinators_move_the_phases,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = service::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
            .await
            .unwrap();
        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&c.outsider), "forbidden"),
            (Some(&c.member), "forbidden"),
            (Some(&c.admin), "forbidden"),
        ] {
            assert_eq!(
                outcome(service::change_phase(&db, who, id, "in_gesprek", "").await),
                expected
            );
        }
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "in_gesprek", "").await),
            "ok"
        );
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.coordinator), id, "besloten", "").await),
            "ok"
        );
        // A step back needs a reason too (before, it took none).
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "in_gesprek", " ").await),
            "validation"
        );
        // Step by step, and a pause needs a reason.
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "afgerond", "").await),
            "validation"
        );
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "vliegend", "").await),
            "validation"
        );
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "gepauzeerd", "").await),
            "validation"
        );
        service::change_phase(
            &db,
            Some(&c.writer),
            id,
            "gepauzeerd",
            "Wachten op de vergunning.",
        )
        .await
        .unwrap();
        service::change_phase(&db, Some(&c.writer), id, "in_uitvoering", "")
            .await
            .unwrap();
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), id, "in_uitvoering", "").await),
            "validation"
        );
        assert_eq!(
            outcome(service::change_phase(&db, Some(&c.writer), 999_999, "besloten", "").await),
            "not_found"
        );
        let timeline = service::timeline(&db, id).await.unwrap();
        let steps: Vec<Phase> = timeline.iter().map(|t| t.to).collect();
        assert_eq!(
            steps,
            vec![
                Phase::Idee,
                Phase::InGesprek,
                Phase::Besloten,
                Phase::Gepauzeerd,
                Phase::InUitvoering
            ]
        );
        assert_eq!(timeline[3].reason, "Wachten op de vergunning.");
        assert_eq!(timeline[3].from, Some(Phase::Besloten));
        assert_eq!(
            timeline[2].by_name.as_deref(),
            Some(c.coordinator.display_name.as_str())
        );
        assert_eq!(
            service::plan(&db, id).await.unwrap().phase,
            Phase::InUitvoering
        );
    }
);

db_test!(anyone_logged_in_supports_a_plan_once, |db: Db| async move {
    let c = cast(&db).await;
    let id = service::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
        .await
        .unwrap();
    assert_eq!(
        outcome(service::support(&db, None, id).await),
        "unauthorized"
    );
    assert_eq!(
        service::support(&db, Some(&c.outsider), id).await.unwrap(),
        1
    );
    assert_eq!(
        outcome(service::support(&db, Some(&c.outsider), id).await),
        "conflict"
    );
    // Two at the same moment are both counted.
    let (db1, db2) = (db.clone(), db.clone());
    let (a, b) = (c.admin.clone(), c.member.clone());
    let (r1, r2) = tokio::join!(
        tokio::spawn(async move { service::support(&db1, Some(&a), id).await }),
        tokio::spawn(async move { service::support(&db2, Some(&b), id).await }),
    );
    r1.unwrap().unwrap();
    r2.unwrap().unwrap();
    assert_eq!(service::plan(&db, id).await.unwrap().support_count, 3);
    assert_eq!(
        service::withdraw_support(&db, Some(&c.outsider), id)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        outcome(service::withdraw_support(&db, Some(&c.outsider), id).await),
        "not_found"
    );
    assert_eq!(
        outcome(service::withdraw_support(&db, None, id).await),
        "unauthorized"
    );
    assert_eq!(
        outcome(service::support(&db, Some(&c.writer), 999_999).await),
        "not_found"
    );
});

db_test!(
    the_writer_and_coordinators_edit_a_plan,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = service::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
            .await
            .unwrap();
        service::change_phase(&db, Some(&c.writer), id, "in_gesprek", "")
            .await
            .unwrap();
        let edited = |title: &str| {
            let mut f = form(title);
            f.principles = vec!["gelijkwaardigheid".into()];
            f.place = "Hoek Kempstraat".into();
            f
        };
        for (who, expected) in [
            (None, "unauthorized"),
            (Some(&c.outsider), "forbidden"),
            (Some(&c.member), "forbidden"),
            (Some(&c.admin), "forbidden"),
            (Some(&c.writer), "ok"),
            (Some(&c.coordinator), "ok"),
        ] {
            let result =
                service::update(&db, who, id, edited("Bomen en bankjes op het plein")).await;
            assert_eq!(outcome(result), expected, "{:?}", who.map(|v| v.id));
        }
        assert_eq!(
            outcome(service::update(&db, Some(&c.writer), 999_999, edited("Bestaat niet")).await),
            "not_found"
        );
        let bad = service::update(&db, Some(&c.writer), id, edited("Kort")).await;
        assert!(bad.unwrap_err().has_field_code("plan_title_length"));
        let plan = service::plan(&db, id).await.unwrap();
        assert_eq!(plan.title, "Bomen en bankjes op het plein");
        assert_eq!(plan.principles, vec!["gelijkwaardigheid"]);
        assert_eq!(plan.place, "Hoek Kempstraat");
        assert_eq!(
            plan.phase,
            Phase::InGesprek,
            "editing leaves the phase alone"
        );
        assert_eq!(service::timeline(&db, id).await.unwrap().len(), 2);
        assert_eq!(
            plan.author_id,
            Some(c.writer.id),
            "the writer stays the writer"
        );
    }
);
