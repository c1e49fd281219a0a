//! Keeping the search index in step (server only). Every write path that
//! changes something findable calls [`sync`] for it inside its own
//! transaction, so a new plan is findable at once and a hidden reaction is
//! gone at once. What may not be shown (hidden, deleted, waiting for
//! approval) has no row at all.

pub use super::entry::{put, remove, Doc, DocKind};
use super::text::markdown_text;
use crate::{db::Backend, discussion::model::ReactionStatus};
use sqlx::AnyConnection;

crate::statements! {
    POSTCODES_OF = "SELECT postcode FROM group_postcodes WHERE group_id = $1 ORDER BY postcode";
    PLAN_ENTRY = "SELECT p.title, p.summary, p.body_source, p.place, p.phase, p.hidden_reason,
                g.id AS group_id, g.name AS group_name, g.municipality
         FROM plans p JOIN groups g ON g.id = p.group_id WHERE p.id = $1";
    GROUP_ENTRY = "SELECT slug, name, neighbourhood, municipality, postcodes, description FROM groups WHERE id = $1";
    PLAN_OF_SUBJECT = "SELECT subject FROM reactions WHERE id = $1";
    REACTION_ENTRY = "SELECT r.subject, r.source, r.status, r.hidden_reason,
                t.created_at AS top_at, t.id AS top_id,
                p.id AS plan_id, p.title AS plan_title, p.hidden_reason AS plan_hidden,
                g.id AS group_id, g.municipality
         FROM reactions r
         JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
         LEFT JOIN plans p ON p.id = $2
         LEFT JOIN groups g ON g.id = p.group_id
         WHERE r.id = $1";
    INDEXED_PRINCIPLES = "SELECT ref_key FROM search_docs WHERE kind = 'principle'";
    PLANS_OF_GROUP = "SELECT id FROM plans WHERE group_id = $1";
    RETITLE_REACTIONS = "UPDATE search_docs SET title = $1
         WHERE kind = 'reaction' AND title <> $1 AND ref_key IN
             (SELECT CAST(id AS TEXT) FROM reactions WHERE subject = $2)";
    REACTIONS_ON_SUBJECT = "SELECT id FROM reactions WHERE subject = $1";
}

/// The postcode areas of a group.
async fn postcodes_of(conn: &mut AnyConnection, group_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(POSTCODES_OF)
        .bind(group_id)
        .fetch_all(&mut *conn)
        .await
}

/// What a plan's entry is made of.
#[derive(sqlx::FromRow)]
struct PlanEntry {
    title: String,
    summary: String,
    body_source: String,
    place: String,
    phase: String,
    hidden_reason: Option<String>,
    group_id: i64,
    group_name: String,
    municipality: String,
}

/// Brings one plan's entry up to date: there when visible, gone when hidden
/// or deleted.
pub async fn sync_plan(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row: Option<PlanEntry> = sqlx::query_as(PLAN_ENTRY)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let Some(p) = row.filter(|p| p.hidden_reason.is_none()) else {
        return remove(conn, backend, DocKind::Plan, &key).await;
    };
    let body = format!(
        "{}\n{}\n{}\n{}",
        p.summary,
        markdown_text(&p.body_source),
        p.place,
        p.group_name,
    );
    let doc = Doc {
        kind: DocKind::Plan,
        link: format!("/plannen/{id}"),
        key,
        group_id: Some(p.group_id),
        postcodes: postcodes_of(conn, p.group_id).await?,
        municipality: p.municipality,
        phase: Some(p.phase),
        title: p.title,
        body,
    };
    put(conn, backend, &doc).await
}

/// What a group's entry is made of.
#[derive(sqlx::FromRow)]
struct GroupEntry {
    slug: String,
    name: String,
    neighbourhood: String,
    municipality: String,
    postcodes: String,
    description: String,
}

/// Brings one group's entry up to date (member names are never indexed).
pub async fn sync_group(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row: Option<GroupEntry> = sqlx::query_as(GROUP_ENTRY)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let Some(g) = row else {
        return remove(conn, backend, DocKind::Group, &key).await;
    };
    // The description first: excerpts start where the body starts.
    let body = format!(
        "{}\n{}, {} ({})",
        g.description, g.neighbourhood, g.municipality, g.postcodes,
    );
    let doc = Doc {
        kind: DocKind::Group,
        link: format!("/groepen/{}", g.slug),
        key,
        group_id: Some(id),
        postcodes: postcodes_of(conn, id).await?,
        municipality: g.municipality,
        phase: None,
        title: g.name,
        body,
    };
    put(conn, backend, &doc).await
}

/// The plan a reaction is about, read from its subject (`plan:<id>`) in Rust:
/// joining on `'plan:' || id` could use no index and read every plan.
async fn plan_of_subject(conn: &mut AnyConnection, id: i64) -> Result<Option<i64>, sqlx::Error> {
    let subject: Option<String> = sqlx::query_scalar(PLAN_OF_SUBJECT)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(subject
        .as_deref()
        .and_then(|s| s.strip_prefix("plan:"))
        .and_then(|n| n.parse().ok()))
}

/// What a reaction's entry is made of, with what decides whether it may
/// be found.
#[derive(sqlx::FromRow)]
struct ReactionEntry {
    subject: String,
    source: String,
    #[sqlx(try_from = "String")]
    status: ReactionStatus,
    hidden_reason: Option<String>,
    top_at: i64,
    top_id: i64,
    plan_id: Option<i64>,
    plan_title: Option<String>,
    plan_hidden: Option<String>,
    group_id: Option<i64>,
    municipality: Option<String>,
}

impl ReactionEntry {
    /// Only published, not hidden reactions on something visible are found.
    fn findable(&self) -> bool {
        let on_plan = self.subject.starts_with("plan:");
        self.status == ReactionStatus::Published
            && self.hidden_reason.is_none()
            && (!on_plan || (self.plan_id.is_some() && self.plan_hidden.is_none()))
    }
}

/// Brings one reaction's entry up to date: there when findable, else gone.
pub async fn sync_reaction(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row: Option<ReactionEntry> = sqlx::query_as(REACTION_ENTRY)
        .bind(id)
        .bind(plan_of_subject(conn, id).await?)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let Some(r) = row.filter(ReactionEntry::findable) else {
        return remove(conn, backend, DocKind::Reaction, &key).await;
    };
    let doc = Doc {
        kind: DocKind::Reaction,
        // Opens the page of the discussion that starts with its thread.
        link: crate::discussion::link::to_reaction(&r.subject, r.top_at, r.top_id, id),
        key,
        group_id: r.group_id,
        municipality: r.municipality.unwrap_or_default(),
        phase: None,
        postcodes: Vec::new(),
        title: r.plan_title.unwrap_or_else(|| "Manifest".to_owned()),
        body: markdown_text(&r.source),
    };
    put(conn, backend, &doc).await
}

/// Puts the principles of the published manifest in the index (in Dutch and
/// English, so either finds them), replacing those of an earlier version;
/// a principle the new version no longer has is no longer found.
pub async fn sync_principles(
    conn: &mut AnyConnection,
    backend: Backend,
    doc: &crate::manifest::model::ManifestDoc,
) -> Result<(), sqlx::Error> {
    let indexed: Vec<String> = sqlx::query_scalar(INDEXED_PRINCIPLES)
        .fetch_all(&mut *conn)
        .await?;
    for gone in indexed.iter().filter(|key| {
        !doc.pillars
            .iter()
            .any(|pillar| pillar.principles.iter().any(|p| &&p.slug == key))
    }) {
        remove(conn, backend, DocKind::Principle, gone).await?;
    }
    for pillar in &doc.pillars {
        for p in &pillar.principles {
            let entry = Doc {
                kind: DocKind::Principle,
                key: p.slug.clone(),
                group_id: None,
                municipality: String::new(),
                phase: None,
                postcodes: Vec::new(),
                title: p.quote.clone(),
                body: format!("{}\n{}\n{}", p.explain_nl, p.title_en, p.explain_en),
                link: format!("/manifest/principes/{}", p.slug),
            };
            put(conn, backend, &entry).await?;
        }
    }
    Ok(())
}

/// Brings the entries of all plans of a group, and of their reactions, up to
/// date (after the group's name, municipality or postcodes changed).
pub async fn sync_plans_of_group(
    conn: &mut AnyConnection,
    backend: Backend,
    group_id: i64,
) -> Result<(), sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(PLANS_OF_GROUP)
        .bind(group_id)
        .fetch_all(&mut *conn)
        .await?;
    for id in ids {
        sync_plan_with_reactions(conn, backend, id).await?;
    }
    Ok(())
}

/// Shows a plan's reactions under its new title. The title of a reaction's
/// entry is only shown, never searched (see `entry::put`), so one statement
/// does it, however long the discussion; unchanged titles are not written.
pub async fn retitle_reactions(
    conn: &mut AnyConnection,
    plan_id: i64,
    title: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(RETITLE_REACTIONS)
        .bind(title)
        .bind(format!("plan:{plan_id}"))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Brings a plan's entry and those of its reactions up to date (after the
/// plan was hidden or shown again).
pub async fn sync_plan_with_reactions(
    conn: &mut AnyConnection,
    backend: Backend,
    plan_id: i64,
) -> Result<(), sqlx::Error> {
    sync_plan(conn, backend, plan_id).await?;
    let ids: Vec<i64> = sqlx::query_scalar(REACTIONS_ON_SUBJECT)
        .bind(format!("plan:{plan_id}"))
        .fetch_all(&mut *conn)
        .await?;
    for id in ids {
        sync_reaction(conn, backend, id).await?;
    }
    Ok(())
}
