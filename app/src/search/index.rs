//! Keeping the search index in step (server only). Every write path that
//! changes something findable calls [`sync`] for it inside its own
//! transaction, so a new plan is findable at once and a hidden reaction is
//! gone at once. What may not be shown (hidden, deleted, waiting for
//! approval) has no row at all.

pub use super::entry::{put, remove, Doc, DocKind};
use super::text::markdown_text;
use crate::db::Backend;
use sqlx::{AnyConnection, Row};

crate::statements! {
    POSTCODES_OF = "SELECT postcode FROM group_postcodes WHERE group_id = $1 ORDER BY postcode";
    SYNC_PLAN = "SELECT p.title, p.summary, p.body_source, p.place, p.phase, p.hidden_reason,
                g.id AS group_id, g.name AS group_name, g.municipality
         FROM plans p JOIN groups g ON g.id = p.group_id WHERE p.id = $1";
    SYNC_GROUP = "SELECT slug, name, neighbourhood, municipality, postcodes, description FROM groups WHERE id = $1";
    PLAN_OF_SUBJECT = "SELECT subject FROM reactions WHERE id = $1";
    SYNC_REACTION = "SELECT r.subject, r.source, r.status, r.hidden_reason,
                t.created_at AS top_at, t.id AS top_id,
                p.id AS plan_id, p.title AS plan_title, p.hidden_reason AS plan_hidden,
                g.id AS group_id, g.municipality
         FROM reactions r
         JOIN reactions t ON t.id = COALESCE(r.root_id, r.id)
         LEFT JOIN plans p ON p.id = $2
         LEFT JOIN groups g ON g.id = p.group_id
         WHERE r.id = $1";
    SYNC_PRINCIPLES = "SELECT ref_key FROM search_docs WHERE kind = 'principle'";
    SYNC_PLANS_OF_GROUP = "SELECT id FROM plans WHERE group_id = $1";
    RETITLE_REACTIONS = "UPDATE search_docs SET title = $1
         WHERE kind = 'reaction' AND title <> $1 AND ref_key IN
             (SELECT CAST(id AS TEXT) FROM reactions WHERE subject = $2)";
    SYNC_PLAN_WITH_REACTIONS = "SELECT id FROM reactions WHERE subject = $1";
}

/// The postcode areas of a group.
async fn postcodes_of(conn: &mut AnyConnection, group_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(POSTCODES_OF)
        .bind(group_id)
        .fetch_all(&mut *conn)
        .await
}

/// Brings one plan's entry up to date: there when visible, gone when hidden
/// or deleted.
pub async fn sync_plan(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row = sqlx::query(SYNC_PLAN)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let Some(r) = row.filter(|r| {
        r.try_get::<Option<String>, _>("hidden_reason")
            .ok()
            .flatten()
            .is_none()
    }) else {
        return remove(conn, backend, DocKind::Plan, &key).await;
    };
    let body = format!(
        "{}\n{}\n{}\n{}",
        r.try_get::<String, _>("summary")?,
        markdown_text(&r.try_get::<String, _>("body_source")?),
        r.try_get::<String, _>("place")?,
        r.try_get::<String, _>("group_name")?,
    );
    let group_id: i64 = r.try_get("group_id")?;
    let doc = Doc {
        kind: DocKind::Plan,
        link: format!("/plannen/{id}"),
        key,
        group_id: Some(group_id),
        postcodes: postcodes_of(conn, group_id).await?,
        municipality: r.try_get("municipality")?,
        phase: Some(r.try_get("phase")?),
        title: r.try_get("title")?,
        body,
    };
    put(conn, backend, &doc).await
}

/// Brings one group's entry up to date (member names are never indexed).
pub async fn sync_group(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row = sqlx::query(SYNC_GROUP)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let Some(r) = row else {
        return remove(conn, backend, DocKind::Group, &key).await;
    };
    let slug: String = r.try_get("slug")?;
    // The description first: excerpts start where the body starts.
    let body = format!(
        "{}\n{}, {} ({})",
        r.try_get::<String, _>("description")?,
        r.try_get::<String, _>("neighbourhood")?,
        r.try_get::<String, _>("municipality")?,
        r.try_get::<String, _>("postcodes")?,
    );
    let doc = Doc {
        kind: DocKind::Group,
        link: format!("/groepen/{slug}"),
        key,
        group_id: Some(id),
        postcodes: postcodes_of(conn, id).await?,
        municipality: r.try_get("municipality")?,
        phase: None,
        title: r.try_get("name")?,
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

/// Brings one reaction's entry up to date: only published, not hidden
/// reactions on something visible are findable.
pub async fn sync_reaction(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), sqlx::Error> {
    let row = sqlx::query(SYNC_REACTION)
        .bind(id)
        .bind(plan_of_subject(conn, id).await?)
        .fetch_optional(&mut *conn)
        .await?;
    let key = id.to_string();
    let visible = |r: &sqlx::any::AnyRow| -> Result<bool, sqlx::Error> {
        let subject: String = r.try_get("subject")?;
        let on_plan = subject.starts_with("plan:");
        Ok(r.try_get::<String, _>("status")? == "published"
            && r.try_get::<Option<String>, _>("hidden_reason")?.is_none()
            && (!on_plan
                || (r.try_get::<Option<i64>, _>("plan_id")?.is_some()
                    && r.try_get::<Option<String>, _>("plan_hidden")?.is_none())))
    };
    let Some(r) = row else {
        return remove(conn, backend, DocKind::Reaction, &key).await;
    };
    if !visible(&r)? {
        return remove(conn, backend, DocKind::Reaction, &key).await;
    }
    let subject: String = r.try_get("subject")?;
    let doc = Doc {
        kind: DocKind::Reaction,
        // Opens the page of the discussion that starts with its thread.
        link: crate::discussion::link::to_reaction(
            &subject,
            r.try_get("top_at")?,
            r.try_get("top_id")?,
            id,
        ),
        key,
        group_id: r.try_get("group_id")?,
        municipality: r
            .try_get::<Option<String>, _>("municipality")?
            .unwrap_or_default(),
        phase: None,
        postcodes: Vec::new(),
        title: r
            .try_get::<Option<String>, _>("plan_title")?
            .unwrap_or_else(|| "Manifest".to_owned()),
        body: markdown_text(&r.try_get::<String, _>("source")?),
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
    let indexed: Vec<String> = sqlx::query_scalar(SYNC_PRINCIPLES)
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
    let ids: Vec<i64> = sqlx::query_scalar(SYNC_PLANS_OF_GROUP)
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
    let ids: Vec<i64> = sqlx::query_scalar(SYNC_PLAN_WITH_REACTIONS)
        .bind(format!("plan:{plan_id}"))
        .fetch_all(&mut *conn)
        .await?;
    for id in ids {
        sync_reaction(conn, backend, id).await?;
    }
    Ok(())
}
