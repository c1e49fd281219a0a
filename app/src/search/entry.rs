//! One entry of the search index, as both backends store it: the row in
//! `search_docs` with the text as written, and the words to match (SQLite:
//! stems in the FTS5 table `search_fts` under the same id; PostgreSQL: a
//! `tsvector` column). `index` decides what goes in; this writes it.

use super::{
    facets,
    text::{index_text, plain_text},
};
use crate::db::Backend;
use sqlx::AnyConnection;

crate::statements! {
    FORGET_WORDS [sqlite] = "DELETE FROM search_fts WHERE rowid IN
             (SELECT id FROM search_docs WHERE kind = $1 AND ref_key = $2)";
    FORGET_DOC = "DELETE FROM search_docs WHERE kind = $1 AND ref_key = $2";
    UPSERT_DOC [sqlite] = "INSERT INTO search_docs (kind, ref_key, group_id, municipality, phase, title, body, link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (kind, ref_key) DO UPDATE SET group_id = excluded.group_id,
             municipality = excluded.municipality, phase = excluded.phase, title = excluded.title,
             body = excluded.body, link = excluded.link
         RETURNING id";
    /// The same, with the words PostgreSQL matches on (title, body, tags).
    UPSERT_DOC_WITH_WORDS [postgres] = "INSERT INTO search_docs (kind, ref_key, group_id, municipality, phase, title, body, link, words)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
             setweight(to_tsvector('dutch', $9), 'A') || setweight(to_tsvector('dutch', $10), 'B')
               || setweight(to_tsvector('simple', $11), 'D'))
         ON CONFLICT (kind, ref_key) DO UPDATE SET group_id = excluded.group_id,
             municipality = excluded.municipality, phase = excluded.phase, title = excluded.title,
             body = excluded.body, link = excluded.link, words = excluded.words
         RETURNING id";
    DELETE_WORDS [sqlite] = "DELETE FROM search_fts WHERE rowid = $1";
    INSERT_WORDS [sqlite] = "INSERT INTO search_fts (rowid, title, body, facets) VALUES ($1, $2, $3, $4)";
}

/// What kind of thing a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// A resident group.
    Group,
    /// A plan.
    Plan,
    /// A reaction on a plan or on the manifest.
    Reaction,
    /// A manifest principle.
    Principle,
}

impl DocKind {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Group => "group",
            DocKind::Plan => "plan",
            DocKind::Reaction => "reaction",
            DocKind::Principle => "principle",
        }
    }
}

/// One findable thing, as the index keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// What it is.
    pub kind: DocKind,
    /// Its id, or a principle's slug.
    pub key: String,
    /// The group it belongs to.
    pub group_id: Option<i64>,
    /// Its group's municipality.
    pub municipality: String,
    /// A plan's phase.
    pub phase: Option<String>,
    /// The postcode areas (four digits) a group or plan is in; empty for
    /// reactions and principles (a postcode finds groups and plans).
    pub postcodes: Vec<String>,
    /// Title as written.
    pub title: String,
    /// Body as written.
    pub body: String,
    /// Where the result leads.
    pub link: String,
}

/// Removes `kind`/`key` from the index (nothing happens if it is not there).
pub async fn remove(
    conn: &mut AnyConnection,
    backend: Backend,
    kind: DocKind,
    key: &str,
) -> Result<(), sqlx::Error> {
    if backend == Backend::Sqlite {
        sqlx::query(FORGET_WORDS)
            .bind(kind.as_str())
            .bind(key)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(FORGET_DOC)
        .bind(kind.as_str())
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Puts `doc` in the index, replacing what was there for it. An entry keeps
/// its id when it changes: ranking looks at the newest matches by id, so an
/// edit, or a group's new name passing through all its plans and reactions,
/// must not make old entries count as new (nor move them between pages).
pub async fn put(conn: &mut AnyConnection, backend: Backend, doc: &Doc) -> Result<(), sqlx::Error> {
    // A reaction's title is the plan it is on: shown for context, not
    // searched, or every reaction would match its plan's title.
    let title_words = if doc.kind == DocKind::Reaction {
        ""
    } else {
        doc.title.as_str()
    };
    let tags = facets::of_entry(
        doc.kind.as_str(),
        doc.group_id,
        &doc.municipality,
        doc.phase.as_deref(),
        &doc.postcodes,
    );
    let upsert = match backend {
        Backend::Sqlite => UPSERT_DOC,
        Backend::Postgres => UPSERT_DOC_WITH_WORDS,
    };
    let query = sqlx::query_scalar::<_, i64>(upsert)
        .bind(doc.kind.as_str())
        .bind(&doc.key)
        .bind(doc.group_id)
        .bind(&doc.municipality)
        .bind(&doc.phase)
        .bind(&doc.title)
        .bind(&doc.body)
        .bind(&doc.link);
    match backend {
        Backend::Sqlite => {
            let id = query.fetch_one(&mut *conn).await?;
            // FTS5 rows are replaced whole, under the entry's id.
            sqlx::query(DELETE_WORDS)
                .bind(id)
                .execute(&mut *conn)
                .await?;
            sqlx::query(INSERT_WORDS)
                .bind(id)
                .bind(index_text(title_words))
                .bind(index_text(&doc.body))
                .bind(&tags)
                .execute(&mut *conn)
                .await?;
        }
        Backend::Postgres => {
            query
                .bind(plain_text(title_words))
                .bind(plain_text(&doc.body))
                .bind(&tags)
                .fetch_one(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
