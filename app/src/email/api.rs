//! The server function behind the e-mail settings form.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Saves per kind of notification how it also comes by e-mail: `never`,
/// `direct` or `digest` (one radio group per kind on the settings page).
#[server(endpoint = "save_email_preferences")]
pub async fn save_email_preferences(
    reply: String,
    mention: String,
    new_plan: String,
    plan_phase: String,
    plan_update: String,
    join_decision: String,
) -> Result<(), AppError> {
    respond(
        async {
            use super::model::Delivery;
            use crate::notifications::model::Kind;
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let given = [
                reply,
                mention,
                new_plan,
                plan_phase,
                plan_update,
                join_decision,
            ];
            let mut choices = Vec::with_capacity(given.len());
            for (kind, value) in Kind::ALL.into_iter().zip(given) {
                let delivery = Delivery::parse(value.trim())
                    .ok_or_else(|| AppError::field(kind.as_str(), "email-delivery"))?;
                choices.push((kind, delivery));
            }
            super::service::save(
                &db,
                viewer.as_ref(),
                &choices,
                crate::i18n::current_lang(),
                crate::db::now(),
            )
            .await?;
            crate::ui::redirect_plain_form("/meldingen/instellingen?opgeslagen=1");
            Ok(())
        }
        .await,
    )
}
