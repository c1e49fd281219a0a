//! Running a search (server only): best match first, filtered, in keyset
//! pages over `(rank, id)`. Both backends rank so that a lower number is a
//! better match (`text::rank` is so; PostgreSQL's ts_rank is negated), with
//! title words weighing more than body words.
//!
//! Excerpts and their marks are made here, in Rust, for both backends rather
//! than with PostgreSQL's `ts_headline`: the index holds words with their
//! accents folded away, so `ts_headline` over the text as written would not
//! mark "Café" for "cafe", and results would look different per backend.
//!
//! Filters are words in the index (see `facets`), so they narrow the match
//! itself. Ranking looks at the newest [`CANDIDATES`] matches: a word like
//! "speeltuin" can match a hundred thousand reactions nationally, and scoring
//! all of them costs far more than the 50 ms a search may take, while the
//! newest are what neighbours look for. Kinds with fewer matches (groups,
//! plans, principles, and most searches) are ranked in full. PostgreSQL
//! ranks with `ts_rank`; SQLite's candidates are ranked in Rust (`text::rank`).

use super::{
    facets,
    index::DocKind,
    text::{excerpt, rank, Query},
};
use crate::db::{Backend, Db, SqlBuilder};

crate::statements! {
    FTS_CANDIDATES [sqlite] = "SELECT rowid, title, body FROM search_fts WHERE search_fts MATCH $1
                 ORDER BY rowid DESC LIMIT $2";
}

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
    /// More than the window matched, so only the newest were ranked.
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

/// What people typed ($1, see `Query::websearch`) as a PostgreSQL query:
/// `websearch_to_tsquery` reads quotes, `-` and `or` and stems with the
/// `dutch` configuration; each of its words is then limited to titles and
/// bodies (weights A and B), so that a word never matches a filter tag.
/// Written out where it is used, not as a subquery: the planner then sees
/// the words and can tell how common they are (as a subquery, the
/// benchmark's filtered search for two common words took 70 ms at the
/// median instead of 37 ms, one run each).
const TYPED: &str = r"CAST(regexp_replace(CAST(websearch_to_tsquery('dutch', $1) AS TEXT),
     '(''(?:[^'']|'''')*'')', '\1:AB', 'g') AS TSQUERY)";

/// The newest matches (at most `window + 1`) as `(id, rank)`.
async fn candidates(
    db: &Db,
    query: &Query,
    filters: &Filters,
    window: i64,
) -> Result<Vec<(i64, f64)>, sqlx::Error> {
    let limit = window + 1;
    // Only groups and plans lie in a postcode area: a search for a postcode
    // alone has nothing to look for among reactions and principles.
    let area_only = query.stems.is_empty() && query.postcode.is_some();
    if area_only && matches!(filters.kind, Some(DocKind::Reaction | DocKind::Principle)) {
        return Ok(Vec::new());
    }
    let mut tags = tags(query, filters);
    match db.backend {
        Backend::Sqlite => {
            let tags = (!tags.is_empty()).then(|| {
                let quoted: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
                format!("facets : ({})", quoted.join(" AND "))
            });
            let text: Vec<String> = [query.fts5(), tags].into_iter().flatten().collect();
            // FTS5's own bm25 reads the whole word list of every word in the
            // match (filter tags too) for its statistics: tens of ms for a
            // common word. The stems come along instead and are ranked here.
            let rows: Vec<(i64, String, String)> = sqlx::query_as(FTS_CANDIDATES)
                .bind(text.join(" AND "))
                .bind(limit)
                .fetch_all(&db.pool)
                .await?;
            Ok(rows
                .into_iter()
                .map(|(id, title, body)| {
                    let rank = if query.stems.is_empty() {
                        // A postcode alone: everything in that area, newest first.
                        -(id as f64)
                    } else {
                        rank(&query.stems, &title, &body)
                    };
                    (id, rank)
                })
                .collect())
        }
        Backend::Postgres => {
            // Measured on a million reactions: the GIN index intersects a
            // rare tag (a plan, a group) in a few ms, so those searches take
            // the index and sort what it finds (`id + 0` keeps the planner
            // from walking the whole table backwards instead, which it
            // otherwise picks and which takes 50+ ms). Reactions are nearly
            // everything, so their tag would only cost (its list is the whole
            // index): they are told apart by column, and walking the newest
            // rows backwards finds a common word's candidates soonest.
            if filters.kind == Some(DocKind::Reaction) {
                tags.retain(|t| *t != facets::kind(DocKind::Reaction.as_str()));
            }
            let words = query.websearch();
            // Tags alone (a postcode) are rare, so the index finds them at
            // once; walking backwards for them visited every row (350 ms).
            let (kind, order) = match (filters.kind, &words) {
                (Some(DocKind::Reaction), _) => ("kind = 'reaction'", "id"),
                (Some(_), _) | (None, None) => ("TRUE", "id + 0"),
                (None, Some(_)) => ("TRUE", "id"),
            };
            let tags = (!tags.is_empty()).then(|| {
                let weighted: Vec<String> = tags.iter().map(|t| format!("{t}:D")).collect();
                weighted.join(" & ")
            });
            let by_words = format!("-CAST(ts_rank(words, {TYPED}) AS FLOAT8)");
            let both = format!("{TYPED} && to_tsquery('simple', $2)");
            // Both texts are always bound; the one not used must be empty.
            let (matching, unused, rank) = match (&words, &tags) {
                (Some(_), Some(_)) => (both.as_str(), "TRUE", by_words.as_str()),
                (Some(_), None) => (TYPED, "$2 = ''", by_words.as_str()),
                _ => ("to_tsquery('simple', $2)", "$1 = ''", "-CAST(id AS FLOAT8)"),
            };
            sqlx::query_as(&format!(
                "WITH c AS MATERIALIZED (
                     SELECT id, words FROM search_docs
                     WHERE words @@ ({matching}) AND {unused} AND {kind}
                     ORDER BY {order} DESC LIMIT $3)
                 SELECT id, {rank} FROM c"
            ))
            .bind(words.unwrap_or_default())
            .bind(tags.unwrap_or_default())
            .bind(limit)
            .fetch_all(&db.pool)
            .await
        }
    }
}

/// One page of results for `query`, best first, ranked among the newest
/// `window` matches (see [`CANDIDATES`]).
pub async fn run(
    db: &Db,
    query: &Query,
    filters: &Filters,
    after: Option<Cursor>,
    limit: i64,
    window: i64,
) -> Result<Found, sqlx::Error> {
    if query.is_empty() {
        return Ok(Found::default());
    }
    let mut ranked = candidates(db, query, filters, window).await?;
    let capped = ranked.len() as i64 > window;
    // Best first; among equals the newest (the highest id), so a new plan
    // is not pushed off the first page by older ones that match as well.
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let page: Vec<(i64, f64)> = ranked
        .into_iter()
        .filter(|(id, rank)| {
            after.is_none_or(|c| *rank > c.rank || (*rank == c.rank && *id < c.id))
        })
        .take(usize::try_from(limit).unwrap_or(0))
        .collect();
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        kind: String,
        title: String,
        body: String,
        link: String,
        municipality: String,
    }
    // The page's rows in one query.
    let rows: Vec<Row> = if page.is_empty() {
        Vec::new()
    } else {
        let mut sql = SqlBuilder::new(
            "SELECT id, kind, title, body, link, municipality FROM search_docs WHERE id IN ",
        );
        sql.push_list(page.iter().map(|(id, _)| *id));
        let (sql, args) = sql.finish()?;
        sqlx::query_as_with(&sql, args).fetch_all(&db.pool).await?
    };
    let mut hits = Vec::with_capacity(page.len());
    for (id, rank) in page {
        // A row removed since the candidates were read is left out.
        let Some(row) = rows.iter().find(|r| r.id == id) else {
            continue;
        };
        hits.push(Hit {
            id,
            kind: row.kind.clone(),
            excerpt: excerpt(&row.body, query, EXCERPT),
            title_html: excerpt(&row.title, query, usize::MAX / 4),
            title: row.title.clone(),
            link: row.link.clone(),
            municipality: row.municipality.clone(),
            rank,
        });
    }
    Ok(Found { hits, capped })
}
