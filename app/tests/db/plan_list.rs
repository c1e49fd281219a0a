//! The plan list across groups against real databases (SQLite and
//! PostgreSQL): each filter, each order, and keyset pages that neither skip
//! nor repeat a plan when many share a sort value.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    db::Db,
    db_test,
    groups::service::{self as groups, GroupForm},
    plans::{
        list::{self, PlanCursor, PlanFilter, PlanSort},
        model::Phase,
        service as plans,
    },
    testing::person,
};

use crate::common::{cast, form};

/// Every plan of the filter, page by page; also checks page sizes.
async fn all_pages(db: &Db, filter: &PlanFilter) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut after: Option<PlanCursor> = None;
    loop {
        let page = list::page(db, filter, after).await.unwrap();
        assert!(page.plans.len() as i64 <= list::PAGE_SIZE);
        ids.extend(page.plans.iter().map(|p| p.id));
        match page.next {
            Some(next) => after = Some(next),
            None => return ids,
        }
    }
}

db_test!(plans_are_filtered_sorted_and_paged, |db: Db| async move {
    let c = cast(&db).await; // a group in Den Haag
    let utrecht = groups::create(
        &db,
        Some(&c.outsider),
        GroupForm {
            name: "Kanaleneiland Samen".into(),
            neighbourhood: "Kanaleneiland".into(),
            municipality: "Utrecht".into(),
            postcodes: String::new(),
            description: "Samen voor een fijne buurt.".into(),
            mode: "open".into(),
            join_question: String::new(),
        },
    )
    .await
    .unwrap();
    // Twenty-eight plans by one writer in a moment: more than a person writes.
    let db = Db {
        limits: app::limits::Limits { factor: 10 },
        ..db
    };
    let mut haag = Vec::new();
    for n in 0..25 {
        let mut f = form(&format!("Plan in Den Haag {n}"));
        if n % 5 != 0 {
            f.principles = vec!["wat-er-al-is".into()];
        }
        haag.push(
            plans::create(&db, Some(&c.writer), &c.group, f)
                .await
                .unwrap(),
        );
    }
    let mut other = Vec::new();
    for n in 0..3 {
        let f = form(&format!("Plan in Utrecht {n}"));
        other.push(
            plans::create(&db, Some(&c.outsider), &utrecht, f)
                .await
                .unwrap(),
        );
    }
    plans::change_phase(&db, Some(&c.writer), haag[3], "in_gesprek", "")
        .await
        .unwrap();
    plans::change_phase(&db, Some(&c.outsider), other[1], "in_gesprek", "")
        .await
        .unwrap();
    for n in 0..3 {
        let fan = person(&db, &format!("fan{n}@buurt.nl")).await;
        plans::support(&db, Some(&fan), haag[7]).await.unwrap();
        if n < 2 {
            plans::support(&db, Some(&fan), other[2]).await.unwrap();
        }
    }

    // Newest first, through two pages, nothing skipped or repeated.
    let everything = all_pages(&db, &PlanFilter::default()).await;
    let mut expected: Vec<i64> = haag.iter().chain(&other).copied().collect();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(everything, expected);

    // Most supported: 7th Den Haag plan, then Utrecht's third, then the rest by id.
    let supported = PlanFilter {
        sort: PlanSort::MostSupported,
        ..Default::default()
    };
    let by_support = all_pages(&db, &supported).await;
    assert_eq!(&by_support[..2], &[haag[7], other[2]]);
    assert_eq!(by_support.len(), 28);

    let in_conversation = PlanFilter {
        phase: Some(Phase::InGesprek),
        ..Default::default()
    };
    let mut found = all_pages(&db, &in_conversation).await;
    found.sort();
    assert_eq!(found, vec![haag[3], other[1]]);

    // `form` names "lange-termijn"; four in five Den Haag plans were changed to name another.
    let principle = PlanFilter {
        principle: Some("lange-termijn".into()),
        ..Default::default()
    };
    assert_eq!(all_pages(&db, &principle).await.len(), 5 + 3);

    let place = PlanFilter {
        municipality: Some("Utrecht".into()),
        ..Default::default()
    };
    assert_eq!(
        all_pages(&db, &place).await,
        vec![other[2], other[1], other[0]]
    );
    let group = PlanFilter {
        group: Some(utrecht.clone()),
        phase: Some(Phase::Idee),
        ..Default::default()
    };
    assert_eq!(all_pages(&db, &group).await, vec![other[2], other[0]]);
    assert_eq!(
        list::municipalities(&db).await.unwrap(),
        vec!["Den Haag".to_owned(), "Utrecht".to_owned()]
    );

    // A reaction makes a plan the most recently active. Activity is kept in
    // whole seconds: the plans above are moved a minute back, so that the
    // reaction is later even when everything ran within one second.
    sqlx::query("UPDATE plans SET last_activity_at = last_activity_at - 60")
        .execute(&db.pool)
        .await
        .unwrap();
    let subject = format!("plan:{}", haag[0]);
    app::discussion::service::post(
        &db,
        Some(&c.member),
        app::discussion::service::ReactionForm::member(&subject, "vraag", "Wanneer begint het?"),
        "ip",
    )
    .await
    .unwrap();
    let active = PlanFilter {
        sort: PlanSort::MostActive,
        ..Default::default()
    };
    let first = list::page(&db, &active, None).await.unwrap();
    assert_eq!(first.plans[0].id, haag[0]);
    assert_eq!(first.plans[0].reaction_count, 1);
});
