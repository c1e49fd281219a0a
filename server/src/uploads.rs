//! Uploaded images: group photos and plan images, the upload forms' targets
//! and the images themselves. Uploads are plain multipart forms (they work
//! without JavaScript), so they are axum routes; the rules live in
//! `app::groups::service::set_image` and `app::plans::images`.

use app::{accounts::session::CurrentViewer, error::AppError, state::AppState};
use axum::{
    body::Body,
    extract::{multipart::Multipart, Path, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Extension,
};

/// `POST /groepen/{slug}/beeld`: stores the uploaded photo or logo and sends
/// the browser back to the edit page, with the problem if there was one.
pub async fn upload_group_image(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(CurrentViewer(viewer)): Extension<CurrentViewer>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let upload = match multipart {
        Ok(multipart) => read_upload(multipart).await,
        Err(_) => Err("image_empty"),
    };
    let result = match upload {
        Ok(bytes) => {
            app::groups::service::set_image(&state.db, viewer.as_ref(), &slug, bytes).await
        }
        Err(code) => Err(AppError::field("beeld", code)),
    };
    after_upload(
        result.map(|_| ()),
        &format!("/groepen/{slug}/bewerken"),
        "beeld",
    )
}

/// `POST /plannen/{id}/beelden`: adds an image (field `beeld`) with its
/// description (field `alt`) and returns to the plan's images.
pub async fn upload_plan_image(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Extension(CurrentViewer(viewer)): Extension<CurrentViewer>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut alt = String::new();
    let upload = match multipart {
        Ok(multipart) => read_fields(multipart, &mut alt).await,
        Err(_) => Err("image_empty"),
    };
    let result = match upload {
        Ok(bytes) => {
            app::plans::images::add(&state.db, &state.images, viewer.as_ref(), id, bytes, &alt)
                .await
        }
        Err(code) => Err(AppError::field("beeld", code)),
    };
    after_upload(result.map(|_| ()), &format!("/plannen/{id}"), "beelden")
}

/// Sends the browser back to `page#anchor` after an upload: with
/// `beeld=opgeslagen`, or with `beeldfout=<code>` for a problem the page
/// explains; other errors (401, 403, 404) answer with their status.
fn after_upload(result: Result<(), AppError>, page: &str, anchor: &str) -> Response {
    match result {
        Ok(()) => see_other(&format!("{page}?beeld=opgeslagen#{anchor}")),
        Err(AppError::Validation { fields, .. }) => {
            let code = fields
                .first()
                .map(|f| f.code.as_str())
                .unwrap_or("image_unreadable");
            see_other(&format!("{page}?beeldfout={code}#{anchor}"))
        }
        Err(err) => {
            let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST);
            (status, err.to_string()).into_response()
        }
    }
}

/// Reads the `beeld` field.
async fn read_upload(multipart: Multipart) -> Result<Vec<u8>, &'static str> {
    read_fields(multipart, &mut String::new()).await
}

/// Reads the `beeld` field, stopping as soon as it is over the limit, and
/// the short text field `alt` into `alt` (only when it comes first).
async fn read_fields(mut multipart: Multipart, alt: &mut String) -> Result<Vec<u8>, &'static str> {
    while let Ok(Some(mut field)) = multipart.next_field().await {
        if field.name() == Some("alt") {
            let text = field.text().await.unwrap_or_default();
            *alt = text.chars().take(1000).collect();
            continue;
        }
        if field.name() != Some("beeld") {
            continue;
        }
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > app::media::MAX_UPLOAD_BYTES {
                        return Err("image_too_large");
                    }
                }
                Ok(None) => return Ok(bytes),
                // The body limit cut the upload off.
                Err(_) => return Err("image_too_large"),
            }
        }
    }
    Err("image_empty")
}

fn see_other(location: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, value);
    }
    res
}

/// `GET /beelden/{key}`: a stored plan image. Keys never change content, so
/// a browser may keep it for a long time.
pub async fn stored_image(State(state): State<AppState>, Path(key): Path<String>) -> Response {
    match state.images.get(&state.db, &key).await {
        Ok(Some((content_type, bytes))) => {
            let mut res = Response::new(Body::from(bytes));
            let headers = res.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            res
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "could not read a stored image");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /groepen/{slug}/beeld`: the stored image. Links carry `?v=<updated>`,
/// so a browser may keep it for a long time.
pub async fn group_image(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    match app::groups::service::image(&state.db, &slug).await {
        Ok(Some((content_type, bytes))) => {
            let mut res = Response::new(Body::from(bytes));
            let headers = res.headers_mut();
            if let Ok(value) = HeaderValue::from_str(&content_type) {
                headers.insert(header::CONTENT_TYPE, value);
            }
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            res
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "could not read a group image");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
