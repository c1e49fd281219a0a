//! What every server function and page render can reach (server only).

use crate::{
    db::Db,
    error::{AppError, AppResult},
};
use axum::extract::FromRef;
use leptos::prelude::{use_context, LeptosOptions};

/// Shared server state: given to axum and, through context, to Leptos.
#[derive(Clone)]
pub struct AppState {
    /// Leptos site options (paths, addresses).
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: Db,
    /// Where uploaded images are kept.
    pub images: crate::media::store::ImageStore,
    /// Outgoing mail for messages sent at once (password reset links);
    /// `None` when this server sends no e-mail.
    pub mailer: Option<crate::email::sender::Mailer>,
}

/// The database from the Leptos context.
pub fn use_db() -> AppResult<Db> {
    use_context::<AppState>()
        .map(|state| state.db)
        .ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The image storage from the Leptos context.
pub fn use_images() -> AppResult<crate::media::store::ImageStore> {
    use_context::<AppState>()
        .map(|state| state.images)
        .ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The mailer from the Leptos context, if this server sends e-mail.
pub fn use_mailer() -> Option<crate::email::sender::Mailer> {
    use_context::<AppState>().and_then(|state| state.mailer)
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
