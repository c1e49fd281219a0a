//! Search against real databases (SQLite FTS5 with Rust stemming, PostgreSQL
//! with its `dutch` configuration): Dutch word forms, accents, postcodes,
//! highlighting, filters, and that the index follows every change, including
//! moderation, at once.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    discussion::{
        challenge::{solve, DIFFICULTY},
        service::{self as discussion, ReactionForm},
    },
    groups::service as groups,
    moderation::service as moderation,
    plans::service::{self as plans, PlanForm},
    search::{
        index::DocKind,
        model::CANDIDATES,
        query::{run, Cursor, Filters},
        text::Query,
    },
    testing::person,
};

use crate::common::{cast, group_form};

fn plan(title: &str, body: &str) -> PlanForm {
    PlanForm {
        title: title.into(),
        summary: "Voor jong en oud in de buurt.".into(),
        body: body.into(),
        place: "Kempstraat".into(),
        principles: vec!["wat-er-al-is".into()],
    }
}

/// `(kind, title)` of every result for `q`, best first.
async fn find(db: &Db, q: &str, filters: &Filters) -> Vec<(String, String)> {
    run(db, &Query::parse(q), filters, None, 50, CANDIDATES)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.kind, h.title))
        .collect()
}

async fn titles(db: &Db, q: &str) -> Vec<String> {
    find(db, q, &Filters::default())
        .await
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

db_test!(
    dutch_word_forms_accents_and_postcodes,
    |db: Db| async move {
        let c = cast(&db).await;
        plans::create(
            &db,
            Some(&c.writer),
            &c.group,
            plan(
                "Een speeltuin op het plein",
                "Met klimrek en zandbak voor de kinderen.",
            ),
        )
        .await
        .unwrap();
        plans::create(
            &db,
            Some(&c.writer),
            &c.group,
            plan(
                "Bankjes bij het café",
                "Waar buren elkaar ontmoeten, ook in de winter.",
            ),
        )
        .await
        .unwrap();
        assert_eq!(
            titles(&db, "speeltuinen").await,
            ["Een speeltuin op het plein"]
        );
        assert_eq!(
            titles(&db, "Speeltuin").await,
            ["Een speeltuin op het plein"]
        );
        assert_eq!(titles(&db, "cafe").await, ["Bankjes bij het café"]);
        assert_eq!(titles(&db, "CAFÉ bankje").await, ["Bankjes bij het café"]);
        assert!(titles(&db, "zwembad").await.is_empty());
        assert!(
            titles(&db, "de het").await.is_empty(),
            "only common words: nothing"
        );
        // The group is found by its postcode, and so are its plans.
        let in_area = find(&db, "2571", &Filters::default()).await;
        assert!(
            in_area.contains(&("group".to_owned(), "Groen Transvaal".to_owned())),
            "{in_area:?}"
        );
        assert_eq!(in_area.iter().filter(|(k, _)| k == "plan").count(), 2);
        assert_eq!(
            titles(&db, "speeltuin 2571 AB").await,
            ["Een speeltuin op het plein"]
        );
        assert!(titles(&db, "speeltuin 3511").await.is_empty());
        // The manifest's principles are found in Dutch.
        let principles = find(&db, "waarderend", &Filters::default()).await;
        assert!(
            principles.iter().any(|(k, _)| k == "principle"),
            "{principles:?}"
        );
    }
);

db_test!(excerpts_mark_the_matching_words, |db: Db| async move {
    let c = cast(&db).await;
    let body = "We willen **bomen** planten, <b>zo</b> dat 3 < 4. Daarna zorgen de buren samen voor de speeltuinen.";
    plans::create(&db, Some(&c.writer), &c.group, plan("Groen plein", body))
        .await
        .unwrap();
    let hits = run(
        &db,
        &Query::parse("speeltuin"),
        &Filters::default(),
        None,
        5,
        CANDIDATES,
    )
    .await
    .unwrap()
    .hits;
    assert_eq!(hits.len(), 1);
    let excerpt = &hits[0].excerpt;
    assert!(excerpt.contains("<mark>speeltuinen</mark>"), "{excerpt}");
    // Markdown and HTML marks are gone, what is left is escaped text.
    assert!(excerpt.contains("planten, zo dat 3 &lt; 4."), "{excerpt}");
    assert!(
        !excerpt.contains("<b>") && !excerpt.contains("**"),
        "{excerpt}"
    );
    assert!(hits[0].link.starts_with("/plannen/"));
});

db_test!(filters_and_pages, |db: Db| async move {
    let c = cast(&db).await;
    for n in 0..7 {
        plans::create(
            &db,
            Some(&c.writer),
            &c.group,
            plan(&format!("Moestuin nummer {n}"), "Samen groente kweken."),
        )
        .await
        .unwrap();
    }
    let only = |kind| Filters {
        kind: Some(kind),
        ..Filters::default()
    };
    // Equally good matches come newest first, so a new plan is on page one.
    let newest_first: Vec<String> = (0..7)
        .rev()
        .map(|n| format!("Moestuin nummer {n}"))
        .collect();
    let found: Vec<String> = find(&db, "moestuin", &only(DocKind::Plan))
        .await
        .into_iter()
        .map(|(_, title)| title)
        .collect();
    assert_eq!(found, newest_first);
    assert!(find(&db, "moestuin", &only(DocKind::Group))
        .await
        .is_empty());
    let place = |m: &str| Filters {
        municipality: Some(m.into()),
        ..Filters::default()
    };
    assert_eq!(find(&db, "moestuin", &place("Den Haag")).await.len(), 7);
    assert!(find(&db, "moestuin", &place("Utrecht")).await.is_empty());
    let phase = |p: &str| Filters {
        phase: Some(p.into()),
        ..Filters::default()
    };
    assert_eq!(find(&db, "moestuin", &phase("idee")).await.len(), 7);
    assert!(find(&db, "moestuin", &phase("afgerond")).await.is_empty());
    // Pages of three: every plan once, in the same order as in one go.
    let query = Query::parse("moestuin");
    let all = run(&db, &query, &Filters::default(), None, 50, CANDIDATES)
        .await
        .unwrap()
        .hits;
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = run(&db, &query, &Filters::default(), after, 3, CANDIDATES)
            .await
            .unwrap()
            .hits;
        let Some(last) = page.last() else { break };
        after = Cursor::parse(
            &Cursor {
                rank: last.rank,
                id: last.id,
            }
            .encode(),
        );
        paged.extend(page.into_iter().map(|h| h.id));
    }
    assert_eq!(paged, all.iter().map(|h| h.id).collect::<Vec<_>>());
});

db_test!(
    the_index_follows_every_change_and_hides_what_is_hidden,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(
            &db,
            Some(&c.writer),
            &c.group,
            plan("Fietsenstalling", "Overdekt en veilig, voor iedereen."),
        )
        .await
        .unwrap();
        let subject = format!("plan:{id}");
        let reaction = discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member(&subject, "vraag", "Komt er ook plek voor bakfietsen?"),
            "ip",
        )
        .await
        .unwrap();
        assert_eq!(titles(&db, "bakfietsen").await, ["Fietsenstalling"]);
        // Edit: the new words are found, the old ones no longer.
        discussion::edit(
            &db,
            &c.member,
            reaction,
            "vraag",
            "Komt er ook plek voor scooters?",
        )
        .await
        .unwrap();
        assert!(titles(&db, "bakfietsen").await.is_empty());
        assert_eq!(titles(&db, "scooters").await, ["Fietsenstalling"]);
        // A hidden reaction is gone at once, and back when restored.
        let report = moderation::report(
            &db,
            Some(&c.outsider),
            "reaction",
            reaction,
            "Dit klopt niet.",
        )
        .await
        .unwrap();
        moderation::hide(&db, Some(&c.coordinator), report, "Niet over dit plan.")
            .await
            .unwrap();
        assert!(titles(&db, "scooters").await.is_empty());
        moderation::restore(&db, Some(&c.coordinator), "reaction", reaction)
            .await
            .unwrap();
        assert_eq!(titles(&db, "scooters").await, ["Fietsenstalling"]);
        // A hidden plan takes its reactions with it.
        let report = moderation::report(&db, Some(&c.outsider), "plan", id, "Dubbel geplaatst.")
            .await
            .unwrap();
        moderation::hide(&db, Some(&c.coordinator), report, "Staat er al.")
            .await
            .unwrap();
        assert!(titles(&db, "fietsenstalling").await.is_empty());
        assert!(titles(&db, "scooters").await.is_empty());
        moderation::restore(&db, Some(&c.coordinator), "plan", id)
            .await
            .unwrap();
        assert_eq!(titles(&db, "fietsenstalling").await, ["Fietsenstalling"]);
        // Deleted reactions are gone; the plan's edit is found at once.
        discussion::delete(&db, &c.member, reaction).await.unwrap();
        assert!(titles(&db, "scooters").await.is_empty());
        plans::update(
            &db,
            Some(&c.writer),
            id,
            plan(
                "Fietsenstalling en deelauto",
                "Overdekt en veilig, voor iedereen.",
            ),
        )
        .await
        .unwrap();
        assert_eq!(
            titles(&db, "deelauto").await,
            ["Fietsenstalling en deelauto"]
        );
        // A group's new name finds the group and its plans.
        groups::update(
            &db,
            Some(&c.coordinator),
            &c.group,
            group_form("Groen en Zonnig Transvaal"),
        )
        .await
        .unwrap();
        let sunny = find(&db, "zonnig", &Filters::default()).await;
        assert!(
            sunny.contains(&("group".to_owned(), "Groen en Zonnig Transvaal".to_owned())),
            "{sunny:?}"
        );
        assert!(
            sunny.contains(&("plan".to_owned(), "Fietsenstalling en deelauto".to_owned())),
            "{sunny:?}"
        );
    }
);

db_test!(
    pending_guest_reactions_and_member_names_are_never_found,
    |db: Db| async move {
        let c = cast(&db).await;
        // A guest's reaction waits for approval: not findable until then.
        let challenge = app::discussion::guest_challenge::issue(&db, "manifest")
            .await
            .unwrap();
        let nonce = solve(&challenge, DIFFICULTY).to_string();
        let guest = ReactionForm {
            guest_name: "Gast Jansen".into(),
            guest_email: "gast@buurt.nl".into(),
            challenge,
            nonce,
            ..ReactionForm::member("manifest", "vraag", "Wanneer is het pannenkoekenfeest?")
        };
        let pending = discussion::post(&db, None, guest, "10.1.1.1")
            .await
            .unwrap();
        assert!(titles(&db, "pannenkoekenfeest").await.is_empty());
        discussion::moderate(&db, &c.admin, pending, true)
            .await
            .unwrap();
        assert_eq!(titles(&db, "pannenkoekenfeest").await, ["Manifest"]);
        // A member who hides their name: it is in no result, whatever they
        // wrote (names are not indexed at all, hidden or not).
        let swift = person(&db, "zwaluwstaart@buurt.nl").await;
        groups::join(&db, Some(&swift), &c.group).await.unwrap();
        groups::set_name_hidden(&db, Some(&swift), &c.group, true)
            .await
            .unwrap();
        let id = plans::create(
            &db,
            Some(&c.writer),
            &c.group,
            plan("Buurtbankjes", "Bankjes langs de gracht."),
        )
        .await
        .unwrap();
        discussion::post(
            &db,
            Some(&swift),
            ReactionForm::member(
                &format!("plan:{id}"),
                "aanvulling",
                "Graag ook een bankje bij de school.",
            ),
            "ip",
        )
        .await
        .unwrap();
        assert_eq!(titles(&db, "bankje school").await, ["Buurtbankjes"]);
        for name in ["zwaluwstaart", "Buur zwaluwstaart"] {
            assert!(titles(&db, name).await.is_empty(), "{name} was found");
        }
    }
);
