//! Privacy under the AVG against real databases (SQLite and PostgreSQL):
//! every table of the live schema is classified, the export holds every
//! column of every personal table, and after deleting an account no table
//! holds anything that names the person, while what they wrote still reads.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::{queries, service as accounts, Viewer},
    db::{Backend, Db},
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    groups::service as groups,
    manifest::service::{self as manifest, SignForm},
    plans::service as plans,
    privacy::{
        delete::{delete_account, FORMER_MEMBER},
        export::export,
        tables::{NOT_PERSONAL, PERSONAL, SECRET_COLUMNS},
    },
    testing::{person, PASSWORD},
};
use sqlx::{Column, Row};

use crate::common::{cast, form, group_form};

/// What names the person: none of it may survive the deletion anywhere.
const EMAIL: &str = "annabel.zuiderveld@voorbeeld.nl";
const NAME: &str = "Annabel Zuiderveld";
const NEIGHBOURHOOD: &str = "Zuiderpark-Oost";
const MUNICIPALITY: &str = "Tietjerksteradeel";
const ORGANISATION: &str = "Buurtkamer Zonnehoek";

async fn table_names(db: &Db) -> Vec<String> {
    let sql = match db.backend {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table'",
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
              WHERE table_schema = current_schema()"
        }
    };
    sqlx::query_scalar(sql).fetch_all(&db.pool).await.unwrap()
}

async fn column_names(db: &Db, table: &str) -> Vec<String> {
    let sql = match db.backend {
        Backend::Sqlite => "SELECT name FROM pragma_table_info($1)",
        Backend::Postgres => {
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = $1"
        }
    };
    sqlx::query_scalar(sql)
        .bind(table)
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

/// Every table (with the column, on SQLite) whose text or bytes contain
/// `needle`.
async fn places_holding(db: &Db, needle: &str) -> Vec<String> {
    let needle = needle.to_lowercase();
    let mut found = Vec::new();
    for table in table_names(db).await {
        if table.starts_with("_sqlx") {
            continue; // which migrations ran, with a date type Any cannot read
        }
        if db.backend == Backend::Postgres {
            // Each whole row as text, whatever its column types (tsvector too).
            let rows: Vec<String> =
                sqlx::query_scalar(&format!("SELECT CAST(t AS TEXT) FROM {table} t"))
                    .fetch_all(&db.pool)
                    .await
                    .unwrap();
            if rows.iter().any(|r| r.to_lowercase().contains(&needle)) {
                found.push(table);
            }
            continue;
        }
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(&db.pool)
            .await
            .unwrap();
        for row in rows {
            for column in row.columns() {
                let i = column.ordinal();
                let text = match row.try_get::<Option<String>, _>(i) {
                    Ok(text) => text,
                    Err(_) => row
                        .try_get::<Option<Vec<u8>>, _>(i)
                        .ok()
                        .flatten()
                        .map(|b| String::from_utf8_lossy(&b).into_owned()),
                };
                if text.is_some_and(|t| t.to_lowercase().contains(&needle)) {
                    found.push(format!("{table}.{}", column.name()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Annabel does a bit of everything; Bert answers her and she answers him.
async fn busy_person(db: &Db) -> (Viewer, i64, i64) {
    let c = cast(db).await;
    let id = app::testing::signed_up(
        db,
        app::accounts::signup::Registration {
            email: EMAIL.into(),
            display_name: NAME.into(),
            password: PASSWORD.into(),
            role: "bewoner".into(),
        },
    )
    .await;
    let anna = queries::find_viewer(&db.pool, id).await.unwrap().unwrap();
    accounts::update_profile(
        db,
        &anna,
        accounts::ProfileUpdate {
            display_name: NAME.into(),
            role: "bewoner".into(),
            neighbourhood: NEIGHBOURHOOD.into(),
            municipality: MUNICIPALITY.into(),
        },
    )
    .await
    .unwrap();
    manifest::sign(
        db,
        &anna,
        SignForm {
            role: "bewoner".into(),
            organisation: ORGANISATION.into(),
            motivation: "Omdat het over ons gaat.".into(),
            is_public: true,
        },
    )
    .await
    .unwrap();
    groups::join(db, Some(&anna), &c.group).await.unwrap();
    let plan = plans::create(
        db,
        Some(&anna),
        &c.group,
        form("Geveltuinen langs de gracht"),
    )
    .await
    .unwrap();
    plans::support(db, Some(&c.writer), plan).await.unwrap();
    let subject = format!("plan:{plan}");
    let hers = discussion::post(
        db,
        Some(&anna),
        ReactionForm::member(&subject, "vraag", "Wie helpt er mee planten?"),
        "10.0.0.1",
    )
    .await
    .unwrap();
    let his = discussion::post(
        db,
        Some(&c.writer),
        ReactionForm {
            parent_id: Some(hers),
            ..ReactionForm::member(&subject, "aanvulling", "Ik! Zaterdag?")
        },
        "10.0.0.2",
    )
    .await
    .unwrap();
    discussion::post(
        db,
        Some(&anna),
        ReactionForm {
            parent_id: Some(his),
            ..ReactionForm::member(&subject, "aanvulling", "Zaterdag is goed.")
        },
        "10.0.0.1",
    )
    .await
    .unwrap();
    // A failed login leaves her address in the failures table.
    let _ = accounts::authenticate(db, EMAIL, "verkeerd", "10.0.0.1").await;
    // A stranger signs up with her address: the sign-up waits for 48 hours.
    sqlx::query(
        "INSERT INTO pending_registrations
             (token_hash, email, display_name, password_hash, role, created_at, expires_at)
         VALUES ('x', $1, 'Vreemde', '!', 'bewoner', 0, 4102444800)",
    )
    .bind(EMAIL)
    .execute(&db.pool)
    .await
    .unwrap();
    (anna, plan, hers)
}

db_test!(every_table_is_classified_once, |db: Db| async move {
    let personal: Vec<&str> = PERSONAL.iter().map(|(t, _)| *t).collect();
    let other: Vec<&str> = NOT_PERSONAL.iter().map(|(t, _)| *t).collect();
    for table in table_names(&db).await {
        let listed =
            personal.contains(&table.as_str()) as u8 + other.contains(&table.as_str()) as u8;
        assert_eq!(
            listed, 1,
            "table {table} must be in exactly one of privacy::tables::PERSONAL and NOT_PERSONAL"
        );
    }
    // A table called not personal has no column that points to a person.
    for table in &other {
        for column in column_names(&db, table).await {
            let c = column.to_lowercase();
            let names_someone = ["user", "author", "actor", "reporter", "email", "_by"]
                .iter()
                .any(|word| c.contains(word));
            assert!(
                !names_someone,
                "{table}.{column} looks personal: classify the table"
            );
        }
    }
});

db_test!(
    the_export_holds_every_column_of_every_personal_row,
    |db: Db| async move {
        let (anna, plan, _) = busy_person(&db).await;
        let data = export(&db, anna.id).await.unwrap();
        let tables = data["tables"].as_object().unwrap();
        for (table, _) in PERSONAL {
            let rows = tables[*table].as_array().unwrap();
            let Some(first) = rows.first() else { continue };
            for column in column_names(&db, table).await {
                let secret = SECRET_COLUMNS.contains(&(table, column.as_str()));
                assert_eq!(
                    first.get(&column).is_some(),
                    !secret,
                    "{table}.{column} in the export"
                );
            }
        }
        let user = &tables["users"][0];
        assert_eq!(user["email"], EMAIL);
        assert_eq!(user["neighbourhood"], NEIGHBOURHOOD);
        assert!(user.get("password_hash").is_none());
        assert_eq!(tables["signatures"][0]["organisation"], ORGANISATION);
        assert_eq!(tables["plans"][0]["id"], plan);
        assert_eq!(tables["reactions"].as_array().unwrap().len(), 2);
        assert_eq!(tables["group_members"].as_array().unwrap().len(), 1);
        assert_eq!(
            tables["notifications"].as_array().unwrap().len(),
            1,
            "Bert's reply"
        );
        let limits = tables["rate_events"].as_array().unwrap();
        assert!(
            limits.iter().any(|row| row["action"] == "login-fail-email"),
            "the failed login: {limits:?}"
        );
        // Nobody else's account.
        assert_eq!(tables["users"].as_array().unwrap().len(), 1);
    }
);

db_test!(
    after_deletion_nothing_names_the_person,
    |db: Db| async move {
        let (anna, plan, hers) = busy_person(&db).await;
        for needle in [EMAIL, NAME, NEIGHBOURHOOD, MUNICIPALITY, ORGANISATION] {
            assert!(
                !places_holding(&db, needle).await.is_empty(),
                "{needle} is stored before"
            );
        }
        let wrong = delete_account(&db, &anna, "niet mijn wachtwoord")
            .await
            .unwrap_err();
        assert!(
            wrong.field_message("delete_password").is_some(),
            "{wrong:?}"
        );

        delete_account(&db, &anna, PASSWORD).await.unwrap();
        for needle in [EMAIL, NAME, NEIGHBOURHOOD, MUNICIPALITY, ORGANISATION] {
            assert_eq!(
                places_holding(&db, needle).await,
                Vec::<String>::new(),
                "{needle}"
            );
        }
        // What she wrote still reads, as "Oud-lid"; the plan keeps its support.
        let page = discussion::page(&db, None, &format!("plan:{plan}"), None, None)
            .await
            .unwrap();
        let thread = page.threads.iter().find(|t| t.id == hers).unwrap();
        assert_eq!(thread.author_name, FORMER_MEMBER);
        assert_eq!(thread.replies[0].replies[0].author_name, FORMER_MEMBER);
        assert_eq!(plans::plan(&db, plan).await.unwrap().support_count, 1);
        // She cannot log in, and her sessions are over (the epoch moved on).
        assert!(accounts::authenticate(&db, EMAIL, PASSWORD, "10.0.0.1")
            .await
            .is_err());
        let (_, epoch) = queries::find_session_viewer(&db.pool, anna.id)
            .await
            .unwrap()
            .unwrap();
        assert!(epoch > 0);
        // The group's member count follows.
        let members: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM group_members WHERE user_id = $1")
                .bind(anna.id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(members, 0);
    }
);

db_test!(the_only_coordinator_hands_over_first, |db: Db| async move {
    app::manifest::content::ensure_loaded(&db).await.unwrap();
    let anna = person(&db, "anna@buurt.nl").await;
    let slug = groups::create(&db, Some(&anna), group_form("Speeltuin Noord"))
        .await
        .unwrap();
    let err = delete_account(&db, &anna, PASSWORD).await.unwrap_err();
    assert_eq!(err.status(), 409);
    assert!(err.to_string().contains("Speeltuin Noord"), "{err}");
    // Nothing happened: she is still there and still coordinates.
    assert!(accounts::authenticate(&db, "anna@buurt.nl", PASSWORD, "ip")
        .await
        .is_ok());
    assert!(groups::leave(&db, Some(&anna), &slug).await.is_err());
});

db_test!(
    a_namesake_keeps_their_name_in_notifications,
    |db: Db| async move {
        // Two neighbours who happen to share a name both reply to Carla.
        let mut jan = person(&db, "jan.devries@buurt.nl").await;
        let mut namesake = person(&db, "j.devries@buurt.nl").await;
        let carla = person(&db, "carla@buurt.nl").await;
        for who in [&mut jan, &mut namesake] {
            who.display_name = "Jan de Vries".into();
            sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
                .bind(&who.display_name)
                .bind(who.id)
                .execute(&db.pool)
                .await
                .unwrap();
            let news = app::notifications::service::New {
                kind: app::notifications::model::Kind::Reply,
                group_id: None,
                plan_id: None,
                actor: who,
                title: "Het manifest",
                detail: "",
                link: "/manifest",
            };
            app::notifications::service::notify(&db, &[carla.id], news).await;
        }

        delete_account(&db, &jan, PASSWORD).await.unwrap();
        let mut names: Vec<String> = sqlx::query_scalar(
            "SELECT actor_name FROM notifications WHERE user_id = $1 ORDER BY actor_name",
        )
        .bind(carla.id)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        names.sort();
        let mut expected = vec!["Jan de Vries".to_owned(), FORMER_MEMBER.to_owned()];
        expected.sort();
        assert_eq!(names, expected, "only the deleted account's name is gone");
    }
);
