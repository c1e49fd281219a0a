//! Where uploaded images live: in the database (the default, so nothing else
//! needs setting up and every instance sees every image) or in a folder
//! (`WIJKPLEIN_IMAGE_DIR`, for large installations; with several instances it
//! must be a shared volume). Callers see one interface and a key.

use crate::{db::Db, error::AppResult};
use std::path::PathBuf;

crate::statements! {
    INSERT_IMAGE = "INSERT INTO stored_images (key, content_type, bytes, created_at) VALUES ($1, $2, $3, $4)";
    IMAGE_BYTES = "SELECT bytes FROM stored_images WHERE key = $1";
    DELETE_IMAGE = "DELETE FROM stored_images WHERE key = $1";
}

/// The image storage in use.
#[derive(Debug, Clone, Default)]
pub enum ImageStore {
    /// Rows in `stored_images`.
    #[default]
    Database,
    /// Files in this folder, named by key.
    Disk(PathBuf),
}

/// The content type a key's extension stands for.
fn content_type(key: &str) -> &'static str {
    if key.ends_with(".png") {
        "image/png"
    } else {
        "image/jpeg"
    }
}

/// Keys are ours (random hex plus an extension), never a person's file name;
/// anything else is refused before it reaches a path or a query.
pub fn valid_key(key: &str) -> bool {
    let Some((stem, ext)) = key.split_once('.') else {
        return false;
    };
    (ext == "png" || ext == "jpg")
        && stem.len() == 32
        && stem.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A fresh key for an image of this content type.
pub fn new_key(content_type: &str) -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    let ext = if content_type == "image/png" {
        "png"
    } else {
        "jpg"
    };
    format!("{}.{ext}", hex::encode(bytes))
}

impl ImageStore {
    /// Stores bytes under `key`.
    pub async fn put(&self, db: &Db, key: &str, bytes: &[u8]) -> AppResult<()> {
        match self {
            ImageStore::Database => {
                sqlx::query(INSERT_IMAGE)
                    .bind(key)
                    .bind(content_type(key))
                    .bind(bytes)
                    .bind(crate::db::now())
                    .execute(&db.pool)
                    .await?;
            }
            ImageStore::Disk(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(crate::error::AppError::internal)?;
                tokio::fs::write(dir.join(key), bytes)
                    .await
                    .map_err(crate::error::AppError::internal)?;
            }
        }
        Ok(())
    }

    /// The bytes and content type under `key`, if there are any.
    pub async fn get(&self, db: &Db, key: &str) -> AppResult<Option<(&'static str, Vec<u8>)>> {
        if !valid_key(key) {
            return Ok(None);
        }
        match self {
            ImageStore::Database => {
                let bytes: Option<Vec<u8>> = sqlx::query_scalar(IMAGE_BYTES)
                    .bind(key)
                    .fetch_optional(&db.pool)
                    .await?;
                Ok(bytes.map(|b| (content_type(key), b)))
            }
            ImageStore::Disk(dir) => match tokio::fs::read(dir.join(key)).await {
                Ok(bytes) => Ok(Some((content_type(key), bytes))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(crate::error::AppError::internal(e)),
            },
        }
    }

    /// Removes what is under `key` (nothing there is fine).
    pub async fn delete(&self, db: &Db, key: &str) -> AppResult<()> {
        if !valid_key(key) {
            return Ok(());
        }
        match self {
            ImageStore::Database => {
                sqlx::query(DELETE_IMAGE)
                    .bind(key)
                    .execute(&db.pool)
                    .await?;
            }
            ImageStore::Disk(dir) => match tokio::fs::remove_file(dir.join(key)).await {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(crate::error::AppError::internal(e)),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_before_use() {
        let key = new_key("image/png");
        assert!(valid_key(&key) && key.ends_with(".png"));
        assert!(valid_key(&new_key("image/jpeg")));
        for bad in [
            "../etc/passwd",
            "abc.png",
            "a.b.png",
            &key.replace(".png", ".svg"),
        ] {
            assert!(!valid_key(bad), "{bad}");
        }
    }
}
