//! The world the authorization matrix runs in: eight people in eight
//! positions towards two groups (one open, one that asks to join), a plan,
//! and per call the fresh object the call works on, made through the
//! domain services so that only the call itself goes through HTTP.

use crate::common::*;
use app::{
    accounts::Viewer,
    db::Db,
    discussion::service::{self as discussion, ReactionForm},
    groups::service as groups,
    plans::service::{self as plans, PlanForm},
    testing::{admin, person, sample_png},
};
use axum::Router;
use tower::ServiceExt;

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Guest,
    Outsider,
    Member,
    Coordinator,
    Professional,
    Admin,
    Banned,
    /// A civil servant whose role a platform admin confirmed for the plan's
    /// municipality, member of neither group.
    Confirmed,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Guest,
        Role::Outsider,
        Role::Member,
        Role::Coordinator,
        Role::Professional,
        Role::Admin,
        Role::Banned,
        Role::Confirmed,
    ];
}

/// A logged-in person and how to log them in again.
pub struct Person {
    pub viewer: Viewer,
    pub email: String,
    pub password: String,
    pub cookie: String,
}

pub struct World {
    pub db: Db,
    pub app: Router,
    /// An open group, and one where joining takes a request.
    pub open: String,
    pub asking: String,
    pub asking_id: i64,
    /// A plan in the open group, written by the coordinator.
    pub plan: i64,
    /// Outsider, member, coordinator, professional, admin, banned, confirmed.
    people: Vec<Person>,
}

use app::testing::PASSWORD;

impl World {
    pub async fn new(db: Db) -> World {
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let app = router(&db, url_of(&db).await).await;
        let o = person(&db, "buiten@buurt.nl").await;
        let m = person(&db, "lid@buurt.nl").await;
        let c = person(&db, "coord@buurt.nl").await;
        let p = person(&db, "opbouw@buurt.nl").await;
        sqlx::query("UPDATE users SET role = 'opbouwwerker' WHERE id = $1")
            .bind(p.id)
            .execute(&db.pool)
            .await
            .unwrap();
        let a = admin(&db, "admin@buurt.nl").await;
        let b = person(&db, "geweerd@buurt.nl").await;
        let g = person(&db, "gemeente@amsterdam.nl").await;
        sqlx::query("UPDATE users SET role = 'ambtenaar' WHERE id = $1")
            .bind(g.id)
            .execute(&db.pool)
            .await
            .unwrap();
        let organisation = "Gemeente Amsterdam";
        app::accounts::professionals::verify(
            &db,
            "gemeente@amsterdam.nl",
            organisation,
            "Amsterdam",
            None,
        )
        .await
        .unwrap();
        let open = groups::create(&db, Some(&c), group("Groen Plein", "open"))
            .await
            .unwrap();
        let asking = groups::create(&db, Some(&c), group("Stille Hof", "request"))
            .await
            .unwrap();
        for v in [&m, &p, &b] {
            groups::join(&db, Some(v), &open).await.unwrap();
            let request = groups::request_to_join(&db, Some(v), &asking, "Ik woon hier.")
                .await
                .unwrap();
            groups::decide_request(&db, Some(&c), request, true, "")
                .await
                .unwrap();
        }
        for slug in [&open, &asking] {
            groups::ban(&db, Some(&c), slug, b.id, "Herhaaldelijk beledigend.")
                .await
                .unwrap();
        }
        let asking_id = groups::group(&db, &asking).await.unwrap().summary.id;
        let plan = plans::create(&db, Some(&c), &open, plan_form("Bomen op het plein"))
            .await
            .unwrap();
        let mut world = World {
            db,
            app,
            open,
            asking,
            asking_id,
            plan,
            people: Vec::new(),
        };
        for (v, email) in [
            (o, "buiten@buurt.nl"),
            (m, "lid@buurt.nl"),
            (c, "coord@buurt.nl"),
            (p, "opbouw@buurt.nl"),
            (a, "admin@buurt.nl"),
            (b, "geweerd@buurt.nl"),
            (g, "gemeente@amsterdam.nl"),
        ] {
            let mut who = Person {
                viewer: v,
                email: email.into(),
                password: PASSWORD.into(),
                cookie: String::new(),
            };
            who.cookie = log_in_as(&world.app, &who.email, &who.password).await;
            world.people.push(who);
        }
        world
    }

    pub fn person(&self, role: Role) -> Option<&Person> {
        let index = Role::ALL.iter().position(|r| *r == role)?;
        index.checked_sub(1).and_then(|i| self.people.get(i))
    }

    pub fn person_mut(&mut self, role: Role) -> Option<&mut Person> {
        let index = Role::ALL.iter().position(|r| *r == role)?;
        index.checked_sub(1).and_then(|i| self.people.get_mut(i))
    }

    pub fn viewer(&self, role: Role) -> Viewer {
        self.person(role).unwrap().viewer.clone()
    }

    /// Logs this person in again (after a call that ended or replaced their session).
    pub async fn log_in_again(&mut self, role: Role) {
        let Some(who) = self.person(role) else { return };
        let cookie = log_in_as(&self.app, &who.email, &who.password).await;
        if let Some(who) = self.person_mut(role) {
            who.cookie = cookie;
        }
    }

    /// A new plan by the coordinator.
    pub async fn new_plan(&self) -> i64 {
        plans::create(
            &self.db,
            Some(&self.viewer(Role::Coordinator)),
            &self.open,
            plan_form("Een bank bij de speeltuin"),
        )
        .await
        .unwrap()
    }

    /// A new reaction by `role` on the plan.
    pub async fn reaction_by(&self, role: Role) -> i64 {
        let form = ReactionForm::member(
            &format!("plan:{}", self.plan),
            "vraag",
            "Wanneer begint het?",
        );
        discussion::post(&self.db, Some(&self.viewer(role)), form, "ip")
            .await
            .unwrap()
    }

    /// An open report by the outsider on a new reaction of the member.
    pub async fn report(&self) -> i64 {
        let reaction = self.reaction_by(Role::Member).await;
        app::moderation::service::report(
            &self.db,
            Some(&self.viewer(Role::Outsider)),
            "reaction",
            reaction,
            "Dit klopt niet.",
        )
        .await
        .unwrap()
    }

    /// A new ordinary member of the open group, to be acted upon.
    pub async fn bystander(&self, n: &str) -> Viewer {
        let v = person(&self.db, &format!("omstander-{n}@buurt.nl")).await;
        groups::join(&self.db, Some(&v), &self.open).await.unwrap();
        v
    }

    /// A new person who calls themselves a community worker; their address.
    pub async fn self_described_professional(&self, n: &str) -> String {
        let email = format!("rol-{n}@buurt.nl");
        let v = person(&self.db, &email).await;
        sqlx::query("UPDATE users SET role = 'opbouwwerker' WHERE id = $1")
            .bind(v.id)
            .execute(&self.db.pool)
            .await
            .unwrap();
        email
    }

    /// The outsider's pending request to join the asking group.
    pub async fn request(&self) -> i64 {
        groups::request_to_join(
            &self.db,
            Some(&self.viewer(Role::Outsider)),
            &self.asking,
            "Ik woon om de hoek.",
        )
        .await
        .unwrap()
    }

    /// An image on the plan, uploaded by its writer.
    pub async fn plan_image(&self) -> i64 {
        let cookie = self.person(Role::Coordinator).unwrap().cookie.clone();
        let path = format!("/plannen/{}/beelden", self.plan);
        let req = upload_with_alt(&path, &sample_png(8, 8), Some("Het plein"), Some(&cookie));
        let res = self.app.clone().oneshot(req).await.unwrap();
        assert!(res.status().is_redirection(), "upload: {}", res.status());
        sqlx::query_scalar("SELECT CAST(MAX(id) AS BIGINT) FROM plan_images")
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// A notification for `role`.
    pub async fn notification_for(&self, role: Role) -> i64 {
        sqlx::query_scalar(
            "INSERT INTO notifications (user_id, kind, title, link, created_at)
             VALUES ($1, 'reply', 'Bomen op het plein', '/plannen/1', 0) RETURNING id",
        )
        .bind(self.viewer(role).id)
        .fetch_one(&self.db.pool)
        .await
        .unwrap()
    }

    /// Puts back what a call changed that later calls rely on: the member
    /// and the professional in both groups, the outsider, the admin and the
    /// confirmed civil servant in neither, no pending requests, no groups but the two.
    pub async fn repair(&self) {
        for role in [Role::Member, Role::Professional] {
            let v = self.viewer(role);
            let _ = groups::join(&self.db, Some(&v), &self.open).await;
        }
        let pool = &self.db.pool;
        for (sql, id) in [
            (
                "DELETE FROM group_members WHERE user_id = $1",
                self.viewer(Role::Outsider).id,
            ),
            (
                "DELETE FROM group_members WHERE user_id = $1",
                self.viewer(Role::Admin).id,
            ),
            (
                "DELETE FROM group_members WHERE user_id = $1",
                self.viewer(Role::Confirmed).id,
            ),
            (
                "DELETE FROM join_requests WHERE status = 'pending' AND group_id = $1",
                self.asking_id,
            ),
            ("DELETE FROM groups WHERE id > $1", self.asking_id),
        ] {
            sqlx::query(sql).bind(id).execute(pool).await.unwrap();
        }
    }
}

fn group(name: &str, mode: &str) -> groups::GroupForm {
    groups::GroupForm {
        name: name.into(),
        neighbourhood: "De Pijp".into(),
        municipality: "Amsterdam".into(),
        postcodes: "1072".into(),
        description: "Samen maken we de buurt groener.".into(),
        mode: mode.into(),
        join_question: if mode == "open" {
            String::new()
        } else {
            "Waar woon je?".into()
        },
    }
}

fn plan_form(title: &str) -> PlanForm {
    PlanForm {
        title: title.into(),
        summary: "Meer schaduw voor iedereen.".into(),
        body: "We planten zes bomen met de hele buurt.".into(),
        place: String::new(),
        principles: vec!["lange-termijn".into()],
    }
}
