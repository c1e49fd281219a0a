//! A search as the results page (and the results as you type) show it: the
//! best few of each kind, or pages of one kind. Server only.

use super::{
    index::DocKind,
    model::{Asked, KindResults, SearchView, ShownHit, CANDIDATES, KINDS, OVERVIEW_CANDIDATES},
    query::{run, Cursor, Filters},
    text::Query,
};
use crate::{db::Db, error::AppResult};

crate::statements! {
    INDEXED_MUNICIPALITIES = "SELECT DISTINCT municipality FROM groups WHERE municipality <> '' ORDER BY 1 LIMIT 500";
}

/// Results per kind on the overview; a kind's own page shows more.
pub const OVERVIEW: i64 = 5;
/// Results on a page of one kind.
pub const PAGE: i64 = 20;

fn kind_of(kind: &str) -> DocKind {
    match kind {
        "group" => DocKind::Group,
        "plan" => DocKind::Plan,
        "reaction" => DocKind::Reaction,
        _ => DocKind::Principle,
    }
}

/// Runs `asked`. An unknown group is a 404; an unreadable cursor starts at
/// the first page.
pub async fn search(db: &Db, asked: Asked) -> AppResult<SearchView> {
    let query = Query::parse(&asked.q);
    let group = match &asked.group {
        Some(slug) => Some(crate::groups::service::group(db, slug).await?.summary),
        None => None,
    };
    let wanted: Vec<&str> = match &asked.kind {
        Some(k) => vec![k.as_str()],
        None => KINDS.to_vec(),
    };
    let (limit, window) = if asked.kind.is_some() {
        (PAGE, CANDIDATES)
    } else {
        (OVERVIEW, OVERVIEW_CANDIDATES)
    };
    let after = asked.after.as_deref().and_then(Cursor::parse);
    // The kinds are searched at once, each on its own connection: the page
    // then waits for the slowest kind instead of all four in a row.
    let searches = wanted.into_iter().map(|kind| {
        let filters = Filters {
            kind: Some(kind_of(kind)),
            municipality: asked.municipality.clone(),
            group_id: group.as_ref().map(|g| g.id),
            phase: asked.phase.clone(),
        };
        let query = &query;
        async move {
            let found = run(db, query, &filters, after, limit + 1, window).await?;
            Ok::<_, sqlx::Error>((kind, found))
        }
    });
    let mut kinds = Vec::new();
    for (kind, mut found) in futures::future::try_join_all(searches).await? {
        let next = if found.hits.len() as i64 > limit {
            found.hits.truncate(limit as usize);
            found.hits.last().map(|h| {
                Cursor {
                    rank: h.rank,
                    id: h.id,
                }
                .encode()
            })
        } else {
            None
        };
        if !found.hits.is_empty() {
            kinds.push(KindResults {
                kind: kind.to_owned(),
                hits: found
                    .hits
                    .into_iter()
                    .map(|h| ShownHit {
                        title_html: h.title_html,
                        excerpt_html: h.excerpt,
                        link: h.link,
                        place: h.municipality,
                    })
                    .collect(),
                next,
                capped: found.capped,
            });
        }
    }
    Ok(SearchView {
        asked,
        kinds,
        group_name: group.map(|g| g.name),
        municipalities: municipalities(db).await?,
    })
}

/// Municipalities that have groups, for the filter's choices.
async fn municipalities(db: &Db) -> AppResult<Vec<String>> {
    Ok(sqlx::query_scalar(INDEXED_MUNICIPALITIES)
        .fetch_all(&db.pool)
        .await?)
}
