//! Plan rules, independent of HTTP; `None` is a guest. Members of a group
//! write its plans; the writer and the group's coordinators move a plan
//! through its phases; anyone logged in supports a plan once.

use super::{
    model::{Phase, PhaseChange, Plan, PlanSummary},
    queries::{self, NewPlan},
};
use crate::{
    accounts::Viewer,
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
    groups,
    live::LiveEvent,
    notifications::{model::Kind, service as notifications},
};

/// Limits, in characters (shared with the forms, which state them).
pub use super::model::limits;

/// A plan as submitted.
#[derive(Debug, Clone, Default)]
pub struct PlanForm {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Body in Markdown.
    pub body: String,
    /// Optional place.
    pub place: String,
    /// Principle slugs from the manifest.
    pub principles: Vec<String>,
}

fn length_ok(text: &str, (min, max): (usize, usize)) -> bool {
    (min..=max).contains(&text.trim().chars().count())
}

fn logged_in(viewer: Option<&Viewer>) -> AppResult<&Viewer> {
    viewer.ok_or_else(AppError::login_required)
}

async fn check(db: &Db, form: &PlanForm) -> AppResult<Vec<String>> {
    let mut problems = Vec::new();
    if !length_ok(&form.title, limits::TITLE) {
        problems.push(("title", "plan_title_length"));
    }
    if !length_ok(&form.summary, limits::SUMMARY) {
        problems.push(("summary", "plan_summary_length"));
    }
    if !length_ok(&form.body, limits::BODY) {
        problems.push(("body", "plan_body_length"));
    } else if crate::discussion::markdown::too_deep(&form.body) {
        problems.push(("body", "markdown_too_deep"));
    }
    if form.place.trim().chars().count() > limits::PLACE {
        problems.push(("place", "plan_place_too_long"));
    }
    let doc = crate::manifest::service::latest(db).await?;
    let mut principles: Vec<String> = form.principles.clone();
    principles.sort();
    principles.dedup();
    if principles
        .iter()
        .any(|slug| doc.as_ref().is_none_or(|d| d.principle(slug).is_none()))
    {
        problems.push(("principles", "plan_principle_unknown"));
    }
    if problems.is_empty() {
        Ok(principles)
    } else {
        Err(AppError::fields(problems))
    }
}

/// What a plan write does before its transaction: the checks, the rendering
/// (slow for a long text, so never under the write lock) and the writer's
/// limit. Returns the principles and the body's HTML.
async fn prepare(db: &Db, viewer: &Viewer, form: &PlanForm) -> AppResult<(Vec<String>, String)> {
    let principles = check(db, form).await?;
    let body_html = crate::discussion::markdown::render(form.body.trim());
    let writer = viewer.id.to_string();
    crate::limits::take(db, crate::limits::PLAN_WRITES_PER_PERSON, &writer).await?;
    Ok((principles, body_html))
}

/// Refuses someone who may not write plans for the group: only its members
/// do. The new-plan page asks here too, so it offers the form exactly when
/// posting it would be allowed.
pub async fn require_writer<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    conn: E,
    group_id: i64,
    viewer: &Viewer,
) -> AppResult<()> {
    groups::service::role_of(conn, group_id, viewer.id)
        .await?
        .require(groups::service::Needs::Member)
}

/// A member writes a plan for their group. Returns its id.
pub async fn create(
    db: &Db,
    viewer: Option<&Viewer>,
    group_slug: &str,
    form: PlanForm,
) -> AppResult<i64> {
    let viewer = logged_in(viewer)?;
    let group = groups::service::group(db, group_slug).await?;
    // Who asks comes first: someone else learns nothing from field errors.
    require_writer(&db.pool, group.summary.id, viewer).await?;
    let (principles, body_html) = prepare(db, viewer, &form).await?;
    let mut tx = db.write_tx().await?;
    // Again inside the transaction: they may have left meanwhile.
    require_writer(&mut *tx, group.summary.id, viewer).await?;
    let at = now();
    let id = queries::insert_plan(
        &mut tx,
        &NewPlan {
            group_id: group.summary.id,
            author_id: viewer.id,
            title: form.title.trim(),
            summary: form.summary.trim(),
            body_source: form.body.trim(),
            body_html: &body_html,
            place: form.place.trim(),
        },
        at,
    )
    .await?;
    queries::insert_principles(&mut tx, id, &principles).await?;
    queries::record_phase(&mut tx, id, None, Phase::Idee, "", viewer.id, at).await?;
    crate::search::index::sync_plan(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    let members = notifications::group_members(db, group.summary.id).await?;
    let link = format!("/plannen/{id}");
    let news = notifications::New {
        kind: Kind::NewPlan,
        group_id: Some(group.summary.id),
        plan_id: Some(id),
        actor: viewer,
        title: form.title.trim(),
        detail: &group.summary.name,
        link: &link,
    };
    notifications::notify(db, &members, news).await;
    Ok(id)
}

/// The writer or a coordinator edits a plan's texts, place and principles.
/// The phase and its history stay as they are. Everything that takes time
/// (checking, rendering) happens before the write transaction, which only
/// re-checks the right to edit and writes: a heavy text must never hold up
/// another person's click.
pub async fn update(
    db: &Db,
    viewer: Option<&Viewer>,
    plan_id: i64,
    form: PlanForm,
) -> AppResult<()> {
    let viewer = logged_in(viewer)?;
    let before = plan(db, plan_id).await?;
    // Who asks comes first: someone else learns nothing from field errors.
    if !may_edit(db, viewer, &before).await? {
        return Err(AppError::forbidden());
    }
    let (principles, body_html) = prepare(db, viewer, &form).await?;
    let mut tx = db.write_tx().await?;
    let queries::Ownership {
        group_id,
        author_id,
        ..
    } = queries::lock(&mut tx, plan_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    // Again under the lock: a coordinator may have stepped down meanwhile.
    if !may_steer(&mut tx, group_id, author_id, viewer).await? {
        return Err(AppError::forbidden());
    }
    let texts = NewPlan {
        group_id,
        author_id: author_id.unwrap_or(viewer.id),
        title: form.title.trim(),
        summary: form.summary.trim(),
        body_source: form.body.trim(),
        body_html: &body_html,
        place: form.place.trim(),
    };
    queries::update_plan(&mut tx, plan_id, &texts, now()).await?;
    queries::insert_principles(&mut tx, plan_id, &principles).await?;
    crate::search::index::sync_plan(&mut tx, db.backend, plan_id).await?;
    crate::search::index::retitle_reactions(&mut tx, plan_id, texts.title).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether this person may edit the plan and move its phase.
pub async fn may_edit(db: &Db, viewer: &Viewer, plan: &Plan) -> AppResult<bool> {
    let mut conn = db.pool.acquire().await?;
    may_steer(&mut conn, plan.group_id, plan.author_id, viewer).await
}

/// A plan by id, or "not found".
pub async fn plan(db: &Db, id: i64) -> AppResult<Plan> {
    queries::find(&db.pool, id)
        .await?
        .ok_or_else(AppError::not_found)
}

/// Refuses taking part in a plan a moderator hid (supporting it, reacting
/// to it, posting an update): it stays readable for its writer and the
/// moderators, but nothing new happens on it until it is restored.
pub fn refuse_hidden(hidden_reason: Option<&str>) -> AppResult<()> {
    match hidden_reason {
        Some(_) => Err(AppError::conflict("error-plan-hidden")),
        None => Ok(()),
    }
}

/// Whether the reader supports the plan (guests never do).
pub async fn supports(db: &Db, viewer: Option<&Viewer>, plan_id: i64) -> AppResult<bool> {
    match viewer {
        Some(v) => Ok(queries::supports(&db.pool, plan_id, v.id).await?),
        None => Ok(false),
    }
}

/// A group's newest visible plans.
pub async fn for_group(db: &Db, group_id: i64, limit: i64) -> AppResult<Vec<PlanSummary>> {
    Ok(queries::for_group(&db.pool, group_id, limit).await?)
}

/// The visible plans that put a principle into practice, most supported first.
pub async fn for_principle(db: &Db, principle: &str, limit: i64) -> AppResult<Vec<PlanSummary>> {
    Ok(queries::for_principle(&db.pool, principle, limit).await?)
}

/// Stores a plan's count of published reactions (the discussion calls this
/// after every change to it).
pub async fn set_reaction_count(db: &Db, plan_id: i64, count: i64) -> AppResult<()> {
    Ok(queries::set_reaction_count(&db.pool, plan_id, count, now()).await?)
}

/// The plan's timeline, oldest first.
pub async fn timeline(db: &Db, id: i64) -> AppResult<Vec<PhaseChange>> {
    Ok(queries::timeline(&db.pool, id).await?)
}

/// Whether this person may move the plan: its writer (unless the group has
/// banned them since) or a coordinator of its group.
async fn may_steer(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    author_id: Option<i64>,
    viewer: &Viewer,
) -> AppResult<bool> {
    let role = groups::service::role_of(&mut *conn, group_id, viewer.id).await?;
    if author_id == Some(viewer.id) {
        return Ok(role != groups::service::GroupRole::Banned);
    }
    Ok(role
        .role()
        .is_some_and(crate::groups::model::MemberRole::is_coordinator))
}

/// Moves a plan to another phase, with a reason where one is needed.
pub async fn change_phase(
    db: &Db,
    viewer: Option<&Viewer>,
    plan_id: i64,
    to: &str,
    reason: &str,
) -> AppResult<Phase> {
    let viewer = logged_in(viewer)?;
    let to = Phase::parse(to).ok_or_else(|| AppError::field("phase", "plan_phase_invalid"))?;
    let reason = reason.trim();
    if reason.chars().count() > limits::REASON {
        return Err(AppError::field("reason", "plan_reason_too_long"));
    }
    let mut tx = db.write_tx().await?;
    let queries::Ownership {
        group_id,
        author_id,
        phase: from,
        ..
    } = queries::lock(&mut tx, plan_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if !may_steer(&mut tx, group_id, author_id, viewer).await? {
        return Err(AppError::forbidden());
    }
    if !from.can_move_to(to) {
        return Err(AppError::field("phase", "plan_phase_not_allowed"));
    }
    if from.needs_reason(to) && reason.chars().count() < 3 {
        return Err(AppError::field("reason", "plan_reason_needed"));
    }
    queries::record_phase(&mut tx, plan_id, Some(from), to, reason, viewer.id, now()).await?;
    // The phase is a search filter.
    crate::search::index::sync_plan(&mut tx, db.backend, plan_id).await?;
    tx.commit().await?;
    db.publish(LiveEvent::plan(plan_id, "phase")).await;
    tell_followers(
        db,
        viewer,
        plan_id,
        Kind::PlanPhase,
        to.as_str(),
        "tijdlijn",
    )
    .await?;
    Ok(to)
}

/// Tells a plan's writer and supporters (except `actor`) what happened.
pub async fn tell_followers(
    db: &Db,
    actor: &Viewer,
    plan_id: i64,
    kind: Kind,
    detail: &str,
    anchor: &str,
) -> AppResult<()> {
    let plan = plan(db, plan_id).await?;
    let followers = notifications::plan_followers(db, plan_id).await?;
    let link = format!("/plannen/{plan_id}#{anchor}");
    let news = notifications::New {
        kind,
        group_id: Some(plan.group_id),
        plan_id: Some(plan_id),
        actor,
        title: &plan.title,
        detail,
        link: &link,
    };
    notifications::notify(db, &followers, news).await;
    Ok(())
}

/// Supports a plan (once per person). Returns the new count.
pub async fn support(db: &Db, viewer: Option<&Viewer>, plan_id: i64) -> AppResult<i64> {
    let viewer = logged_in(viewer)?;
    let mut tx = db.write_tx().await?;
    let plan = queries::lock(&mut tx, plan_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    refuse_hidden(plan.hidden_reason.as_deref())?;
    queries::insert_support(&mut tx, plan_id, viewer.id, now())
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                AppError::conflict("error-plan-already-supported")
            } else {
                e.into()
            }
        })?;
    let count = queries::recount_support(&mut tx, plan_id).await?;
    tx.commit().await?;
    db.publish(LiveEvent::plan(plan_id, "support")).await;
    Ok(count)
}

/// Withdraws one's support. Returns the new count.
pub async fn withdraw_support(db: &Db, viewer: Option<&Viewer>, plan_id: i64) -> AppResult<i64> {
    let viewer = logged_in(viewer)?;
    let mut tx = db.write_tx().await?;
    let plan = queries::lock(&mut tx, plan_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    refuse_hidden(plan.hidden_reason.as_deref())?;
    if !queries::delete_support(&mut tx, plan_id, viewer.id).await? {
        return Err(AppError::not_found());
    }
    let count = queries::recount_support(&mut tx, plan_id).await?;
    tx.commit().await?;
    db.publish(LiveEvent::plan(plan_id, "support")).await;
    Ok(count)
}
