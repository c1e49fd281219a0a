//! Manifest versions and signatures against real databases (SQLite and PostgreSQL).

use app::{
    accounts::Role,
    db::Db,
    db_test,
    error::AppError,
    manifest::{
        content, queries,
        service::{self, SignForm},
    },
    testing::person,
};

fn form(role: &str, public: bool) -> SignForm {
    SignForm {
        role: role.into(),
        organisation: "Bewonersgroep De Linde".into(),
        motivation: "Omdat het klopt.".into(),
        is_public: public,
    }
}

db_test!(
    content_loads_once_and_versions_must_grow,
    |db: Db| async move {
        content::ensure_loaded(&db).await.unwrap();
        content::ensure_loaded(&db).await.unwrap();
        let (first_id, doc) = queries::latest(&db.pool).await.unwrap().unwrap();
        assert_eq!(doc.version, 1);
        assert_eq!(doc.pillars[1].quote, "Een lange adem");
        let err = content::publish(&db, &doc, None).await.unwrap_err();
        assert!(err.has_field_code("manifest_version_not_newer"), "{err:?}");
        let mut next = doc.clone();
        next.version = 2;
        next.intro_nl = "Nieuwe inleiding.".into();
        let second_id = content::publish(&db, &next, None).await.unwrap();
        let (latest_id, latest) = queries::latest(&db.pool).await.unwrap().unwrap();
        assert_eq!((latest_id, latest.version), (second_id, 2));
        assert_ne!(first_id, second_id);
    }
);

db_test!(
    signing_counts_by_role_and_refuses_a_second_signature,
    |db: Db| async move {
        content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        let henk = person(&db, "henk@gemeente.nl").await;
        let counts = service::sign(&db, &anna, form("bewoner", true))
            .await
            .unwrap();
        assert_eq!(counts.total, 1);
        let counts = service::sign(&db, &henk, form("ambtenaar", false))
            .await
            .unwrap();
        assert_eq!(counts.total, 2);
        assert_eq!(
            counts.by_role,
            vec![(Role::Bewoner, 1), (Role::Ambtenaar, 1)]
        );
        let again = service::sign(&db, &anna, form("bewoner", true))
            .await
            .unwrap_err();
        assert!(matches!(again, AppError::Conflict(_)), "{again:?}");
        assert_eq!(again.status(), 409);
        assert_eq!(queries::counts(&db.pool).await.unwrap().total, 2);
        let own = queries::find_own(&db.pool, henk.id).await.unwrap().unwrap();
        assert_eq!((own.role, own.is_public), (Role::Ambtenaar, false));
    }
);

db_test!(
    only_public_signatures_are_listed_newest_first_in_pages,
    |db: Db| async move {
        content::ensure_loaded(&db).await.unwrap();
        let mut people = Vec::new();
        for i in 0..5 {
            let p = person(&db, &format!("buur{i}@buurt.nl")).await;
            service::sign(&db, &p, form("bewoner", i != 2))
                .await
                .unwrap();
            people.push(p);
        }
        let first = queries::public_page(&db.pool, None, 2).await.unwrap();
        assert_eq!(first.len(), 2);
        let last = first.last().unwrap();
        let second = queries::public_page(&db.pool, Some((last.signed_at, last.id)), 10)
            .await
            .unwrap();
        let names: Vec<String> = first
            .iter()
            .chain(second.iter())
            .map(|s| s.name.clone())
            .collect();
        assert_eq!(
            names.len(),
            4,
            "the private signature is not listed: {names:?}"
        );
        assert!(!names.contains(&people[2].display_name));
        let ids: Vec<i64> = first.iter().chain(second.iter()).map(|s| s.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(ids, sorted, "newest first, no duplicates across pages");
        assert_eq!(second[0].organisation, "Bewonersgroep De Linde");
    }
);

db_test!(
    withdrawing_removes_the_signature_and_allows_signing_again,
    |db: Db| async move {
        content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        service::sign(&db, &anna, form("bewoner", true))
            .await
            .unwrap();
        let counts = service::withdraw(&db, &anna).await.unwrap();
        assert_eq!(counts.total, 0);
        assert!(matches!(
            service::withdraw(&db, &anna).await.unwrap_err(),
            AppError::NotFound(_)
        ));
        service::sign(&db, &anna, form("opbouwwerker", true))
            .await
            .unwrap();
        assert_eq!(
            queries::find_own(&db.pool, anna.id)
                .await
                .unwrap()
                .unwrap()
                .role,
            Role::Opbouwwerker
        );
    }
);

db_test!(signatures_survive_a_new_version, |db: Db| async move {
    content::ensure_loaded(&db).await.unwrap();
    let anna = person(&db, "anna@buurt.nl").await;
    service::sign(&db, &anna, form("bewoner", true))
        .await
        .unwrap();
    let (_, mut doc) = queries::latest(&db.pool).await.unwrap().unwrap();
    doc.version = 2;
    content::publish(&db, &doc, None).await.unwrap();
    assert_eq!(queries::counts(&db.pool).await.unwrap().total, 1);
    let version_of_signature: i64 = sqlx::query_scalar(
        "SELECT v.version FROM signatures s JOIN manifest_versions v ON v.id = s.version_id",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        version_of_signature, 1,
        "the signature stays on the version that was signed"
    );
});

db_test!(bad_signature_input_is_refused, |db: Db| async move {
    content::ensure_loaded(&db).await.unwrap();
    let anna = person(&db, "anna@buurt.nl").await;
    let mut long = form("bewoner", true);
    long.motivation = "x".repeat(501);
    let err = service::sign(&db, &anna, long).await.unwrap_err();
    assert!(err.has_field_code("motivation_too_long"));
    let err = service::sign(&db, &anna, form("koning", true))
        .await
        .unwrap_err();
    assert!(err.has_field_code("role_invalid"));
    assert_eq!(queries::counts(&db.pool).await.unwrap().total, 0);
});

db_test!(
    counts_follow_every_way_a_signature_goes,
    |db: Db| async move {
        content::ensure_loaded(&db).await.unwrap();
        let anna = person(&db, "anna@buurt.nl").await;
        let henk = person(&db, "henk@gemeente.nl").await;
        service::sign(&db, &anna, form("bewoner", true))
            .await
            .unwrap();
        service::sign(&db, &henk, form("bewoner", false))
            .await
            .unwrap();
        // An account that is removed takes its signature along (cascade).
        sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(henk.id)
            .execute(&db.pool)
            .await
            .unwrap();
        let counts = queries::counts(&db.pool).await.unwrap();
        assert_eq!(
            (counts.total, counts.by_role),
            (1, vec![(Role::Bewoner, 1)])
        );
        // A role changed in place moves the count.
        sqlx::query("UPDATE signatures SET role = 'politicus' WHERE user_id = $1")
            .bind(anna.id)
            .execute(&db.pool)
            .await
            .unwrap();
        let counts = queries::counts(&db.pool).await.unwrap();
        assert_eq!(counts.by_role, vec![(Role::Politicus, 1)]);
    }
);
