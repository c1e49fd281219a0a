//! Progress and accountability updates on plans against real databases
//! (SQLite and PostgreSQL): who may post which kind, the checks on the text,
//! and reading them back (with the role the writer had at the time).

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::{professionals, Role, Viewer},
    db::Db,
    db_test,
    plans::{
        service as plans,
        updates::{self, UpdateForm, UpdateKind},
    },
    testing::person,
};

use crate::common::{cast, form, outcome};

/// A professional whose role a platform admin confirmed, working for
/// `municipality`.
async fn professional(db: &Db, email: &str, role: Role, municipality: &str) -> Viewer {
    let viewer = self_described(db, email, role, municipality).await;
    if role.is_professional() {
        professionals::verify(db, email, "Gemeente", municipality, None)
            .await
            .unwrap();
    }
    viewer
}

/// Someone who only says, on their profile, that they are a professional.
async fn self_described(db: &Db, email: &str, role: Role, municipality: &str) -> Viewer {
    let viewer = person(db, email).await;
    sqlx::query("UPDATE users SET role = $1, municipality = $2 WHERE id = $3")
        .bind(role.as_str())
        .bind(municipality)
        .bind(viewer.id)
        .execute(&db.pool)
        .await
        .unwrap();
    Viewer { role, ..viewer }
}

fn update(kind: &str) -> UpdateForm {
    UpdateForm {
        kind: kind.into(),
        body: "De bankjes zijn besteld bij de werkplaats.".into(),
        next_steps: "Samen schilderen op zaterdag".into(),
        responsible: "Fatima en de moestuinploeg".into(),
    }
}

db_test!(who_may_post_which_update, |db: Db| async move {
    let c = cast(&db).await;
    let id = plans::create(&db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
        .await
        .unwrap();
    // The group in `cast` is in Den Haag.
    let local = professional(&db, "ambtenaar@denhaag.nl", Role::Ambtenaar, "den haag").await;
    let elsewhere = professional(&db, "ambtenaar@utrecht.nl", Role::Ambtenaar, "Utrecht").await;
    let politician = professional(&db, "raadslid@denhaag.nl", Role::Politicus, "Den Haag").await;
    // Calls themselves a civil servant of Den Haag; no admin confirmed it
    // (before, that was enough to give account on any plan there).
    let claimed = self_described(&db, "zegt@denhaag.nl", Role::Ambtenaar, "Den Haag").await;
    let cases: [(Option<&Viewer>, &str, &str); 12] = [
        (None, "voortgang", "unauthorized"),
        (Some(&c.outsider), "voortgang", "forbidden"),
        (Some(&c.admin), "voortgang", "forbidden"),
        (Some(&c.member), "voortgang", "ok"),
        (Some(&c.member), "verantwoording", "forbidden"),
        (Some(&c.coordinator), "voortgang", "ok"),
        (Some(&local), "verantwoording", "ok"),
        (Some(&local), "voortgang", "forbidden"),
        (Some(&elsewhere), "verantwoording", "forbidden"),
        (Some(&politician), "verantwoording", "forbidden"),
        (Some(&claimed), "verantwoording", "forbidden"),
        (Some(&c.member), "roddel", "validation"),
    ];
    for (who, kind, expected) in cases {
        let result = updates::post(&db, who, id, update(kind)).await;
        assert_eq!(
            outcome(result),
            expected,
            "{kind} by {:?}",
            who.map(|v| v.id)
        );
    }
    assert_eq!(
        outcome(updates::post(&db, Some(&c.member), 999_999, update("voortgang")).await),
        "not_found"
    );
    assert_eq!(
        updates::kinds_for(&db, Some(&local), id).await.unwrap(),
        vec![UpdateKind::Verantwoording]
    );
    assert!(updates::kinds_for(&db, None, id).await.unwrap().is_empty());
    assert!(updates::kinds_for(&db, Some(&claimed), id)
        .await
        .unwrap()
        .is_empty());
});

db_test!(
    a_confirmed_role_gives_account_until_it_changes_or_a_ban,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(&db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
            .await
            .unwrap();
        let official = professional(&db, "ambtenaar@denhaag.nl", Role::Ambtenaar, "Den Haag").await;
        let confirmed = professionals::verification(&db.pool, official.id)
            .await
            .unwrap();
        assert_eq!(
            confirmed.map(|v| v.organisation),
            Some("Gemeente".to_owned())
        );
        assert_eq!(
            updates::kinds_for(&db, Some(&official), id).await.unwrap(),
            vec![UpdateKind::Verantwoording]
        );
        // Only a professional role can be confirmed.
        assert_eq!(
            outcome(professionals::verify(&db, "lid@buurt.nl", "Buurt", "Den Haag", None).await),
            "conflict"
        );
        // They join, and the group bans them: no more accountability on
        // its plans.
        app::groups::service::join(&db, Some(&official), &c.group)
            .await
            .unwrap();
        app::groups::service::ban(&db, Some(&c.coordinator), &c.group, official.id, "Spam.")
            .await
            .unwrap();
        assert_eq!(
            outcome(updates::post(&db, Some(&official), id, update("verantwoording")).await),
            "forbidden"
        );
        app::groups::service::unban(&db, Some(&c.coordinator), &c.group, official.id)
            .await
            .unwrap();
        // They change their role on their profile: the confirmation lapses.
        sqlx::query("UPDATE users SET role = 'opbouwwerker' WHERE id = $1")
            .bind(official.id)
            .execute(&db.pool)
            .await
            .unwrap();
        assert!(professionals::verification(&db.pool, official.id)
            .await
            .unwrap()
            .is_none());
        let listed = professionals::list(&db).await.unwrap();
        assert!(listed
            .iter()
            .any(|p| p.email == "ambtenaar@denhaag.nl" && !p.verified));
    }
);

db_test!(updates_are_checked_and_read_back, |db: Db| async move {
    let c = cast(&db).await;
    let id = plans::create(&db, Some(&c.writer), &c.group, form("Bankjes op het plein"))
        .await
        .unwrap();
    let too_short = UpdateForm {
        body: "Kort".into(),
        responsible: "x".repeat(301),
        ..update("voortgang")
    };
    let err = updates::post(&db, Some(&c.member), id, too_short)
        .await
        .unwrap_err();
    assert!(err.has_field_code("update_body_length") && err.has_field_code("update_line_too_long"));

    let worker = professional(&db, "opbouw@denhaag.nl", Role::Opbouwwerker, "Den Haag").await;
    let before = plans::plan(&db, id).await.unwrap().last_activity_at;
    let progress = updates::post(&db, Some(&c.member), id, update("voortgang"))
        .await
        .unwrap();
    let account = UpdateForm {
        body: "Ik heb de vergunning aangevraagd. <script>x()</script>".into(),
        ..update("verantwoording")
    };
    let account = updates::post(&db, Some(&worker), id, account)
        .await
        .unwrap();
    // Roles are recorded as they were: a later change does not rewrite history.
    sqlx::query("UPDATE users SET role = 'bewoner' WHERE id = $1")
        .bind(worker.id)
        .execute(&db.pool)
        .await
        .unwrap();
    let all = updates::list(&db, id, None).await.unwrap();
    assert_eq!(
        all.iter().map(|u| u.id).collect::<Vec<_>>(),
        vec![account, progress]
    );
    assert_eq!(all[0].author_role, Role::Opbouwwerker);
    assert!(!all[0].body_html.contains("<script"));
    assert_eq!(all[1].responsible, "Fatima en de moestuinploeg");
    let accounts = updates::list(&db, id, Some(UpdateKind::Verantwoording))
        .await
        .unwrap();
    assert_eq!(accounts.len(), 1);
    assert!(plans::plan(&db, id).await.unwrap().last_activity_at >= before);
});
