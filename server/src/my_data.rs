//! `GET /profiel/mijn-gegevens.json`: the logged-in person's own data as a
//! file to save (see `app::privacy::export`). Never cached anywhere.

use app::{accounts::session::CurrentViewer, error::AppError, state::AppState};
use axum::{
    extract::State,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};

/// Answers with the JSON file, or 401 for a guest.
pub async fn download(
    State(state): State<AppState>,
    Extension(CurrentViewer(viewer)): Extension<CurrentViewer>,
) -> Response {
    let Some(viewer) = viewer else {
        return refusal(AppError::login_required());
    };
    match app::privacy::export::export(&state.db, viewer.id).await {
        Ok(data) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"wijkplein-mijn-gegevens.json\"",
                ),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(err) => refusal(err),
    }
}

fn refusal(err: AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, err.to_string()).into_response()
}
