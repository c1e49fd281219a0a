//! Demo data in plain Dutch, so a newcomer sees a living neighbourhood.
//! Loaded once, into an empty database, only when `WIJKPLEIN_DEMO=1` asks
//! for it (`scripts/dev.sh` does). Its admin's password is public, so it is
//! refused on a database that already holds real accounts. Each domain adds
//! its own part here as it is built.

use crate::{
    accounts::{queries, service, Role},
    db::Db,
    error::{AppError, AppResult},
    manifest,
};

crate::statements! {
    FOREIGN_AND_ADMINS = "SELECT (SELECT COUNT(*) FROM users WHERE email NOT LIKE $1), \
                (SELECT COUNT(*) FROM users WHERE email LIKE $1)";
    MAKE_ADMIN = "UPDATE users SET is_admin = 1 WHERE email = $1";
}

/// Password of every demo account (printed in the README; demo use only).
pub const DEMO_PASSWORD: &str = "buurt-demo-2026";

/// The demo people: (email, name, role, neighbourhood, municipality).
const PEOPLE: [(&str, &str, Role, &str, &str); 4] = [
    (
        "fatima@demo.wijkplein.nl",
        "Fatima El Amrani",
        Role::Bewoner,
        "Transvaal",
        "Den Haag",
    ),
    (
        "henk@demo.wijkplein.nl",
        "Henk de Vries",
        Role::Ambtenaar,
        "Centrum",
        "Zwolle",
    ),
    (
        "sanne@demo.wijkplein.nl",
        "Sanne Bakker",
        Role::Opbouwwerker,
        "Kanaleneiland",
        "Utrecht",
    ),
    (
        "beheer@demo.wijkplein.nl",
        "Beheer Wijkplein",
        Role::Anders,
        "",
        "",
    ),
];

/// The domain of every demo account's address.
pub const DEMO_DOMAIN: &str = "@demo.wijkplein.nl";

/// Why demo data was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database holds people's real accounts: the demo's public admin
    /// password must never sit beside them.
    #[error("WIJKPLEIN_DEMO=1, but this database already holds {0} account(s) that are not demo accounts: demo data is only for a database of its own. Start without WIJKPLEIN_DEMO.")]
    RealAccounts(i64),
    /// The database could not be read or written.
    #[error(transparent)]
    App(#[from] AppError),
}

/// Loads the demo data if the database has no accounts yet; does nothing
/// when it was loaded before, and refuses a database with real accounts.
pub async fn seed(db: &Db) -> Result<(), DemoError> {
    let (real, demo): (i64, i64) = sqlx::query_as(FOREIGN_AND_ADMINS)
        .bind(format!("%{DEMO_DOMAIN}"))
        .fetch_one(&db.pool)
        .await
        .map_err(AppError::from)?;
    if real > 0 {
        return Err(DemoError::RealAccounts(real));
    }
    if demo > 0 {
        return Ok(());
    }
    load(db).await?;
    Ok(())
}

/// Writes the demo people, their signatures, groups and plans.
async fn load(db: &Db) -> AppResult<()> {
    for (email, name, role, neighbourhood, municipality) in PEOPLE {
        let id = service::insert_account(db, email, name, DEMO_PASSWORD, role).await?;
        if let Some(mut profile) = queries::find_profile(&db.pool, id).await? {
            profile.neighbourhood = neighbourhood.into();
            profile.municipality = municipality.into();
            queries::update_profile(&db.pool, &profile).await?;
        }
    }
    sign_as_demo_people(db).await?;
    start_demo_groups(db).await?;
    sqlx::query(MAKE_ADMIN)
        .bind("beheer@demo.wijkplein.nl")
        .execute(&db.pool)
        .await?;
    // Henk's role is confirmed, Sanne's is what she says herself: the demo
    // shows both.
    crate::accounts::professionals::verify(
        db,
        "henk@demo.wijkplein.nl",
        "Gemeente Zwolle",
        "Zwolle",
        None,
    )
    .await?;
    tracing::info!("demo data loaded ({} accounts)", PEOPLE.len());
    Ok(())
}

/// Three demo people sign the manifest, two of them with their name shown.
async fn sign_as_demo_people(db: &Db) -> AppResult<()> {
    manifest::content::ensure_loaded(db).await?;
    let signers = [
        (
            "fatima@demo.wijkplein.nl",
            "bewoner",
            "Bewonersgroep Transvaal Samen",
            "Omdat wij als bewoners weten wat er in onze straat speelt.",
            true,
        ),
        (
            "henk@demo.wijkplein.nl",
            "ambtenaar",
            "Gemeente Zwolle",
            "Ik wil leren luisteren voordat we plannen maken.",
            true,
        ),
        ("sanne@demo.wijkplein.nl", "opbouwwerker", "", "", false),
    ];
    for (email, role, organisation, motivation, is_public) in signers {
        let Some((id, _)) = queries::find_credentials(&db.pool, email).await? else {
            continue;
        };
        let Some(viewer) = queries::find_viewer(&db.pool, id).await? else {
            continue;
        };
        let form = manifest::service::SignForm {
            role: role.into(),
            organisation: organisation.into(),
            motivation: motivation.into(),
            is_public,
        };
        manifest::service::sign(db, &viewer, form).await?;
        if email.starts_with("fatima") {
            react_as(db, &viewer).await?;
        }
    }
    Ok(())
}

/// A first conversation on the manifest, so the reactions are not empty.
async fn react_as(db: &Db, viewer: &crate::accounts::Viewer) -> AppResult<()> {
    use crate::discussion::service::{post, ReactionForm};
    let form = ReactionForm::member;
    post(db, Some(viewer), form("manifest:wat-goed-gaat", "voorbeeld",
        "In Transvaal koken buren elke vrijdag samen in het buurthuis. Dat begon met *drie* mensen, nu zijn het er dertig."), "demo").await?;
    post(db, Some(viewer), form("manifest", "herkenning",
        "Wij merken het ook: als de gemeente eerst komt luisteren, gaat alles daarna makkelijker."), "demo").await?;
    Ok(())
}

/// A demo person by email (they exist once `seed` has registered them).
async fn demo_viewer(db: &Db, email: &str) -> AppResult<crate::accounts::Viewer> {
    let (id, _) = queries::find_credentials(&db.pool, email)
        .await?
        .ok_or_else(crate::error::AppError::not_found)?;
    queries::find_viewer(&db.pool, id)
        .await?
        .ok_or_else(crate::error::AppError::not_found)
}

/// Three groups: an open one with members, one on request with a request
/// waiting, and a small one that has just started.
async fn start_demo_groups(db: &Db) -> AppResult<()> {
    use crate::groups::service::{create, join, request_to_join, GroupForm};
    let fatima = demo_viewer(db, "fatima@demo.wijkplein.nl").await?;
    let henk = demo_viewer(db, "henk@demo.wijkplein.nl").await?;
    let sanne = demo_viewer(db, "sanne@demo.wijkplein.nl").await?;
    let transvaal = create(
        db,
        Some(&fatima),
        GroupForm {
            name: "Transvaal Samen".into(),
            neighbourhood: "Transvaal".into(),
            municipality: "Den Haag".into(),
            postcodes: "2571, 2572".into(),
            description: "Wij zijn buren uit Transvaal die elkaar willen kennen en helpen. \
                Elke eerste zaterdag drinken we thee op het pleintje en maken we samen plannen.\n\n\
                Wat gaat er al goed? De moestuinbakken aan de Kempstraat en het taalcafé in de \
                bibliotheek. Daar bouwen we op."
                .into(),
            mode: "open".into(),
            join_question: String::new(),
        },
    )
    .await?;
    join(db, Some(&sanne), &transvaal).await?;
    join(db, Some(&henk), &transvaal).await?;
    write_demo_plan(db, &fatima, &[&henk, &sanne], &transvaal).await?;
    let kanalen = create(
        db,
        Some(&sanne),
        GroupForm {
            name: "Groene Kanalen".into(),
            neighbourhood: "Kanaleneiland".into(),
            municipality: "Utrecht".into(),
            postcodes: "3525, 3526".into(),
            description: "Bewoners die de pleinen en stoepen van Kanaleneiland groener maken, \
                tegel voor tegel. We werken samen met de woningcorporatie en de gemeente, \
                maar de buurt bepaalt waar het groen komt."
                .into(),
            mode: "request".into(),
            join_question: "Wat wil je bijdragen aan een groenere buurt?".into(),
        },
    )
    .await?;
    request_to_join(
        db,
        Some(&fatima),
        &kanalen,
        "Ik heb ervaring met geveltuinen in Den Haag en deel die graag.",
    )
    .await?;
    create(
        db,
        Some(&henk),
        GroupForm {
            name: "Buurtmoestuin Centrum".into(),
            neighbourhood: "Centrum".into(),
            municipality: "Zwolle".into(),
            postcodes: "8011".into(),
            description: "Een moestuin achter het buurthuis, voor en door de buurt. We zoeken \
                mensen die af en toe een uur willen wieden of oogsten."
                .into(),
            mode: "open".into(),
            join_question: String::new(),
        },
    )
    .await?;
    Ok(())
}

/// A plan in Transvaal that is already in conversation, with support.
async fn write_demo_plan(
    db: &Db,
    writer: &crate::accounts::Viewer,
    supporters: &[&crate::accounts::Viewer],
    group: &str,
) -> AppResult<()> {
    use crate::plans::service::{change_phase, create, support, PlanForm};
    let id = create(
        db,
        Some(writer),
        group,
        PlanForm {
            title: "Bankjes en bomen op het Kempplein".into(),
            summary: "Een plein waar je kunt zitten, in de schaduw, met je buren.".into(),
            body: "Het Kempplein is nu vooral stenen. Op de theemiddagen zitten we op \
                meegebrachte stoelen.\n\nWe willen:\n\n- **vier bankjes**, gemaakt in de \
                houtwerkplaats van het buurthuis;\n- **zes bomen** voor schaduw;\n- een plek \
                voor de moestuinbakken die er al staan.\n\nWe beginnen met wat er al is: de \
                bakken, de theemiddag en de mensen die elke week komen."
                .into(),
            place: "Kempplein, Transvaal".into(),
            principles: vec![
                "wat-er-al-is".into(),
                "lange-termijn".into(),
                "waarderend-en-uitnodigend".into(),
            ],
        },
    )
    .await?;
    change_phase(db, Some(writer), id, "in_gesprek", "").await?;
    for supporter in supporters {
        support(db, Some(supporter), id).await?;
    }
    discuss_demo_plan(db, id, writer, supporters).await
}

/// A short conversation on the demo plan, three levels deep.
async fn discuss_demo_plan(
    db: &Db,
    plan_id: i64,
    writer: &crate::accounts::Viewer,
    others: &[&crate::accounts::Viewer],
) -> AppResult<()> {
    use crate::discussion::service::{post, ReactionForm};
    let subject = format!("plan:{plan_id}");
    let say = |parent: Option<i64>, kind: &str, text: &str| ReactionForm {
        parent_id: parent,
        ..ReactionForm::member(&subject, kind, text)
    };
    let (first, second) = (others.first(), others.get(1));
    let (Some(first), Some(second)) = (first, second) else {
        return Ok(());
    };
    let question = post(
        db,
        Some(first),
        say(
            None,
            "vraag",
            "Mooi plan! Wie zorgt er straks voor de bomen als het droog is?",
        ),
        "demo",
    )
    .await?;
    let answer = post(
        db,
        Some(writer),
        say(
            Some(question),
            "aanvulling",
            "De moestuinploeg geeft nu al water. We vragen of zij de bomen erbij willen nemen.",
        ),
        "demo",
    )
    .await?;
    post(
        db,
        Some(first),
        say(
            Some(answer),
            "herkenning",
            "Dan doe ik op zaterdag mee, ik woon er om de hoek.",
        ),
        "demo",
    )
    .await?;
    post(db, Some(second), say(None, "voorbeeld",
        "In de Schilderswijk hebben ze bankjes met de buurt gemaakt. Die staan er na vijf jaar nog, \
        juist omdat iedereen heeft meegebouwd."), "demo").await?;
    Ok(())
}
