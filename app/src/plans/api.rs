//! Plan server functions: thin wrappers over the service; a plain form post
//! is sent on to the plan's page.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// A member writes a plan for their group. `principles` are the checked
/// boxes (`principles[]`); none checked means none sent.
#[server(endpoint = "create_plan")]
pub async fn create_plan(
    group: String,
    title: String,
    summary: String,
    body: String,
    place: String,
    principles: Option<Vec<String>>,
) -> Result<i64, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let form = super::service::PlanForm {
                title,
                summary,
                body,
                place,
                principles: principles.unwrap_or_default(),
            };
            let id = super::service::create(&db, viewer.as_ref(), &group, form).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{id}?nieuw=1"));
            Ok(id)
        }
        .await,
    )
}

/// The writer or a coordinator saves an edited plan.
#[server(endpoint = "update_plan")]
pub async fn update_plan(
    plan_id: i64,
    title: String,
    summary: String,
    body: String,
    place: String,
    principles: Option<Vec<String>>,
) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let form = super::service::PlanForm {
                title,
                summary,
                body,
                place,
                principles: principles.unwrap_or_default(),
            };
            super::service::update(&db, viewer.as_ref(), plan_id, form).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}?bewerkt=1"));
            Ok(())
        }
        .await,
    )
}

/// Moves a plan to another phase (its writer or the group's coordinators).
#[server(endpoint = "change_plan_phase")]
pub async fn change_plan_phase(
    plan_id: i64,
    phase: String,
    reason: String,
) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::change_phase(&db, viewer.as_ref(), plan_id, &phase, &reason).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}?fase=1#tijdlijn"));
            Ok(())
        }
        .await,
    )
}

/// Supports a plan.
#[server(endpoint = "support_plan")]
pub async fn support_plan(plan_id: i64) -> Result<i64, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let count =
                super::service::support(&db, crate::accounts::viewer().as_ref(), plan_id).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}#steun"));
            Ok(count)
        }
        .await,
    )
}

/// Withdraws one's support.
#[server(endpoint = "withdraw_plan_support")]
pub async fn withdraw_plan_support(plan_id: i64) -> Result<i64, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let count = super::service::withdraw_support(&db, viewer.as_ref(), plan_id).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}#steun"));
            Ok(count)
        }
        .await,
    )
}

/// Posts a progress update (members) or an accountability update
/// (professionals working in the group's municipality).
#[server(endpoint = "post_plan_update")]
pub async fn post_plan_update(
    plan_id: i64,
    kind: String,
    body: String,
    next_steps: String,
    responsible: String,
) -> Result<i64, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let form = super::updates::UpdateForm {
                kind,
                body,
                next_steps,
                responsible,
            };
            let id = super::updates::post(&db, viewer.as_ref(), plan_id, form).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}#update-{id}"));
            Ok(id)
        }
        .await,
    )
}

/// Removes an image from a plan (its writer or the group's coordinators).
#[server(endpoint = "remove_plan_image")]
pub async fn remove_plan_image(image_id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let store = crate::state::use_images()?;
            let viewer = crate::accounts::viewer();
            let plan_id = super::images::remove(&db, &store, viewer.as_ref(), image_id).await?;
            crate::ui::redirect_plain_form(&format!("/plannen/{plan_id}#beelden"));
            Ok(())
        }
        .await,
    )
}
