//! Search results lead to the exact spot, and the index follows the changes
//! the first search tests do not make: a reaction deep in an older thread
//! (on a plan and on the manifest), a plan's new title and phase, a group's
//! new municipality, the group filter, a hidden or deleted manifest reaction,
//! and a principle a new manifest version dropped.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    discussion::{
        model::ThreadCursor,
        service::{self as discussion, ReactionForm},
    },
    groups::service as groups,
    manifest::{content, queries as manifest},
    moderation::service as moderation,
    plans::service::{self as plans, PlanForm},
    search::{
        model::CANDIDATES,
        query::{run, Filters, Hit},
        text::Query,
    },
};

use crate::common::{cast, group_form};

fn plan(title: &str) -> PlanForm {
    PlanForm {
        title: title.into(),
        summary: "Voor jong en oud in de buurt.".into(),
        body: "Samen maken we het mooier.".into(),
        place: "Kempstraat".into(),
        principles: vec!["wat-er-al-is".into()],
    }
}

async fn hits(db: &Db, q: &str, filters: &Filters) -> Vec<Hit> {
    run(db, &Query::parse(q), filters, None, 50, CANDIDATES)
        .await
        .unwrap()
        .hits
}

async fn titles(db: &Db, q: &str, filters: &Filters) -> Vec<String> {
    hits(db, q, filters)
        .await
        .into_iter()
        .map(|h| h.title)
        .collect()
}

/// Posts 25 threads on `subject` (more than a page), the first of which gets
/// a reply saying `word`; returns the first thread's id and the reply's.
async fn old_thread_with_reply(
    db: &Db,
    subject: &str,
    who: &app::accounts::Viewer,
    word: &str,
) -> (i64, i64) {
    let mut first = None;
    for n in 0..25 {
        let id = discussion::post(
            db,
            Some(who),
            ReactionForm::member(subject, "vraag", &format!("Draad nummer {n}")),
            "ip",
        )
        .await
        .unwrap();
        first.get_or_insert(id);
    }
    let root = first.unwrap();
    let mut reply = ReactionForm::member(subject, "aanvulling", &format!("Wat een {word}!"));
    reply.parent_id = Some(root);
    let reply = discussion::post(db, Some(who), reply, "ip").await.unwrap();
    (root, reply)
}

/// The page a result's link opens (`<path>?na=<cursor>#reactie-<id>`): its
/// path, and whether the reaction is in the threads that page shows.
async fn lands(db: &Db, link: &str, subject: &str, reaction: i64) -> (String, bool) {
    let (path, rest) = link.split_once("?na=").unwrap();
    let (cursor, anchor) = rest.split_once('#').unwrap();
    assert_eq!(anchor, format!("reactie-{reaction}"));
    let page = discussion::page(db, None, subject, None, ThreadCursor::parse(cursor))
        .await
        .unwrap();
    let shown = page
        .threads
        .iter()
        .any(|t| t.id == reaction || t.replies.iter().any(|r| r.id == reaction));
    (path.to_owned(), shown)
}

db_test!(
    a_reaction_in_an_older_thread_opens_on_its_page,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(&db, Some(&c.writer), &c.group, plan("Buurtmoestuin"))
            .await
            .unwrap();
        let subject = format!("plan:{id}");
        let (root, reply) = old_thread_with_reply(&db, &subject, &c.member, "kruidentuin").await;
        // Not on the first page: that is why the link needs its cursor.
        let first = discussion::page(&db, None, &subject, None, None)
            .await
            .unwrap();
        assert!(first.threads.iter().all(|t| t.id != root));
        let found = hits(&db, "kruidentuin", &Filters::default()).await;
        assert_eq!(found.len(), 1);
        let (path, shown) = lands(&db, &found[0].link, &subject, reply).await;
        assert_eq!(path, format!("/plannen/{id}"));
        assert!(shown, "{} does not show reaction {reply}", found[0].link);

        // The same on the manifest, which also comes in pages now.
        let (_, reply) =
            old_thread_with_reply(&db, "manifest:lange-termijn", &c.member, "vlierstruik").await;
        let found = hits(&db, "vlierstruik", &Filters::default()).await;
        let (path, shown) = lands(&db, &found[0].link, "manifest:lange-termijn", reply).await;
        assert_eq!(path, "/manifest/principes/lange-termijn");
        assert!(shown, "{} does not show reaction {reply}", found[0].link);
    }
);

db_test!(
    plans_follow_their_title_phase_and_group,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = plans::create(&db, Some(&c.writer), &c.group, plan("Bloemenzee"))
            .await
            .unwrap();
        discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member(&format!("plan:{id}"), "vraag", "Welke zaden kiezen we?"),
            "ip",
        )
        .await
        .unwrap();
        // A reaction is shown under its plan's title, also after a new one.
        assert_eq!(
            titles(&db, "zaden", &Filters::default()).await,
            ["Bloemenzee"]
        );
        let entries = |hits: Vec<Hit>| hits.iter().map(|h| h.id).collect::<Vec<_>>();
        let before = entries(hits(&db, "zaden", &Filters::default()).await);
        plans::update(&db, Some(&c.writer), id, plan("Bloemenweide"))
            .await
            .unwrap();
        assert_eq!(
            titles(&db, "zaden", &Filters::default()).await,
            ["Bloemenweide"]
        );
        // The entry kept its place among the newest: an edit is not new.
        assert_eq!(
            entries(hits(&db, "zaden", &Filters::default()).await),
            before
        );
        // The phase filter follows a phase change at once.
        let phase = |p: &str| Filters {
            phase: Some(p.into()),
            ..Filters::default()
        };
        assert_eq!(
            titles(&db, "bloemenweide", &phase("idee")).await,
            ["Bloemenweide"]
        );
        plans::change_phase(&db, Some(&c.coordinator), id, "in_gesprek", "")
            .await
            .unwrap();
        assert!(titles(&db, "bloemenweide", &phase("idee")).await.is_empty());
        assert_eq!(
            titles(&db, "bloemenweide", &phase("in_gesprek")).await,
            ["Bloemenweide"]
        );
        // The group filter: only what belongs to that group.
        let group = groups::group(&db, &c.group).await.unwrap().summary.id;
        let other = groups::create(&db, Some(&c.coordinator), group_form("Bloemrijk Oost"))
            .await
            .unwrap();
        let other_id = groups::group(&db, &other).await.unwrap().summary.id;
        let in_group = |g: i64| Filters {
            group_id: Some(g),
            ..Filters::default()
        };
        assert_eq!(
            titles(&db, "zaden", &in_group(group)).await,
            ["Bloemenweide"]
        );
        assert!(titles(&db, "zaden", &in_group(other_id)).await.is_empty());
        // A group that moves to another municipality takes its plans and
        // their reactions along.
        let mut moved = group_form("Groen Transvaal");
        moved.municipality = "Rijswijk".into();
        groups::update(&db, Some(&c.coordinator), &c.group, moved)
            .await
            .unwrap();
        let place = |m: &str| Filters {
            municipality: Some(m.into()),
            ..Filters::default()
        };
        assert!(titles(&db, "zaden", &place("Den Haag")).await.is_empty());
        assert_eq!(
            titles(&db, "zaden", &place("Rijswijk")).await,
            ["Bloemenweide"]
        );
        assert_eq!(
            titles(&db, "bloemenweide", &place("Rijswijk")).await,
            ["Bloemenweide"]
        );
    }
);

db_test!(
    manifest_reactions_and_principles_leave_the_index,
    |db: Db| async move {
        let c = cast(&db).await;
        let id = discussion::post(
            &db,
            Some(&c.member),
            ReactionForm::member(
                "manifest",
                "herkenning",
                "Ons buurthuis draait op vrijwilligers.",
            ),
            "ip",
        )
        .await
        .unwrap();
        assert_eq!(
            titles(&db, "vrijwilligers", &Filters::default()).await,
            ["Manifest"]
        );
        let report = moderation::report(&db, Some(&c.outsider), "reaction", id, "Reclame.")
            .await
            .unwrap();
        moderation::hide(&db, Some(&c.admin), report, "Geen reclame.")
            .await
            .unwrap();
        assert!(titles(&db, "vrijwilligers", &Filters::default())
            .await
            .is_empty());
        moderation::restore(&db, Some(&c.admin), "reaction", id)
            .await
            .unwrap();
        assert_eq!(
            titles(&db, "vrijwilligers", &Filters::default()).await,
            ["Manifest"]
        );
        discussion::delete(&db, &c.member, id).await.unwrap();
        assert!(titles(&db, "vrijwilligers", &Filters::default())
            .await
            .is_empty());

        // A new manifest version without a principle: no longer found; the
        // others still are.
        let (_, doc) = manifest::latest(&db.pool).await.unwrap().unwrap();
        let dropped = doc.pillars[1].principles[0].clone();
        let kept = doc.pillars[0].principles[0].clone();
        let principles = Filters {
            kind: Some(app::search::index::DocKind::Principle),
            ..Filters::default()
        };
        assert!(titles(&db, &dropped.quote, &principles)
            .await
            .contains(&dropped.quote));
        let mut next = doc.clone();
        next.version += 1;
        next.pillars[1].principles.remove(0);
        content::publish(&db, &next, None).await.unwrap();
        let links: Vec<String> = hits(&db, &dropped.quote, &principles)
            .await
            .into_iter()
            .map(|h| h.link)
            .collect();
        assert!(
            !links.contains(&format!("/manifest/principes/{}", dropped.slug)),
            "{links:?}"
        );
        assert!(titles(&db, &kept.quote, &principles)
            .await
            .contains(&kept.quote));
    }
);

db_test!(
    quotes_dashes_and_or_work_alike_on_both_backends,
    |db: Db| async move {
        let c = cast(&db).await;
        for title in [
            "Groen plein bij de school",
            "Plein met groen dak",
            "Speeltuin zonder bomen",
            "Trapveld aan de dijk",
        ] {
            plans::create(&db, Some(&c.writer), &c.group, plan(title))
                .await
                .unwrap();
        }
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        let any = Filters::default();
        // Words that follow each other, against the same words apart.
        assert_eq!(
            titles(&db, "\"groen plein\"", &any).await,
            ["Groen plein bij de school"]
        );
        assert_eq!(titles(&db, "groen plein", &any).await.len(), 2);
        // Leaving a word out, and alternatives.
        assert_eq!(
            titles(&db, "plein -school", &any).await,
            ["Plein met groen dak"]
        );
        assert_eq!(
            sorted(titles(&db, "speeltuin or trapveld", &any).await),
            ["Speeltuin zonder bomen", "Trapveld aan de dijk"]
        );
        assert_eq!(
            titles(&db, "\"groen plein\" or dijk -trapveld", &any).await,
            ["Groen plein bij de school"]
        );
        // Odd text is read as well as it can be, never an error.
        for odd in [
            "\"",
            "\"\"",
            "-",
            "--boom",
            "or",
            "or or",
            "-\"groen plein\"",
            "\"de het\"",
            "groen -",
            "'s-Hertogenbosch",
            "(plein) AND NOT {x}:y*",
            "\"groen\" -\"\"",
        ] {
            run(&db, &Query::parse(odd), &any, None, 10, CANDIDATES)
                .await
                .unwrap_or_else(|e| panic!("{odd:?}: {e}"));
        }
    }
);
