//! What a ban from a group ends: talking in its plans (new reactions, or
//! changing earlier ones) and steering a plan one wrote there. Reading,
//! supporting and reporting stay open, as to anyone; lifting the ban gives
//! the voice back.

use crate::common::{cast, form, outcome};
use app::{
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    groups::service as groups,
    plans::service as plans,
};

db_test!(
    a_ban_ends_talking_and_steering_in_the_group,
    |db: Db| async move {
        let c = cast(&db).await;
        let plan = plans::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
            .await
            .unwrap();
        let subject = format!("plan:{plan}");
        let say = |text: &str| ReactionForm::member(&subject, "vraag", text);
        let earlier = discussion::post(&db, Some(&c.writer), say("Wanneer?"), "ip")
            .await
            .unwrap();
        groups::ban(
            &db,
            Some(&c.coordinator),
            &c.group,
            c.writer.id,
            "Beledigend.",
        )
        .await
        .unwrap();

        let w = Some(&c.writer);
        assert_eq!(
            outcome(discussion::post(&db, w, say("Toch nog dit."), "ip").await),
            "forbidden"
        );
        assert_eq!(
            outcome(discussion::edit(&db, &c.writer, earlier, "vraag", "Wanneer precies?").await),
            "forbidden"
        );
        assert_eq!(
            outcome(plans::update(&db, w, plan, form("Mijn plan")).await),
            "forbidden"
        );
        assert_eq!(
            outcome(plans::change_phase(&db, w, plan, "in_gesprek", "").await),
            "forbidden"
        );
        assert_eq!(
            outcome(plans::support(&db, w, plan).await),
            "ok",
            "support stays open"
        );
        assert_eq!(
            outcome(
                app::moderation::service::report(&db, w, "plan", plan, "Klopt niet meer.").await
            ),
            "ok",
            "reporting stays open"
        );
        let m = Some(&c.member);
        assert_eq!(
            outcome(discussion::post(&db, m, say("Mooi plan."), "ip").await),
            "ok"
        );
        assert_eq!(
            outcome(plans::change_phase(&db, Some(&c.coordinator), plan, "in_gesprek", "").await),
            "ok",
            "the coordinator steers the plan instead"
        );

        groups::unban(&db, Some(&c.coordinator), &c.group, c.writer.id)
            .await
            .unwrap();
        assert_eq!(
            outcome(discussion::post(&db, w, say("Ik ben er weer."), "ip").await),
            "ok"
        );
        assert_eq!(
            outcome(plans::update(&db, w, plan, form("Mijn plan")).await),
            "ok"
        );
    }
);
