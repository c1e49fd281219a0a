//! Notification e-mail against real databases (SQLite and PostgreSQL) and a
//! real SMTP server (the local sink the test command starts): choices per
//! kind, notifications that remember them, direct mail sent once even when two
//! senders race, and the daily digest, which waits for its day and groups
//! items per group and per plan.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::Viewer,
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    email::{model::Delivery, sender, service as email},
    groups::service as groups,
    i18n::Lang,
    notifications::{model::Kind, service as notifications},
    plans::service as plans,
    testing::{mail_sink, sink_messages, unique_base_url},
};
use mail_parser::MessageParser;

use crate::common::{cast, form, group_form, outcome};

/// Noon, some day: the digest hour has passed.
const NOON: i64 = 20_000 * 86_400 + 12 * 3_600;

async fn choose(db: &Db, who: &Viewer, choices: &[(Kind, Delivery)]) {
    email::save(db, Some(who), &choices.to_vec(), Lang::Nl, NOON)
        .await
        .unwrap();
}

/// `(to, subject, body)` of the sink's mails whose body mentions `base`.
fn mails(maildir: &std::path::Path, base: &str) -> Vec<(String, String, String)> {
    sink_messages(maildir)
        .iter()
        .filter_map(|raw| {
            let m = MessageParser::default().parse(raw)?;
            let body = m.body_text(0)?.into_owned();
            let to = m.to()?.first()?.address()?.to_owned();
            body.contains(base)
                .then(|| (to, m.subject().unwrap_or_default().to_owned(), body))
        })
        .collect()
}

async fn deliveries(db: &Db) -> Vec<(i64, Option<String>)> {
    sqlx::query_as("SELECT user_id, delivery FROM notifications ORDER BY user_id")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

db_test!(choices_are_kept_per_person_and_kind, |db: Db| async move {
    let c = cast(&db).await;
    assert_eq!(outcome(email::preferences(&db, None).await), "unauthorized");
    let choices = [(Kind::Reply, Delivery::Never)];
    assert_eq!(
        outcome(email::save(&db, None, &choices.to_vec(), Lang::Nl, NOON).await),
        "unauthorized"
    );
    let start = email::preferences(&db, Some(&c.member)).await.unwrap();
    assert_eq!(start.len(), Kind::ALL.len());
    assert!(start.iter().all(|(_, d)| *d == Delivery::Never));

    choose(
        &db,
        &c.member,
        &[
            (Kind::Reply, Delivery::Direct),
            (Kind::NewPlan, Delivery::Digest),
        ],
    )
    .await;
    let saved = email::preferences(&db, Some(&c.member)).await.unwrap();
    assert!(saved.contains(&(Kind::Reply, Delivery::Direct)));
    assert!(saved.contains(&(Kind::NewPlan, Delivery::Digest)));
    assert!(saved.contains(&(Kind::Mention, Delivery::Never)));
    // Saving again replaces all choices; others keep theirs (none).
    choose(
        &db,
        &c.member,
        &[
            (Kind::Reply, Delivery::Never),
            (Kind::NewPlan, Delivery::Direct),
        ],
    )
    .await;
    let saved = email::preferences(&db, Some(&c.member)).await.unwrap();
    assert!(saved.contains(&(Kind::Reply, Delivery::Never)));
    assert!(saved.contains(&(Kind::NewPlan, Delivery::Direct)));
    let other = email::preferences(&db, Some(&c.writer)).await.unwrap();
    assert!(other.iter().all(|(_, d)| *d == Delivery::Never));
});

db_test!(
    notifications_remember_the_choice_for_their_kind,
    |db: Db| async move {
        let c = cast(&db).await;
        choose(&db, &c.member, &[(Kind::NewPlan, Delivery::Direct)]).await;
        choose(
            &db,
            &c.coordinator,
            &[
                (Kind::NewPlan, Delivery::Digest),
                (Kind::Reply, Delivery::Direct),
            ],
        )
        .await;
        plans::create(&db, Some(&c.writer), &c.group, form("Bankjes"))
            .await
            .unwrap();
        let mut expected = vec![
            (c.coordinator.id, Some("digest".to_owned())),
            (c.member.id, Some("direct".to_owned())),
        ];
        expected.sort();
        assert_eq!(deliveries(&db).await, expected);
    }
);

db_test!(a_direct_mail_goes_out_once, |db: Db| async move {
    let Some((smtp, maildir)) = mail_sink() else {
        return;
    };
    let c = cast(&db).await;
    choose(&db, &c.member, &[(Kind::NewPlan, Delivery::Direct)]).await;
    let id = plans::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
        .await
        .unwrap();
    let base = unique_base_url();
    let mailer = sender::Mailer::new(&smtp, "Wijkplein <meldingen@wijkplein.test>", &base).unwrap();
    // Two instances look at the same moment: one of them sends it.
    let (a, b) = tokio::join!(
        sender::send_direct_due(&db, &mailer),
        sender::send_direct_due(&db, &mailer)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(sender::send_direct_due(&db, &mailer).await.unwrap(), 0);
    let found = mails(&maildir, &base);
    assert_eq!(found.len(), 1, "{found:?}");
    let (to, subject, body) = &found[0];
    assert_eq!(to, "lid@buurt.nl");
    assert!(subject.contains("Bomen op het plein"), "{subject}");
    assert!(body.contains(&format!("{base}/plannen/{id}\n")), "{body}");
    assert!(
        body.contains(&format!("{base}/meldingen/instellingen")),
        "{body}"
    );
    // A digest-only or mail-less reader got nothing.
    assert!(found.iter().all(|(to, _, _)| to == "lid@buurt.nl"));
});

db_test!(
    the_digest_waits_for_its_day_and_groups_per_group_and_plan,
    |db: Db| async move {
        let Some((smtp, maildir)) = mail_sink() else {
            return;
        };
        let c = cast(&db).await;
        let all_digest: Vec<_> = Kind::ALL
            .into_iter()
            .map(|k| (k, Delivery::Digest))
            .collect();
        choose(&db, &c.member, &all_digest).await;
        // A second group the member is in, and a reply outside any group.
        let other = groups::create(&db, Some(&c.coordinator), group_form("Bankjesclub Zuid"))
            .await
            .unwrap();
        groups::join(&db, Some(&c.member), &other).await.unwrap();
        let bomen = plans::create(&db, Some(&c.writer), &c.group, form("Bomen op het plein"))
            .await
            .unwrap();
        let appels = plans::create(&db, Some(&c.writer), &c.group, form("Appelboomgaard"))
            .await
            .unwrap();
        let bankjes = plans::create(
            &db,
            Some(&c.coordinator),
            &other,
            form("Bankjes bij de school"),
        )
        .await
        .unwrap();
        let own = discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member("manifest", "herkenning", "Dit herken ik uit onze straat."),
            "ip",
        )
        .await
        .unwrap();
        let reply = ReactionForm {
            parent_id: Some(own),
            ..ReactionForm::member("manifest", "aanvulling", "Bij ons ook, mooi gezegd.")
        };
        discussion::post(&db, Some(&c.writer), reply, "ip")
            .await
            .unwrap();
        // What the member already read in the app stays out of the digest.
        let read = plans::create(&db, Some(&c.writer), &c.group, form("Al gelezen plan"))
            .await
            .unwrap();
        let list = notifications::list(&db, Some(&c.member)).await.unwrap();
        let seen = list
            .iter()
            .find(|n| n.link == format!("/plannen/{read}"))
            .unwrap();
        notifications::mark_read(&db, Some(&c.member), seen.id)
            .await
            .unwrap();

        let base = unique_base_url();
        let mailer =
            sender::Mailer::new(&smtp, "Wijkplein <meldingen@wijkplein.test>", &base).unwrap();
        // Chosen today: the first digest comes the next day, once.
        assert_eq!(
            sender::send_digests_due(&db, &mailer, NOON).await.unwrap(),
            0
        );
        let tomorrow = NOON + 86_400;
        assert_eq!(
            sender::send_digests_due(&db, &mailer, tomorrow)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            sender::send_digests_due(&db, &mailer, tomorrow + 60)
                .await
                .unwrap(),
            0
        );
        assert_eq!(sender::send_direct_due(&db, &mailer).await.unwrap(), 0);

        let found = mails(&maildir, &base);
        assert_eq!(found.len(), 1, "{found:?}");
        let (to, subject, body) = &found[0];
        assert_eq!(to, "lid@buurt.nl");
        assert!(subject.contains("4 nieuwe meldingen"), "{subject}");
        assert!(!body.contains("Al gelezen plan"), "{body}");
        // Groups by name, the reply outside groups last; plans by title within a group.
        let at = |needle: &str| {
            body.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing in {body}"))
        };
        let order = [
            "== Bankjesclub Zuid".to_owned(),
            format!("{base}/plannen/{bankjes}\n"),
            "== Groen Transvaal".to_owned(),
            format!("{base}/plannen/{appels}\n"),
            format!("{base}/plannen/{bomen}\n"),
            "== Buiten de groepen".to_owned(),
            format!("{base}/manifest?na="),
        ];
        let positions: Vec<usize> = order.iter().map(|s| at(s)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{body}");
        // Each plan is named once as a heading, with its item under it.
        assert_eq!(body.matches("  Appelboomgaard\n").count(), 1, "{body}");

        // The next day brings only what is new since.
        plans::create(&db, Some(&c.writer), &c.group, form("Fietsenstalling"))
            .await
            .unwrap();
        assert_eq!(
            sender::send_digests_due(&db, &mailer, tomorrow + 86_400)
                .await
                .unwrap(),
            1
        );
        let found = mails(&maildir, &base);
        assert_eq!(found.len(), 2);
        let newest = found
            .iter()
            .find(|(_, s, _)| s.contains("1 nieuwe melding"))
            .unwrap();
        assert!(newest.2.contains("Fietsenstalling") && !newest.2.contains("Appelboomgaard"));
    }
);
