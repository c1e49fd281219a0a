//! Loading and publishing manifest versions (server only).
//!
//! The text lives in `content/manifest.toml`. At first start the server loads
//! the copy compiled into it; later versions are published by a platform
//! admin with `wijkplein publish-manifest <file>`. Old versions stay, so
//! signatures and reactions keep pointing at what people actually read.

use super::{model::ManifestDoc, queries};
use crate::{
    db::{now, Db},
    error::{AppError, AppResult},
};

/// The manifest text shipped with this build.
pub const BUILT_IN: &str = include_str!("../../../content/manifest.toml");

/// Parses a content file into a document, or says plainly what is wrong.
pub fn parse(text: &str) -> Result<ManifestDoc, String> {
    let doc: ManifestDoc = toml::from_str(text).map_err(|e| e.to_string())?;
    let problems = doc.problems();
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems.join("; "))
    }
}

/// Publishes a new version; its number must be higher than the newest one.
pub async fn publish(db: &Db, doc: &ManifestDoc, by: Option<i64>) -> AppResult<i64> {
    if let Some((_, current)) = queries::latest(&db.pool).await? {
        if doc.version <= current.version {
            return Err(AppError::field("document", "manifest_version_not_newer"));
        }
    }
    let mut tx = db.write_tx().await?;
    let id = queries::insert_version(&mut tx, doc, by, now()).await?;
    crate::search::index::sync_principles(&mut tx, db.backend, doc).await?;
    tx.commit().await?;
    Ok(id)
}

/// Loads the built-in text when no version exists yet (first start).
pub async fn ensure_loaded(db: &Db) -> AppResult<()> {
    if queries::latest(&db.pool).await?.is_none() {
        let doc = parse(BUILT_IN).map_err(AppError::internal)?;
        publish(db, &doc, None).await?;
        tracing::info!(
            version = doc.version,
            "manifest loaded from the built-in content file"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_manifest_quotes_lsa_exactly() {
        let doc = parse(BUILT_IN).unwrap();
        let pillars: Vec<&str> = doc.pillars.iter().map(|p| p.quote.as_str()).collect();
        assert_eq!(
            pillars,
            [
                "Bewoners en hun ervaringskennis zijn leidend",
                "Een lange adem",
                "Mogelijk maken"
            ]
        );
        let principles: Vec<&str> = doc
            .pillars
            .iter()
            .flat_map(|p| p.principles.iter().map(|pr| pr.quote.as_str()))
            .collect();
        assert_eq!(
            principles,
            [
                "Werk waarderend en uitnodigend",
                "Heb aandacht voor wat er goed gaat in wijken",
                "Vertrek vanuit gelijkwaardigheid",
                "Maak gebruik van wat er al is",
                "Kies voor de lange termijn",
                "Organiseer betrouwbaarheid en consistentie",
                "Borg continuïteit in de uitvoering",
                "Geef beroepskrachten in de wijk de ruimte om hun werk te doen",
                "Experimenteer met nieuwe mogelijkheden tot verantwoording",
            ]
        );
        assert!(doc.principle("lange-termijn").is_some());
    }

    #[test]
    fn broken_files_are_explained() {
        assert!(parse("version = ").is_err());
        let dup = BUILT_IN.replace("slug = \"wat-goed-gaat\"", "slug = \"lange-termijn\"");
        assert!(parse(&dup).unwrap_err().contains("used twice"));
    }
}
