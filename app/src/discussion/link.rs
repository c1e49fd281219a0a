//! Where a reaction can be found. Discussions are shown in pages of threads,
//! newest first, so a reaction in an older thread is not on the first page.
//! A link to it opens the page that starts with its thread: the page's
//! cursor is fixed by the thread's first reaction, which never moves, so the
//! link stays right however many threads come later and can be stored (in
//! notifications and in the search index).

use super::model::ThreadCursor;

/// The page a subject's discussion is on.
pub fn subject_page(subject: &str) -> String {
    if let Some(plan) = subject.strip_prefix("plan:") {
        return format!("/plannen/{plan}");
    }
    match subject.strip_prefix("manifest:") {
        Some(slug) => format!("/manifest/principes/{slug}"),
        None => "/manifest".to_owned(),
    }
}

/// The cursor of the page whose first thread starts with the reaction that
/// has this time and id: pages take the threads before their cursor.
pub fn opening(created_at: i64, id: i64) -> ThreadCursor {
    ThreadCursor {
        created_at,
        id: id.saturating_add(1),
    }
}

/// A link to reaction `id` on `subject`, in the thread whose first reaction
/// was written at `top_at` and has id `top_id`.
pub fn to_reaction(subject: &str, top_at: i64, top_id: i64, id: i64) -> String {
    format!(
        "{}?na={}#reactie-{id}",
        subject_page(subject),
        opening(top_at, top_id).encode()
    )
}

/// The link to a stored reaction, whatever its state; `None` if there is no
/// such reaction.
#[cfg(feature = "ssr")]
pub async fn find<'c, E>(conn: E, id: i64) -> Result<Option<String>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let row: Option<(String, i64, i64)> = sqlx::query_as(super::queries::THREAD_TOP)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(subject, top_at, top_id)| to_reaction(&subject, top_at, top_id, id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_open_the_page_that_starts_with_the_thread() {
        assert_eq!(subject_page("plan:12"), "/plannen/12");
        assert_eq!(subject_page("manifest"), "/manifest");
        assert_eq!(
            subject_page("manifest:lange-termijn"),
            "/manifest/principes/lange-termijn"
        );
        assert_eq!(
            to_reaction("plan:12", 1_700_000_000, 40, 41),
            "/plannen/12?na=1700000000-41#reactie-41"
        );
        // The cursor admits the thread's first reaction itself.
        let c = opening(1_700_000_000, 40);
        assert!((1_700_000_000, 40) < (c.created_at, c.id));
        assert!((1_700_000_000, 41) >= (c.created_at, c.id));
    }
}
