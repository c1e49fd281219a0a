//! Resident groups against real databases (SQLite and PostgreSQL): starting,
//! finding, joining, requests, leaving, coordinators, bans and visibility.
//! Every protected action is tried as a guest, an outsider, a member, a
//! platform admin and a coordinator.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

mod membership;
mod running;

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
    let cursor = app::groups::model::Cursor {
        sort_key: "m".into(),
        id: 1,
    };
    for after in [None, Some(&cursor)] {
        let query = queries::search_query(&queries::Search::default(), after, 20);
        let (sql, args) = query.finish().unwrap();
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        let plan: Vec<String> =
            sqlx::query_as_with::<_, (i64, i64, i64, String), _>(&explain, args)
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
