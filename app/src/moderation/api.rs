//! Moderation server functions: report, hide, dismiss, restore.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Reports a plan or reaction; back on the page with a thank-you.
#[server(endpoint = "report_content")]
pub async fn report_content(
    target: String,
    target_id: i64,
    reason: String,
    back: String,
) -> Result<i64, AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            let id =
                super::service::report(&db, viewer.as_ref(), &target, target_id, &reason).await?;
            let back = crate::ui::safe_local_path(Some(&back));
            let (path, anchor) = back.split_once('#').unwrap_or((&back, ""));
            crate::ui::redirect_plain_form(&format!("{path}?gemeld=1#{anchor}"));
            Ok(id)
        }
        .await,
    )
}

/// Hides the reported item with a reason its author will see.
#[server(endpoint = "hide_content")]
pub async fn hide_content(report_id: i64, reason: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::hide(&db, crate::accounts::viewer().as_ref(), report_id, &reason)
                .await?;
            crate::ui::redirect_plain_form("/moderatie?klaar=1");
            Ok(())
        }
        .await,
    )
}

/// Closes a report without action.
#[server(endpoint = "dismiss_report")]
pub async fn dismiss_report(report_id: i64) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            super::service::dismiss(&db, crate::accounts::viewer().as_ref(), report_id).await?;
            crate::ui::redirect_plain_form("/moderatie?klaar=1");
            Ok(())
        }
        .await,
    )
}

/// Shows a hidden item again.
#[server(endpoint = "restore_content")]
pub async fn restore_content(target: String, target_id: i64, back: String) -> Result<(), AppError> {
    respond(
        async {
            let db = crate::state::use_db()?;
            let viewer = crate::accounts::viewer();
            super::service::restore(&db, viewer.as_ref(), &target, target_id).await?;
            crate::ui::redirect_plain_form(&crate::ui::safe_local_path(Some(&back)));
            Ok(())
        }
        .await,
    )
}
