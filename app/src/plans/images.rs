//! Images on a plan: up to six, each with a description of what it shows.
//! The writer and the group's coordinators add and remove them. Uploads are
//! checked by content and re-encoded (`crate::media`), then kept behind the
//! storage interface (`crate::media::store`).

use serde::{Deserialize, Serialize};

/// Most images on one plan.
pub const MAX_IMAGES: i64 = 6;
/// Longest side after scaling, in pixels.
pub const IMAGE_SIDE: u32 = 1200;

/// An image as the plan page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanImage {
    /// Row id.
    pub id: i64,
    /// Its address: `/beelden/<key>`.
    pub src: String,
    /// Pixels, so the page does not jump while it loads.
    pub width: i64,
    /// See `width`.
    pub height: i64,
    /// What it shows.
    pub alt: String,
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{PlanImage, IMAGE_SIDE, MAX_IMAGES};
    use crate::plans::queries::{
        COUNT_IMAGES, DELETE_IMAGE, FIND_IMAGE, INSERT_IMAGE, LIST_IMAGES,
    };
    use crate::{
        accounts::Viewer,
        db::{now, Db},
        error::{AppError, AppResult},
        media::store::{new_key, ImageStore},
    };

    /// Length of the description, in characters.
    pub const ALT: (usize, usize) = (3, 200);

    async fn editor(db: &Db, viewer: Option<&Viewer>, plan_id: i64) -> AppResult<()> {
        let viewer = viewer.ok_or_else(AppError::login_required)?;
        let plan = crate::plans::service::plan(db, plan_id).await?;
        if crate::plans::service::may_edit(db, viewer, &plan).await? {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// Adds an image with its description; returns its id.
    pub async fn add(
        db: &Db,
        store: &ImageStore,
        viewer: Option<&Viewer>,
        plan_id: i64,
        upload: Vec<u8>,
        alt: &str,
    ) -> AppResult<i64> {
        editor(db, viewer, plan_id).await?;
        let alt = alt.trim().to_owned();
        if !(ALT.0..=ALT.1).contains(&alt.chars().count()) {
            return Err(AppError::field("alt", "image_alt_length"));
        }
        let count: i64 = sqlx::query_scalar(COUNT_IMAGES)
            .bind(plan_id)
            .fetch_one(&db.pool)
            .await?;
        if count >= MAX_IMAGES {
            return Err(AppError::field("beeld", "image_too_many"));
        }
        let image = crate::media::normalise_in_turn(upload, IMAGE_SIDE)
            .await?
            .map_err(|problem| AppError::field("beeld", problem.code()))?;
        let key = new_key(image.content_type);
        store.put(db, &key, &image.bytes).await?;
        let id = sqlx::query_scalar(INSERT_IMAGE)
            .bind(plan_id)
            .bind(&key)
            .bind(i64::from(image.width))
            .bind(i64::from(image.height))
            .bind(&alt)
            .bind(viewer.map(|v| v.id))
            .bind(now())
            .fetch_one(&db.pool)
            .await?;
        Ok(id)
    }

    /// Removes an image; returns its plan's id.
    pub async fn remove(
        db: &Db,
        store: &ImageStore,
        viewer: Option<&Viewer>,
        image_id: i64,
    ) -> AppResult<i64> {
        viewer.ok_or_else(AppError::login_required)?;
        let (plan_id, key): (i64, String) = sqlx::query_as(FIND_IMAGE)
            .bind(image_id)
            .fetch_optional(&db.pool)
            .await?
            .ok_or_else(AppError::not_found)?;
        editor(db, viewer, plan_id).await?;
        sqlx::query(DELETE_IMAGE)
            .bind(image_id)
            .execute(&db.pool)
            .await?;
        store.delete(db, &key).await?;
        Ok(plan_id)
    }

    /// A plan's images, oldest first.
    pub async fn list(db: &Db, plan_id: i64) -> AppResult<Vec<PlanImage>> {
        Ok(sqlx::query_as(LIST_IMAGES)
            .bind(plan_id)
            .fetch_all(&db.pool)
            .await?)
    }
}
