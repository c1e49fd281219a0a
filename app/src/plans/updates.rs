//! Progress updates (voortgang) and accountability updates (verantwoording)
//! on a plan: the manifest's "experiments with new forms of accountability".
//!
//! Members of the plan's group post progress: what happened, what is next,
//! who does it. Professionals (civil servant, community worker, housing
//! corporation) whose profile names the group's municipality give account of
//! their part, marked with their role. Updates are never edited: they are a
//! record to read back later. Types are shared; the rules run on the server.

use crate::accounts::Role;
use serde::{Deserialize, Serialize};

/// The two kinds of update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpdateKind {
    /// A member's progress report.
    Voortgang,
    /// A professional's account of their part.
    Verantwoording,
}

impl UpdateKind {
    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateKind::Voortgang => "voortgang",
            UpdateKind::Verantwoording => "verantwoording",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<UpdateKind> {
        [UpdateKind::Voortgang, UpdateKind::Verantwoording]
            .into_iter()
            .find(|k| k.as_str() == value)
    }

    /// Translation key of its name.
    pub fn label_key(self) -> String {
        format!("update-kind-{}", self.as_str())
    }
}

crate::stored_text!(UpdateKind, "update kind");

/// One update as the plan page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanUpdate {
    /// Row id, also the anchor `update-<id>`.
    pub id: i64,
    /// Its kind.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub kind: UpdateKind,
    /// Who wrote it (None when the account is gone).
    pub author_name: Option<String>,
    /// Their account, if it still exists.
    pub author_id: Option<i64>,
    /// Their role when they wrote it.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub author_role: Role,
    /// What happened, sanitised HTML.
    pub body_html: String,
    /// What comes next.
    pub next_steps: String,
    /// Who is responsible for it.
    pub responsible: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Why a moderator hid it (None: visible). Its text is kept only for its
    /// writer and the moderators; see [`redact_hidden`].
    #[cfg_attr(feature = "ssr", sqlx(rename = "hidden_reason"))]
    pub hidden: Option<String>,
}

/// Empties the text of hidden updates for everyone but their writer and the
/// plan's moderators, who see it with the reason (as with reactions).
pub fn redact_hidden(updates: &mut [PlanUpdate], reader: Option<i64>, moderator: bool) {
    for update in updates.iter_mut() {
        if update.hidden.is_some()
            && !moderator
            && reader.is_none_or(|r| update.author_id != Some(r))
        {
            update.body_html.clear();
            update.next_steps.clear();
            update.responsible.clear();
        }
    }
}

/// Where the person stands towards the plan's group, as far as updates go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not in the group.
    Outside,
    /// In the group.
    Member,
    /// Banned by the group's coordinators.
    Banned,
}

/// Which kinds this person may post on a plan: progress as a group member;
/// accountability with a professional role a platform admin confirmed
/// (`confirmed_in`: the municipality they work for), on plans in that
/// municipality or in a group they are a member of. A self-described role
/// gives nothing, and someone the group banned posts nothing.
pub fn allowed_kinds(
    standing: Standing,
    confirmed_in: Option<&str>,
    group_municipality: &str,
) -> Vec<UpdateKind> {
    let mut kinds = Vec::new();
    if standing == Standing::Banned {
        return kinds;
    }
    if standing == Standing::Member {
        kinds.push(UpdateKind::Voortgang);
    }
    let fold = |place: &str| crate::groups::model::fold(place.trim());
    let works_here = confirmed_in
        .is_some_and(|place| !place.trim().is_empty() && fold(place) == fold(group_municipality));
    if confirmed_in.is_some() && (works_here || standing == Standing::Member) {
        kinds.push(UpdateKind::Verantwoording);
    }
    kinds
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{allowed_kinds, PlanUpdate, Standing, UpdateKind};
    use crate::plans::queries::{INSERT_UPDATE, LIST_UPDATES, MARK_PLAN_ACTIVE, PLAN_GROUP_PLACE};
    use crate::{
        accounts::Viewer,
        db::{now, Db},
        error::{AppError, AppResult},
        live::LiveEvent,
    };

    /// Length limits, in characters: what happened; next steps and responsible.
    pub const BODY: (usize, usize) = (10, 5000);
    /// See [`BODY`].
    pub const LINE: usize = 300;

    /// An update as submitted.
    #[derive(Debug, Clone, Default)]
    pub struct UpdateForm {
        /// `voortgang` or `verantwoording`.
        pub kind: String,
        /// What happened (Markdown).
        pub body: String,
        /// What comes next.
        pub next_steps: String,
        /// Who is responsible.
        pub responsible: String,
    }

    /// What decides who may post on a plan: its group, the group's
    /// municipality, and whether a moderator hid it.
    #[derive(Debug, sqlx::FromRow)]
    struct PlanPlace {
        group_id: i64,
        municipality: String,
        hidden_reason: Option<String>,
    }

    async fn place_of(db: &Db, plan_id: i64) -> AppResult<PlanPlace> {
        sqlx::query_as(PLAN_GROUP_PLACE)
            .bind(plan_id)
            .fetch_optional(&db.pool)
            .await?
            .ok_or_else(AppError::not_found)
    }

    /// The kinds this reader may post on the plan (empty for guests).
    pub async fn kinds_for(
        db: &Db,
        viewer: Option<&Viewer>,
        plan_id: i64,
    ) -> AppResult<Vec<UpdateKind>> {
        let Some(viewer) = viewer else {
            return Ok(Vec::new());
        };
        kinds_in(db, viewer, &place_of(db, plan_id).await?).await
    }

    async fn kinds_in(db: &Db, viewer: &Viewer, place: &PlanPlace) -> AppResult<Vec<UpdateKind>> {
        let role = crate::groups::service::role_of(&db.pool, place.group_id, viewer.id).await?;
        let standing = match role {
            crate::groups::service::GroupRole::Banned => Standing::Banned,
            role if role.is_member() => Standing::Member,
            _ => Standing::Outside,
        };
        let confirmed = crate::accounts::professionals::verification(&db.pool, viewer.id).await?;
        Ok(allowed_kinds(
            standing,
            confirmed.as_ref().map(|c| c.municipality.as_str()),
            &place.municipality,
        ))
    }

    /// Posts an update; returns its id.
    pub async fn post(
        db: &Db,
        viewer: Option<&Viewer>,
        plan_id: i64,
        form: UpdateForm,
    ) -> AppResult<i64> {
        let viewer = viewer.ok_or_else(AppError::login_required)?;
        // One read for the plan's place, hiding and group (before, the whole
        // plan was read and then its group again).
        let place = place_of(db, plan_id).await?;
        crate::plans::service::refuse_hidden(place.hidden_reason.as_deref())?;
        let allowed = kinds_in(db, viewer, &place).await?;
        let kind = UpdateKind::parse(&form.kind)
            .ok_or_else(|| AppError::field("kind", "update_kind_invalid"))?;
        if !allowed.contains(&kind) {
            return Err(AppError::forbidden());
        }
        crate::limits::take(
            db,
            crate::limits::UPDATES_PER_PERSON,
            &viewer.id.to_string(),
        )
        .await?;
        let mut problems = Vec::new();
        let len = form.body.trim().chars().count();
        if !(BODY.0..=BODY.1).contains(&len) {
            problems.push(("body", "update_body_length"));
        } else if crate::discussion::markdown::too_deep(&form.body) {
            problems.push(("body", "markdown_too_deep"));
        }
        if form.next_steps.trim().chars().count() > LINE {
            problems.push(("next_steps", "update_line_too_long"));
        }
        if form.responsible.trim().chars().count() > LINE {
            problems.push(("responsible", "update_line_too_long"));
        }
        if !problems.is_empty() {
            return Err(AppError::fields(problems));
        }
        let html = crate::discussion::markdown::render(form.body.trim());
        let at = now();
        let id: i64 = sqlx::query_scalar(INSERT_UPDATE)
            .bind(plan_id)
            .bind(viewer.id)
            .bind(viewer.role.as_str())
            .bind(kind.as_str())
            .bind(form.body.trim())
            .bind(&html)
            .bind(form.next_steps.trim())
            .bind(form.responsible.trim())
            .bind(at)
            .fetch_one(&db.pool)
            .await?;
        sqlx::query(MARK_PLAN_ACTIVE)
            .bind(at)
            .bind(plan_id)
            .execute(&db.pool)
            .await?;
        db.publish(LiveEvent::plan(plan_id, "update")).await;
        let anchor = format!("update-{id}");
        crate::plans::service::tell_followers(
            db,
            viewer,
            plan_id,
            crate::notifications::model::Kind::PlanUpdate,
            "",
            &anchor,
        )
        .await?;
        Ok(id)
    }

    /// A plan's updates, newest first, optionally one kind.
    pub async fn list(
        db: &Db,
        plan_id: i64,
        kind: Option<UpdateKind>,
    ) -> AppResult<Vec<PlanUpdate>> {
        Ok(sqlx::query_as(LIST_UPDATES)
            .bind(plan_id)
            .bind(kind.map_or("", UpdateKind::as_str))
            .fetch_all(&db.pool)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_report_progress_and_confirmed_professionals_give_account() {
        use Standing::*;
        use UpdateKind::*;
        assert_eq!(allowed_kinds(Member, None, "Den Haag"), vec![Voortgang]);
        // Confirmed, working in the plan's municipality.
        assert_eq!(
            allowed_kinds(Outside, Some("den haag"), "Den Haag"),
            vec![Verantwoording]
        );
        // Confirmed elsewhere, but a member of the group.
        assert_eq!(
            allowed_kinds(Member, Some("Utrecht"), "Den Haag"),
            vec![Voortgang, Verantwoording]
        );
        // Confirmed elsewhere, not in the group; or never confirmed (a
        // self-described role gives nothing); or banned.
        assert!(allowed_kinds(Outside, Some("Utrecht"), "Den Haag").is_empty());
        assert!(allowed_kinds(Outside, None, "Den Haag").is_empty());
        assert!(allowed_kinds(Banned, Some("Den Haag"), "Den Haag").is_empty());
        assert!(allowed_kinds(Outside, Some(""), "").is_empty());
    }
}
