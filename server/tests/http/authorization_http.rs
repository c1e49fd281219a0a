//! The authorization matrix: every server function, called over HTTP as a
//! script calls it, by each of eight people: a guest, a logged-in outsider,
//! a member, the coordinator, a professional member (by their own word), a
//! platform admin, a banned member and a civil servant whose role an admin
//! confirmed for the plan's municipality. Each row says what each of them gets: `ok` (200) or the
//! refusal's status. The rows are checked against the server-function
//! registry, so a new server function without a row fails this test.
//!
//! Rows run in order on one world; each call gets a fresh object to act on
//! where it needs one (see `authorization_world.rs`), and the rows that end
//! or replace the caller's session come last and log them in again.

use crate::authorization_world::{Role, World};
use crate::common::*;
use app::{db::Db, db_test};
use tower::ServiceExt;

/// Function, then the outcome for guest, outsider, member, coordinator,
/// professional, admin, banned member and confirmed civil servant. The
/// confirmed one posts accountability (`verantwoording`) where the others
/// post progress; the separate test below has everyone try accountability.
const MATRIX: &[(&str, &str)] = &[
    ("create_plan", "401 403 ok ok ok 403 403 403"),
    ("update_plan", "401 403 403 ok 403 403 403 403"),
    ("change_plan_phase", "401 403 403 ok 403 403 403 403"),
    ("support_plan", "401 ok ok ok ok ok ok ok"),
    ("withdraw_plan_support", "401 ok ok ok ok ok ok ok"),
    ("post_plan_update", "401 403 ok ok ok 403 403 ok"),
    ("remove_plan_image", "401 403 403 ok 403 403 403 403"),
    ("sign_manifest", "401 ok ok ok ok ok ok ok"),
    ("withdraw_signature", "401 ok ok ok ok ok ok ok"),
    ("post_reaction", "401 ok ok ok ok ok 403 ok"),
    ("edit_reaction", "401 403 ok 403 403 403 403 403"),
    ("delete_reaction", "401 403 ok 403 403 ok 403 403"),
    ("moderate_reaction", "401 403 403 403 403 ok 403 403"),
    ("report_content", "401 ok ok ok ok ok ok ok"),
    ("hide_content", "401 403 403 ok 403 ok 403 403"),
    ("dismiss_report", "401 403 403 ok 403 ok 403 403"),
    ("restore_content", "401 403 403 ok 403 ok 403 403"),
    ("mark_notification_read", "401 ok ok ok ok ok ok ok"),
    ("mark_all_notifications_read", "401 ok ok ok ok ok ok ok"),
    ("save_email_preferences", "401 ok ok ok ok ok ok ok"),
    ("create_group", "401 ok ok ok ok ok ok ok"),
    ("update_group", "401 403 403 ok 403 403 403 403"),
    ("join_group", "401 ok 409 409 409 ok 403 ok"),
    ("request_join", "401 ok 409 409 409 ok 403 ok"),
    ("withdraw_join_request", "401 ok 404 404 404 404 404 404"),
    ("decide_join_request", "401 403 403 ok 403 403 403 403"),
    ("leave_group", "401 409 ok 409 ok 409 409 409"),
    ("set_name_hidden", "401 409 ok ok ok 409 409 409"),
    ("set_member_role", "401 403 403 ok 403 403 403 403"),
    ("remove_member", "401 403 403 ok 403 403 403 403"),
    ("ban_member", "401 403 403 ok 403 403 403 403"),
    ("lift_ban", "401 403 403 ok 403 403 403 403"),
    ("remove_group_image", "401 403 403 ok 403 403 403 403"),
    ("update_profile", "401 ok ok ok ok ok ok ok"),
    ("confirm_professional", "401 403 403 403 403 ok 403 403"),
    (
        "end_professional_confirmation",
        "401 403 403 403 403 ok 403 403",
    ),
    // This router has no mail server: a reset link cannot be sent to anyone.
    ("request_password_reset", "409 409 409 409 409 409 409 409"),
    // Signing up answers the same to everyone, logged in or not.
    ("register", "ok ok ok ok ok ok ok ok"),
    // From here on a call ends or replaces the caller's session.
    ("confirm_registration", "ok ok ok ok ok ok ok ok"),
    ("log_in", "ok ok ok ok ok ok ok ok"),
    ("reset_password", "ok ok ok ok ok ok ok ok"),
    ("log_out", "ok ok ok ok ok ok ok ok"),
    ("log_out_everywhere", "401 ok ok ok ok ok ok ok"),
    ("change_email", "401 ok ok ok ok ok ok ok"),
    ("change_password", "401 ok ok ok ok ok ok ok"),
    // The coordinator is the only one of two groups: they must hand over first.
    ("delete_account", "401 ok ok 409 ok ok ok ok"),
];

/// Rows after which the caller logs in again.
const SESSION_ROWS: &[&str] = &[
    "confirm_registration",
    "log_in",
    "reset_password",
    "log_out",
    "log_out_everywhere",
    "change_email",
    "change_password",
];

#[test]
fn every_server_function_has_a_row() {
    let registered: std::collections::BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .filter_map(|(path, _)| path.rsplit('/').next().map(str::to_owned))
        .collect();
    let rows: std::collections::BTreeSet<String> =
        MATRIX.iter().map(|(name, _)| (*name).to_owned()).collect();
    let missing: Vec<_> = registered.difference(&rows).collect();
    let unknown: Vec<_> = rows.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "server functions without a row in MATRIX: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "rows for no server function: {unknown:?}"
    );
    assert_eq!(registered.len(), MATRIX.len(), "one row each");
}

db_test!(each_person_gets_what_the_matrix_says, |db: Db| async move {
    let mut world = World::new(db).await;
    let mut wrong = Vec::new();
    for (row, (name, expected)) in MATRIX.iter().enumerate() {
        let expected: Vec<&str> = expected.split(' ').collect();
        assert_eq!(
            expected.len(),
            Role::ALL.len(),
            "{name}: an outcome per person"
        );
        for (role, want) in Role::ALL.into_iter().zip(expected) {
            let body = body_for(&world, name, role, row).await;
            let cookie = world.person(role).map(|p| p.cookie.clone());
            let req = script_post(&format!("/api/{name}"), &body, cookie.as_deref());
            let res = world.app.clone().oneshot(req).await.unwrap();
            let status = res.status().as_u16();
            let got = if status == 200 {
                "ok".to_owned()
            } else {
                status.to_string()
            };
            if got != want {
                wrong.push(format!(
                    "{name} as {role:?}: want {want}, got {got}: {}",
                    text(res).await
                ));
            } else if status == 200 {
                remember_new_credentials(&mut world, name, role);
            }
            if SESSION_ROWS.contains(name) {
                world.log_in_again(role).await;
            }
            world.repair().await;
        }
    }
    assert!(
        wrong.is_empty(),
        "{} outcomes differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
});

const NEW_PASSWORD: &str = "Ander-Wachtwoord-Lang-88";

fn new_email(role: Role) -> String {
    format!("nieuw-{role:?}@buurt.nl").to_lowercase()
}

fn remember_new_credentials(world: &mut World, name: &str, role: Role) {
    if let Some(who) = world.person_mut(role) {
        match name {
            "change_password" => who.password = NEW_PASSWORD.into(),
            "change_email" => who.email = new_email(role),
            _ => {}
        }
    }
}

/// The form for one call, after making what it acts on.
async fn body_for(w: &World, name: &str, role: Role, row: usize) -> String {
    let n = format!("{row}-{}", role as u8);
    let (open, asking, plan) = (&w.open, &w.asking, w.plan);
    let me = w.person(role);
    match name {
        "create_plan" => format!(
            "group={open}&title=Een+plan+van+de+buurt&summary=Meer+groen.&body=We+planten+bomen+met+de+hele+buurt.\
             &place=&principles%5B%5D=lange-termijn"
        ),
        "update_plan" => format!(
            "plan_id={plan}&title=Bomen+op+het+plein&summary=Meer+schaduw.&body=We+planten+zes+bomen+op+het+plein.\
             &place=&principles%5B%5D=lange-termijn"
        ),
        "change_plan_phase" => format!("plan_id={}&phase=in_gesprek&reason=", w.new_plan().await),
        "support_plan" => format!("plan_id={plan}"),
        "withdraw_plan_support" => {
            if let Some(me) = me {
                let _ = app::plans::service::support(&w.db, Some(&me.viewer), plan).await;
            }
            format!("plan_id={plan}")
        }
        "post_plan_update" => {
            let kind = if role == Role::Confirmed { "verantwoording" } else { "voortgang" };
            format!("plan_id={plan}&kind={kind}&body=De+bomen+zijn+besteld.&next_steps=&responsible=")
        }
        "remove_plan_image" => format!("image_id={}", w.plan_image().await),
        "sign_manifest" => "role=bewoner&organisation=&motivation=&public=1".into(),
        "withdraw_signature" => {
            if let Some(me) = me {
                let form = app::manifest::service::SignForm {
                    role: "bewoner".into(),
                    organisation: String::new(),
                    motivation: String::new(),
                    is_public: true,
                };
                let _ = app::manifest::service::sign(&w.db, &me.viewer, form).await;
            }
            String::new()
        }
        "post_reaction" => {
            format!("subject=plan%3A{plan}&kind=vraag&body=Wanneer+begint+het%3F&back=%2Fplannen%2F{plan}")
        }
        "edit_reaction" => {
            let r = w.reaction_by(Role::Member).await;
            format!("id={r}&kind=vraag&body=Wanneer+begint+het+precies%3F&back=%2F")
        }
        "delete_reaction" => format!("id={}&back=%2F", w.reaction_by(Role::Member).await),
        "moderate_reaction" => {
            let r = w.reaction_by(Role::Member).await;
            sqlx::query("UPDATE reactions SET status = 'pending' WHERE id = $1")
                .bind(r)
                .execute(&w.db.pool)
                .await
                .unwrap();
            format!("id={r}&decision=approve")
        }
        "report_content" => {
            let r = w.reaction_by(Role::Member).await;
            format!("target=reaction&target_id={r}&reason=Dit+klopt+niet.&back=%2F")
        }
        "hide_content" => format!("report_id={}&reason=Beledigend.", w.report().await),
        "dismiss_report" => format!("report_id={}", w.report().await),
        "restore_content" => {
            format!("target=reaction&target_id={}&back=%2F", w.reaction_by(Role::Member).await)
        }
        "mark_notification_read" => {
            let owner = if me.is_some() { role } else { Role::Outsider };
            format!("id={}", w.notification_for(owner).await)
        }
        "mark_all_notifications_read" | "log_out" | "log_out_everywhere" => String::new(),
        "save_email_preferences" => "reply=direct&mention=direct&new_plan=digest&plan_phase=digest\
            &plan_update=digest&join_decision=direct"
            .into(),
        "create_group" => format!(
            "name=Nieuwe+Hof+{n}&neighbourhood=De+Pijp&municipality=Amsterdam&postcodes=1072\
             &description=Samen+doen+we+meer.&mode=open&join_question="
        ),
        "update_group" => format!(
            "slug={open}&name=Groen+Plein&neighbourhood=De+Pijp&municipality=Amsterdam&postcodes=1072\
             &description=Samen+maken+we+de+buurt+groener.&mode=open&join_question="
        ),
        "join_group" | "leave_group" => format!("slug={open}"),
        "request_join" => format!("slug={asking}&answer=Ik+woon+om+de+hoek."),
        "withdraw_join_request" => format!("request_id={}", w.request().await),
        "decide_join_request" => format!("request_id={}&decision=approve&message=", w.request().await),
        "set_name_hidden" => format!("slug={open}&hidden=1"),
        "set_member_role" => {
            format!("slug={open}&user_id={}&role=coordinator", w.bystander(&n).await.id)
        }
        "remove_member" => format!("slug={open}&user_id={}", w.bystander(&n).await.id),
        "ban_member" => {
            format!("slug={open}&user_id={}&reason=Beledigend+gedrag.", w.bystander(&n).await.id)
        }
        "lift_ban" => {
            let victim = w.bystander(&n).await;
            let coordinator = w.viewer(Role::Coordinator);
            app::groups::service::ban(&w.db, Some(&coordinator), open, victim.id, "Beledigend.")
                .await
                .unwrap();
            format!("slug={open}&user_id={}", victim.id)
        }
        "remove_group_image" => format!("slug={open}"),
        "update_profile" => {
            // Professionals keep their role (a confirmation holds only for
            // the role confirmed).
            let kind = match role {
                Role::Professional => "opbouwwerker",
                Role::Confirmed => "ambtenaar",
                _ => "bewoner",
            };
            format!("display_name=Buur+{n}&role={kind}&neighbourhood=&municipality=")
        }
        "confirm_professional" => {
            let email = w.self_described_professional(&n).await;
            format!("email={}&organisation=Buurtwerk+Noord&municipality=Amsterdam", email.replace('@', "%40"))
        }
        "end_professional_confirmation" => {
            let email = w.self_described_professional(&n).await;
            app::accounts::professionals::verify(&w.db, &email, "Buurtwerk Noord", "Amsterdam", None)
                .await
                .unwrap();
            format!("email={}", email.replace('@', "%40"))
        }
        "request_password_reset" => "email=buiten%40buurt.nl".into(),
        "register" => format!(
            "email=nieuw-{n}%40buurt.nl&display_name=Nieuw&password=Fietsbel-Lindeboom-42&role=bewoner"
        ),
        "confirm_registration" => {
            let form = app::accounts::signup::Registration {
                email: format!("bevestig-{n}@buurt.nl"),
                display_name: "Nieuw".into(),
                password: "Fietsbel-Lindeboom-42".into(),
                role: "bewoner".into(),
            };
            match app::accounts::signup::sign_up(&w.db, form).await.unwrap() {
                Some(app::accounts::signup::SignupMail::Confirm { code, .. }) => format!("code={code}"),
                other => panic!("no link: {other:?}"),
            }
        }
        "log_in" => {
            let email = format!("inlog-{n}@buurt.nl");
            app::testing::person(&w.db, &email).await;
            format!("email={}&password=Fietsbel-Lindeboom-42", email.replace('@', "%40"))
        }
        "reset_password" => {
            let email = format!("vergeten-{n}@buurt.nl");
            app::testing::person(&w.db, &email).await;
            let mail = app::accounts::credentials::request_reset(&w.db, &email, "ip")
                .await
                .unwrap()
                .unwrap();
            format!("code={}&new_password=Nieuw-Wachtwoord-Lang-77", mail.token)
        }
        "change_email" => format!(
            "email_password={}&new_email={}",
            me.map_or(String::new(), |p| p.password.clone()),
            new_email(role).replace('@', "%40")
        ),
        "change_password" => format!(
            "current_password={}&new_password={NEW_PASSWORD}",
            me.map_or(String::new(), |p| p.password.clone())
        ),
        "delete_account" => format!(
            "delete_password={}&confirm=ja",
            me.map_or(String::new(), |p| p.password.clone())
        ),
        other => panic!("no form for {other}: add one beside its MATRIX row"),
    }
}

// Accountability (`verantwoording`) through HTTP, as each person of the
// matrix: only the civil servant whose role an admin confirmed for the plan's
// municipality may give account. The matrix's professional (a community
// worker by their own word, member of the group) may report progress, not
// give account.
db_test!(
    only_a_confirmed_professional_gives_account,
    |db: Db| async move {
        let world = World::new(db).await;
        let body = format!(
        "plan_id={}&kind=verantwoording&body=De+vergunning+is+aangevraagd.&next_steps=&responsible=",
        world.plan
    );
        let post = |cookie: Option<String>| {
            let req = script_post("/api/post_plan_update", &body, cookie.as_deref());
            let app = world.app.clone();
            async move { app.oneshot(req).await.unwrap().status().as_u16() }
        };
        for (role, want) in Role::ALL
            .into_iter()
            .zip([401, 403, 403, 403, 403, 403, 403, 200])
        {
            let cookie = world.person(role).map(|p| p.cookie.clone());
            assert_eq!(post(cookie).await, want, "verantwoording as {role:?}");
        }
    }
);
