//! Filling the index from what is stored, for a database that has content
//! but no index entries for it yet: one from before search existed, or one
//! filled in bulk (the benchmark's data set). Every later change keeps the
//! index in step itself (see [`super::index`]).

use super::index::{sync_group, sync_plan, sync_principles, sync_reaction};
use crate::db::Db;

crate::statements! {
    INDEXED_ENTRIES = "SELECT COUNT(*) FROM search_docs WHERE kind <> 'principle'";
    ALL_GROUPS = "SELECT id FROM groups ORDER BY id";
    ALL_PLANS = "SELECT id FROM plans ORDER BY id";
    ALL_REACTIONS = "SELECT id FROM reactions ORDER BY id";
}

/// Indexes the groups, plans and reactions when none of them has an entry.
/// The manifest's principles do not count: publishing the manifest at first
/// start indexes them before anything else exists.
pub async fn build_if_empty(db: &Db) -> Result<(), sqlx::Error> {
    let rows: i64 = sqlx::query_scalar(INDEXED_ENTRIES)
        .fetch_one(&db.pool)
        .await?;
    if rows > 0 {
        return Ok(());
    }
    let mut tx = db.write_tx().await?;
    if let Some((_, doc)) = crate::manifest::queries::latest(&db.pool).await? {
        sync_principles(&mut tx, db.backend, &doc).await?;
    }
    let ids = |sql| sqlx::query_scalar::<_, i64>(sql);
    for id in ids(ALL_GROUPS).fetch_all(&mut *tx).await? {
        sync_group(&mut tx, db.backend, id).await?;
    }
    for id in ids(ALL_PLANS).fetch_all(&mut *tx).await? {
        sync_plan(&mut tx, db.backend, id).await?;
    }
    for id in ids(ALL_REACTIONS).fetch_all(&mut *tx).await? {
        sync_reaction(&mut tx, db.backend, id).await?;
    }
    tx.commit().await
}
