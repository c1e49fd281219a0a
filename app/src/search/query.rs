//! Running a search (server only): best match first, filtered, in keyset
//! pages over `(rank, id)`. Both backends rank so that a lower number is a
//! better match (SQLite's bm25 is already so; PostgreSQL's ts_rank is negated),
//! with title words weighing more than body words.
//!
//! Filters are words in the index (see `facets`), so they narrow the match
//! itself. Ranking looks at the newest [`CANDIDATES`] matches: a word like
//! "speeltuin" can match a hundred thousand reactions nationally, and scoring
//! all of them costs far more than the 50 ms a search may take, while the
//! newest are what neighbours look for. Kinds with fewer matches (groups,
//! plans, principles, and most searches) are ranked in full.

use super::{
    facets,
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

pub use super::model::CANDIDATES;

/// One page of results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Best first.
    pub hits: Vec<Hit>,
    /// More than [`CANDIDATES`] matched, so only the newest were ranked.
    pub capped: bool,
}

/// The filter tags a search must match, for the index's own syntax.
fn tags(query: &Query, filters: &Filters) -> Vec<String> {
    let mut tags = Vec::new();
    tags.extend(filters.kind.map(|k| facets::kind(k.as_str())));
    tags.extend(filters.group_id.map(facets::group));
    tags.extend(filters.municipality.as_deref().map(facets::municipality));
    tags.extend(filters.phase.as_deref().map(facets::phase));
    tags.extend(query.postcode.as_deref().map(facets::postcode));
    tags
}

/// The SQL of a search and the match text bound to `$1`. The candidates are
/// the newest matches; `$2` caps them, `$3`..`$5` are the keyset, `$6` the
/// page size.
fn statement(backend: Backend, query: &Query, tags: &[String]) -> (String, String) {
    let (candidates, rank, text) = match backend {
        Backend::Sqlite => {
            let tags = (!tags.is_empty()).then(|| {
                let quoted: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
                format!("facets : ({})", quoted.join(" AND "))
            });
            let text = [query.fts5(), tags].into_iter().flatten().collect::<Vec<_>>();
            let rank = if query.fts5().is_some() {
                "bm25(search_fts, 4.0, 1.0, 0.0)"
            } else {
                // A postcode alone: everything in that area, newest first.
                "-CAST(rowid AS REAL)"
            };
            (
                format!(
                    "SELECT rowid AS id, {rank} AS rank FROM search_fts
                     WHERE search_fts MATCH $1 ORDER BY rowid DESC LIMIT $2"
                ),
                "c.rank",
                text.join(" AND "),
            )
        }
        Backend::Postgres => {
            let tags = (!tags.is_empty()).then(|| {
                let weighted: Vec<String> = tags.iter().map(|t| format!("{t}:D")).collect();
                weighted.join(" & ")
            });
            let words = query.tsquery();
            let rank = if words.is_some() {
                "-CAST(ts_rank(c.words, to_tsquery('dutch', split_part($1, '|', 1))) AS FLOAT8)"
            } else {
                "-CAST(c.id AS FLOAT8)"
            };
            // `$1` is "words|tags"; either side may be empty.
            let matching = match (&words, &tags) {
                (Some(_), Some(_)) => {
                    "to_tsquery('dutch', split_part($1, '|', 1)) && to_tsquery('simple', split_part($1, '|', 2))"
                }
                (Some(_), None) => "to_tsquery('dutch', split_part($1, '|', 1))",
                _ => "to_tsquery('simple', split_part($1, '|', 2))",
            };
            (
                format!(
                    "SELECT id, words FROM search_docs WHERE words @@ ({matching})
                     ORDER BY id DESC LIMIT $2"
                ),
                rank,
                format!(
                    "{}|{}",
                    words.unwrap_or_default(),
                    tags.unwrap_or_default()
                ),
            )
        }
    };
    let sql = format!(
        "WITH c AS MATERIALIZED ({candidates}),
              r AS (SELECT c.id, {rank} AS rank FROM c)
         SELECT d.id, d.kind, d.title, d.body, d.link, d.municipality, r.rank,
                (SELECT COUNT(*) FROM c) AS found
         FROM r JOIN search_docs d ON d.id = r.id
         WHERE $3 = 0 OR r.rank > $4 OR (r.rank = $4 AND r.id > $5)
         ORDER BY r.rank, r.id
         LIMIT $6"
    );
    (sql, text)
}

/// One page of results for `query`, best first.
pub async fn run(
    db: &Db,
    query: &Query,
    filters: &Filters,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Found, sqlx::Error> {
    if query.is_empty() {
        return Ok(Found::default());
    }
    let (sql, text) = statement(db.backend, query, &tags(query, filters));
    let rows = sqlx::query(&sql)
        .bind(text)
        .bind(CANDIDATES + 1)
        .bind(i64::from(after.is_some()))
        .bind(after.map_or(0.0, |c| c.rank))
        .bind(after.map_or(0, |c| c.id))
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    let mut found = Found::default();
    for r in &rows {
        let title: String = r.try_get("title")?;
        let body: String = r.try_get("body")?;
        found.capped = r.try_get::<i64, _>("found")? > CANDIDATES;
        found.hits.push(Hit {
            id: r.try_get("id")?,
            kind: r.try_get("kind")?,
            excerpt: excerpt(&body, query, EXCERPT),
            title_html: excerpt(&title, query, usize::MAX / 4),
            title,
            link: r.try_get("link")?,
            municipality: r.try_get("municipality")?,
            rank: r.try_get("rank")?,
        });
    }
    Ok(found)
}
