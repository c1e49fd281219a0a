//! Notification server functions: mark one read, or all.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Marks one of my notifications read.
#[server(endpoint = "mark_notification_read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::mark_read(&db, crate::accounts::viewer().as_ref(), id).await?;
            crate::ui::redirect_plain_form("/meldingen");
            Ok(())
        }
        .await,
    )
}

/// Marks all my notifications read.
#[server(endpoint = "mark_all_notifications_read")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::mark_all_read(&db, crate::accounts::viewer().as_ref()).await?;
            crate::ui::redirect_plain_form("/meldingen");
            Ok(())
        }
        .await,
    )
}
