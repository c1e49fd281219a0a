//! Group rules, independent of HTTP so the database tests call them directly
//! as each kind of person: `None` is a guest. Every rule that protects a group
//! is checked here, inside the transaction that makes the change: the group
//! itself in this file, joining and leaving in `joining`, and the member list
//! in `members`.

use super::{
    model::{
        fold, parse_postcodes, postcode_query, slugify, Cursor, GroupDetail, MemberRole,
        MembershipMode, Standing, RESERVED_SLUGS,
    },
    queries::{self, Audience, GroupFields},
};
use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
};

mod joining;
mod members;
pub mod role;

pub use joining::{decide_request, join, leave, request_to_join, withdraw_request};
pub use members::{ban, remove_member, set_name_hidden, set_role, unban};
pub use role::{refuse_banned, role_of, GroupRole, Needs};

/// Limits, in characters (shared with the forms, which state them).
pub use super::model::limits;

/// A group as submitted by its form.
#[derive(Debug, Clone, Default)]
pub struct GroupForm {
    /// Name.
    pub name: String,
    /// Wijk or buurt.
    pub neighbourhood: String,
    /// Gemeente.
    pub municipality: String,
    /// Postcode areas as typed.
    pub postcodes: String,
    /// About the group.
    pub description: String,
    /// `open` or `request`.
    pub mode: String,
    /// Question for requests; empty means the standard question.
    pub join_question: String,
}

struct Checked {
    postcodes: Vec<String>,
    mode: MembershipMode,
}

fn length_ok(text: &str, (min, max): (usize, usize)) -> bool {
    (min..=max).contains(&text.trim().chars().count())
}

fn check(form: &GroupForm) -> AppResult<Checked> {
    let mut problems = Vec::new();
    if !length_ok(&form.name, limits::NAME) {
        problems.push(("name", "group_name_length"));
    }
    if !length_ok(&form.neighbourhood, limits::PLACE) {
        problems.push(("neighbourhood", "group_neighbourhood_length"));
    }
    if !length_ok(&form.municipality, limits::PLACE) {
        problems.push(("municipality", "group_municipality_length"));
    }
    let postcodes = parse_postcodes(&form.postcodes).unwrap_or_else(|_| {
        problems.push(("postcodes", "group_postcodes_invalid"));
        Vec::new()
    });
    if postcodes.len() > 20 {
        problems.push(("postcodes", "group_postcodes_too_many"));
    }
    if !length_ok(&form.description, limits::DESCRIPTION) {
        problems.push(("description", "group_description_length"));
    }
    let mode = MembershipMode::parse(&form.mode);
    if mode.is_none() {
        problems.push(("mode", "group_mode_invalid"));
    }
    if form.join_question.trim().chars().count() > limits::QUESTION {
        problems.push(("join_question", "group_question_too_long"));
    }
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    Ok(Checked {
        postcodes,
        mode: mode.unwrap_or_default(),
    })
}

fn fields<'a>(form: &'a GroupForm, checked: &'a Checked) -> GroupFields<'a> {
    GroupFields {
        name: form.name.trim(),
        neighbourhood: form.neighbourhood.trim(),
        municipality: form.municipality.trim(),
        postcodes: &checked.postcodes,
        description: form.description.trim(),
        mode: checked.mode,
        join_question: form.join_question.trim(),
    }
}

fn logged_in(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    viewer.ok_or_else(AppError::login_required)
}

/// A group by slug, or "not found".
pub async fn group(db: &Db, slug: &str) -> AppResult<GroupDetail> {
    queries::find_by_slug(&db.pool, slug)
        .await?
        .ok_or_else(AppError::not_found)
}

/// Starts a group; its founder becomes the first coordinator. Returns the slug.
pub async fn create(db: &Db, viewer: Option<&Viewer>, form: GroupForm) -> AppResult<String> {
    let viewer = logged_in(viewer)?;
    let checked = check(&form)?;
    let f = fields(&form, &checked);
    let base = match slugify(f.name) {
        s if s.len() < 2 || RESERVED_SLUGS.contains(&s.as_str()) => format!("groep-{s}"),
        s => s,
    };
    let base = base.trim_end_matches('-').to_owned();
    let mut tx = db.write_tx().await?;
    let mut slug = base.clone();
    let mut n = 1;
    while queries::slug_taken(&mut *tx, &slug).await? {
        n += 1;
        slug = format!("{base}-{n}");
    }
    let at = now();
    let id = queries::insert_group(&mut tx, &slug, &f, viewer.id, at)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::conflict("error-group-busy")
            } else {
                e.into()
            }
        })?;
    queries::insert_member(&mut tx, id, viewer.id, MemberRole::Coordinator, at).await?;
    queries::record(
        &mut tx,
        id,
        "created",
        viewer.id,
        None,
        Audience::Public,
        at,
    )
    .await?;
    queries::recount(&mut tx, id, at).await?;
    crate::search::index::sync_group(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Changes a group's details; coordinators only.
pub async fn update(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    form: GroupForm,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let group = group(db, slug).await?;
    let mut tx = db.write_tx().await?;
    // Who asks comes first: someone else learns nothing from field errors.
    require_coordinator(&mut tx, group.summary.id, viewer).await?;
    let checked = check(&form)?;
    let at = now();
    queries::update_group(&mut tx, group.summary.id, &fields(&form, &checked), at).await?;
    queries::record(
        &mut tx,
        group.summary.id,
        "edited",
        viewer.id,
        None,
        Audience::Members,
        at,
    )
    .await?;
    // Its plans are found by the group's name and place as well.
    crate::search::index::sync_group(&mut tx, db.backend, group.summary.id).await?;
    crate::search::index::sync_plans_of_group(&mut tx, db.backend, group.summary.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Locks the group for the transaction, then requires a coordinator.
async fn require_coordinator(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    viewer: &Viewer,
) -> AppResult<()> {
    if !queries::lock_group(conn, group_id).await? {
        return Err(AppError::not_found());
    }
    role_of(&mut *conn, group_id, viewer.id)
        .await?
        .require(Needs::Coordinator)
}

/// Where a person stands with a group.
pub async fn standing(db: &Db, viewer: Option<&Viewer>, group_id: i64) -> AppResult<Standing> {
    let Some(viewer) = viewer else {
        return Ok(Standing::Guest);
    };
    if let Some(standing) = role_of(&db.pool, group_id, viewer.id).await?.standing() {
        return Ok(standing);
    }
    Ok(
        match queries::pending_request(&db.pool, group_id, viewer.id).await? {
            Some(request_id) => Standing::Pending { request_id },
            None => Standing::Outsider,
        },
    )
}

/// Members as this reader may see them: members see everyone; others see only
/// the names members chose to show, and a count of the rest.
pub async fn visible_members(
    db: &Db,
    standing: &Standing,
    group_id: i64,
) -> AppResult<(Vec<super::model::Member>, usize)> {
    let all = queries::members(&db.pool, group_id).await?;
    if standing.is_member() {
        return Ok((all, 0));
    }
    let hidden = all.iter().filter(|m| m.name_hidden).count();
    Ok((all.into_iter().filter(|m| !m.name_hidden).collect(), hidden))
}

/// The activity lines this reader may see.
pub async fn activity(
    db: &Db,
    standing: &Standing,
    group_id: i64,
) -> AppResult<Vec<super::model::Activity>> {
    let reader = if standing.coordinates() {
        Audience::Coordinators
    } else if standing.is_member() {
        Audience::Members
    } else {
        Audience::Public
    };
    Ok(queries::activity(&db.pool, group_id, reader, 15).await?)
}

/// Everything on a group's management page; coordinators only.
pub async fn manage(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
) -> AppResult<super::model::Manage> {
    let viewer = logged_in(viewer)?;
    let group = group(db, slug).await?;
    let id = group.summary.id;
    role_of(&db.pool, id, viewer.id)
        .await?
        .require(Needs::Coordinator)?;
    Ok(super::model::Manage {
        requests: queries::pending_for_group(&db.pool, id).await?,
        members: queries::members(&db.pool, id).await?,
        bans: queries::bans(&db.pool, id).await?,
        group,
    })
}

/// "Mijn groepen": my groups with my role, and my requests.
pub async fn mine(db: &Db, viewer: Option<&Viewer>) -> AppResult<super::model::Mine> {
    let viewer = logged_in(viewer)?;
    let since = now() - 90 * 86_400;
    Ok(super::model::Mine {
        groups: queries::groups_of_user(&db.pool, viewer.id).await?,
        requests: queries::requests_of_user(&db.pool, viewer.id, since).await?,
    })
}

/// Groups per page in the directory.
pub const PAGE_SIZE: i64 = 20;

/// One page of the directory for a search (empty: all groups), after `after`.
/// A search that looks like a postcode ("1055", "1055 AB") goes by postcode
/// area; anything else must occur, word by word, in name, neighbourhood or
/// municipality.
pub async fn directory(
    db: &Db,
    query: &str,
    after: Option<&str>,
) -> AppResult<super::model::DirectoryPage> {
    let query = query.trim();
    let mut search = queries::Search::default();
    match postcode_query(query) {
        Some(code) => search.postcode = Some(code),
        None => {
            search.words = fold(query)
                .split_whitespace()
                .take(6)
                .map(|w| w.chars().take(40).collect())
                .collect();
        }
    }
    let after = after.and_then(Cursor::decode);
    let mut rows = queries::search(&db.pool, &search, after.as_ref(), PAGE_SIZE + 1).await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next = more.then(|| rows.last().map(|(_, c)| c.encode())).flatten();
    Ok(super::model::DirectoryPage {
        groups: rows.into_iter().map(|(g, _)| g).collect(),
        next,
    })
}

/// Longest side of a stored group photo or logo, in pixels.
pub const IMAGE_SIDE: u32 = 480;

/// A coordinator sets the group's photo or logo. The upload is checked by its
/// content and re-encoded (see [`crate::media`]); anything else is refused
/// How many join requests wait for a decision: coordinators see the number,
/// anyone else gets 0.
pub async fn pending_count(db: &Db, standing: &Standing, group_id: i64) -> AppResult<usize> {
    if !standing.coordinates() {
        return Ok(0);
    }
    let n = queries::pending_count(&db.pool, group_id).await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The group's image: content type and bytes.
pub async fn image(db: &Db, slug: &str) -> AppResult<Option<(String, Vec<u8>)>> {
    Ok(queries::image(&db.pool, slug).await?)
}

/// with a field error on `beeld`.
pub async fn set_image(
    db: &Db,
    viewer: Option<&Viewer>,
    slug: &str,
    upload: Vec<u8>,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    // Check the right to change the group before spending time on the image.
    role_of(&db.pool, id, viewer.id)
        .await?
        .require(Needs::Coordinator)?;
    let stored = crate::media::normalise_in_turn(upload, IMAGE_SIDE)
        .await?
        .map_err(|problem| AppError::field("beeld", problem.code()))?;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    let at = now();
    queries::put_image(&mut tx, id, stored.content_type, &stored.bytes, at).await?;
    queries::recount(&mut tx, id, at).await?;
    tx.commit().await?;
    Ok(())
}

/// A coordinator removes the group's photo or logo.
pub async fn remove_image(db: &Db, viewer: Option<&Viewer>, slug: &str) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let id = group(db, slug).await?.summary.id;
    let mut tx = db.write_tx().await?;
    require_coordinator(&mut tx, id, viewer).await?;
    queries::delete_image(&mut tx, id).await?;
    queries::recount(&mut tx, id, now()).await?;
    tx.commit().await?;
    Ok(())
}
