//! Running a search (server only): best match first, filtered, in keyset
//! pages over `(rank, id)`. Both backends rank so that a lower number is a
//! better match (SQLite's bm25 is already so; PostgreSQL's ts_rank is negated),
//! with title words weighing more than body words.

use super::{
    index::DocKind,
    text::{excerpt, Query},
};
use crate::db::{Backend, Db};
use sqlx::Row;

/// What a search may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this kind of result.
    pub kind: Option<DocKind>,
    /// Only in this municipality.
    pub municipality: Option<String>,
    /// Only in this group (by id).
    pub group_id: Option<i64>,
    /// Only plans in this phase.
    pub phase: Option<String>,
}

/// Where the next page starts: after this rank and id.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    /// Rank of the last result shown.
    pub rank: f64,
    /// Its id.
    pub id: i64,
}

impl Cursor {
    /// For a URL: the rank's exact bits and the id.
    pub fn encode(&self) -> String {
        format!("{:x}-{}", self.rank.to_bits(), self.id)
    }

    /// Reads [`Cursor::encode`]'s output; anything else is `None`.
    pub fn parse(value: &str) -> Option<Cursor> {
        let (bits, id) = value.split_once('-')?;
        Some(Cursor {
            rank: f64::from_bits(u64::from_str_radix(bits, 16).ok()?),
            id: id.parse().ok()?,
        })
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index row id (for the cursor).
    pub id: i64,
    /// What it is (`group`, `plan`, `reaction`, `principle`).
    pub kind: String,
    /// Its title as written.
    pub title: String,
    /// Its title, HTML-escaped, matches in `<mark>`.
    pub title_html: String,
    /// A short excerpt, HTML-escaped, matches in `<mark>`.
    pub excerpt: String,
    /// Where it leads (a reaction opens in its thread).
    pub link: String,
    /// Its municipality, if any.
    pub municipality: String,
    /// Lower is better.
    pub rank: f64,
}

/// Characters in an excerpt.
const EXCERPT: usize = 180;

/// One page of results for `query`, best first.
pub async fn run(
    db: &Db,
    query: &Query,
    filters: &Filters,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<Hit>, sqlx::Error> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let (from, rank, matching) = match (db.backend, query.fts5(), query.tsquery()) {
        (Backend::Sqlite, Some(m), _) => (
            "search_fts JOIN search_docs d ON d.id = search_fts.rowid",
            "bm25(search_fts, 4.0, 1.0)",
            Some(("search_fts MATCH $1", m)),
        ),
        (Backend::Postgres, _, Some(m)) => (
            "search_docs d",
            "-CAST(ts_rank(d.words, to_tsquery('dutch', $1)) AS FLOAT8)",
            Some(("d.words @@ to_tsquery('dutch', $1)", m)),
        ),
        // A postcode alone: everything in that area, newest first.
        _ => ("search_docs d", "-CAST(d.id AS FLOAT8)", None),
    };
    let (condition, text) = match matching {
        Some((c, t)) => (c, t),
        None => ("$1 = ''", String::new()),
    };
    let sql = format!(
        "SELECT * FROM (
             SELECT d.id, d.kind, d.title, d.body, d.link, d.municipality, {rank} AS rank
             FROM {from}
             WHERE {condition}
               AND ($2 = '' OR d.kind = $2)
               AND ($3 = '' OR d.municipality = $3)
               AND ($4 = 0 OR d.group_id = $4)
               AND ($5 = '' OR d.phase = $5)
               AND ($6 = '' OR d.group_id IN (SELECT group_id FROM group_postcodes WHERE postcode = $6))
         ) hits
         WHERE $7 = 0 OR rank > $8 OR (rank = $8 AND id > $9)
         ORDER BY rank, id
         LIMIT $10"
    );
    let rows = sqlx::query(&sql)
        .bind(text)
        .bind(filters.kind.map(DocKind::as_str).unwrap_or(""))
        .bind(filters.municipality.as_deref().unwrap_or(""))
        .bind(filters.group_id.unwrap_or(0))
        .bind(filters.phase.as_deref().unwrap_or(""))
        .bind(query.postcode.as_deref().unwrap_or(""))
        .bind(i64::from(after.is_some()))
        .bind(after.map_or(0.0, |c| c.rank))
        .bind(after.map_or(0, |c| c.id))
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let title: String = r.try_get("title")?;
            let body: String = r.try_get("body")?;
            Ok(Hit {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                excerpt: excerpt(&body, query, EXCERPT),
                title_html: excerpt(&title, query, usize::MAX / 4),
                title,
                link: r.try_get("link")?,
                municipality: r.try_get("municipality")?,
                rank: r.try_get("rank")?,
            })
        })
        .collect()
}
