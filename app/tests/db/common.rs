//! What the plan tests share: a group with a coordinator, a plan writer, a
//! member, an outsider and a platform admin, and a valid plan form.

#![allow(dead_code, reason = "each test file uses a different part")]
#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use app::{
    accounts::Viewer,
    db::Db,
    error::AppResult,
    groups::service as groups,
    manifest::content,
    plans::service::PlanForm,
    testing::{admin, person},
};

pub fn outcome<T>(result: AppResult<T>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

pub fn form(title: &str) -> PlanForm {
    PlanForm {
        title: title.into(),
        summary: "Meer groen en schaduw op het plein.".into(),
        body: "We willen **zes bomen** planten.\n\n<script>alert(1)</script>".into(),
        place: "Pleintje Kempstraat".into(),
        principles: vec!["lange-termijn".into(), "wat-er-al-is".into()],
    }
}

/// An open group in Transvaal, Den Haag (postcode 2571) named `name`.
pub fn group_form(name: &str) -> app::groups::service::GroupForm {
    app::groups::service::GroupForm {
        name: name.into(),
        neighbourhood: "Transvaal".into(),
        municipality: "Den Haag".into(),
        postcodes: "2571".into(),
        description: "Samen maken we de wijk groener.".into(),
        mode: "open".into(),
        join_question: String::new(),
    }
}

pub struct Cast {
    pub group: String,
    pub coordinator: Viewer,
    pub writer: Viewer,
    pub member: Viewer,
    pub outsider: Viewer,
    pub admin: Viewer,
}

pub async fn cast(db: &Db) -> Cast {
    content::ensure_loaded(db).await.unwrap();
    let coordinator = person(db, "coord@buurt.nl").await;
    let writer = person(db, "schrijver@buurt.nl").await;
    let member = person(db, "lid@buurt.nl").await;
    let outsider = person(db, "buiten@buurt.nl").await;
    let admin = admin(db, "admin@buurt.nl").await;
    let f = group_form("Groen Transvaal");
    let group = groups::create(db, Some(&coordinator), f).await.unwrap();
    groups::join(db, Some(&writer), &group).await.unwrap();
    groups::join(db, Some(&member), &group).await.unwrap();
    Cast {
        group,
        coordinator,
        writer,
        member,
        outsider,
        admin,
    }
}
