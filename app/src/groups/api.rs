//! Group server functions: thin wrappers that find the viewer, call the
//! service and, for a plain form post, send the browser on to the right page.

// The group form's fields arrive as one argument each (that is how a plain
// HTML form posts); the generated browser-side stubs repeat the signature.
#![allow(clippy::too_many_arguments, reason = "one argument per form field")]

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn form(
    name: String,
    neighbourhood: String,
    municipality: String,
    postcodes: String,
    description: String,
    mode: String,
    join_question: String,
) -> super::service::GroupForm {
    super::service::GroupForm {
        name,
        neighbourhood,
        municipality,
        postcodes,
        description,
        mode,
        join_question,
    }
}

#[cfg(feature = "ssr")]
fn go(path: String) {
    crate::ui::redirect_plain_form(&path);
}

/// Starts a group; the founder becomes its coordinator. Returns the slug.
#[server(endpoint = "create_group")]
pub async fn create_group(
    name: String,
    neighbourhood: String,
    municipality: String,
    postcodes: String,
    description: String,
    mode: String,
    join_question: String,
) -> Result<String, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let f = form(
                name,
                neighbourhood,
                municipality,
                postcodes,
                description,
                mode,
                join_question,
            );
            let slug = super::service::create(&db, viewer.as_ref(), f).await?;
            go(format!("/groepen/{slug}?gestart=1"));
            Ok(slug)
        }
        .await,
    )
}

/// Saves a group's details (coordinators).
#[server(endpoint = "update_group")]
pub async fn update_group(
    slug: String,
    name: String,
    neighbourhood: String,
    municipality: String,
    postcodes: String,
    description: String,
    mode: String,
    join_question: String,
) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let f = form(
                name,
                neighbourhood,
                municipality,
                postcodes,
                description,
                mode,
                join_question,
            );
            super::service::update(&db, viewer.as_ref(), &slug, f).await?;
            go(format!("/groepen/{slug}?opgeslagen=1"));
            Ok(())
        }
        .await,
    )
}

/// Joins an open group.
#[server(endpoint = "join_group")]
pub async fn join_group(slug: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::join(&db, crate::accounts::viewer().as_ref(), &slug).await?;
            go(format!("/groepen/{slug}?welkom=1#meedoen"));
            Ok(())
        }
        .await,
    )
}

/// Asks to join a group on request.
#[server(endpoint = "request_join")]
pub async fn request_join(slug: String, answer: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::request_to_join(&db, viewer.as_ref(), &slug, &answer).await?;
            go(format!("/groepen/{slug}?aangevraagd=1#meedoen"));
            Ok(())
        }
        .await,
    )
}

/// Withdraws one's own open request.
#[server(endpoint = "withdraw_join_request")]
pub async fn withdraw_join_request(request_id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let slug = super::service::withdraw_request(&db, viewer.as_ref(), request_id).await?;
            go(format!("/groepen/{slug}?ingetrokken=1#meedoen"));
            Ok(())
        }
        .await,
    )
}

/// Approves (`decision=approve`) or declines a request (coordinators).
#[server(endpoint = "decide_join_request")]
pub async fn decide_join_request(
    request_id: i64,
    decision: String,
    message: String,
) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let approve = match decision.as_str() {
                "approve" => true,
                "decline" => false,
                _ => return Err(AppError::field("decision", "group_decision_invalid")),
            };
            let slug =
                super::service::decide_request(&db, viewer.as_ref(), request_id, approve, &message)
                    .await?;
            go(format!("/groepen/{slug}/beheer?besloten=1"));
            Ok(())
        }
        .await,
    )
}

/// Leaves a group.
#[server(endpoint = "leave_group")]
pub async fn leave_group(slug: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::leave(&db, crate::accounts::viewer().as_ref(), &slug).await?;
            go(format!("/groepen/{slug}?verlaten=1#meedoen"));
            Ok(())
        }
        .await,
    )
}

/// Shows (`hidden=0`) or hides (`hidden=1`) one's own name on the member list.
#[server(endpoint = "set_name_hidden")]
pub async fn set_name_hidden(slug: String, hidden: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::set_name_hidden(&db, viewer.as_ref(), &slug, hidden == "1").await?;
            go(format!("/groepen/{slug}?opgeslagen=1#meedoen"));
            Ok(())
        }
        .await,
    )
}

/// Makes a member co-coordinator (`role=coordinator`) or back to member.
#[server(endpoint = "set_member_role")]
pub async fn set_member_role(slug: String, user_id: i64, role: String) -> Result<(), AppError> {
    respond(
        async {
            use super::model::MemberRole;
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let role = match role.as_str() {
                "coordinator" => MemberRole::Coordinator,
                "member" => MemberRole::Member,
                _ => return Err(AppError::field("role", "group_role_invalid")),
            };
            super::service::set_role(&db, viewer.as_ref(), &slug, user_id, role).await?;
            go(format!("/groepen/{slug}/beheer?opgeslagen=1#leden"));
            Ok(())
        }
        .await,
    )
}

/// Removes a member (coordinators).
#[server(endpoint = "remove_member")]
pub async fn remove_member(slug: String, user_id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::remove_member(&db, viewer.as_ref(), &slug, user_id).await?;
            go(format!("/groepen/{slug}/beheer?verwijderd=1#leden"));
            Ok(())
        }
        .await,
    )
}

/// Bans someone from (re)joining, with a reason (coordinators).
#[server(endpoint = "ban_member")]
pub async fn ban_member(slug: String, user_id: i64, reason: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::ban(&db, viewer.as_ref(), &slug, user_id, &reason).await?;
            go(format!("/groepen/{slug}/beheer?geweerd=1#geweerd"));
            Ok(())
        }
        .await,
    )
}

/// Lifts a ban (coordinators).
#[server(endpoint = "lift_ban")]
pub async fn lift_ban(slug: String, user_id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::unban(&db, viewer.as_ref(), &slug, user_id).await?;
            go(format!("/groepen/{slug}/beheer?opgeslagen=1#geweerd"));
            Ok(())
        }
        .await,
    )
}

/// Removes the group's photo or logo (coordinators). Uploading one is a
/// multipart form handled by the server's `/groepen/{slug}/beeld` route.
#[server(endpoint = "remove_group_image")]
pub async fn remove_group_image(slug: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::remove_image(&db, viewer.as_ref(), &slug).await?;
            go(format!("/groepen/{slug}/bewerken?opgeslagen=1#beeld"));
            Ok(())
        }
        .await,
    )
}
