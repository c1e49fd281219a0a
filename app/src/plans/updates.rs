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
}

/// Which kinds this person may post on a plan: progress as a group member,
/// accountability as a professional working in the group's municipality.
pub fn allowed_kinds(
    is_member: bool,
    role: Role,
    own_municipality: &str,
    group_municipality: &str,
) -> Vec<UpdateKind> {
    let mut kinds = Vec::new();
    if is_member {
        kinds.push(UpdateKind::Voortgang);
    }
    let same_place = !own_municipality.trim().is_empty()
        && crate::groups::model::fold(own_municipality.trim())
            == crate::groups::model::fold(group_municipality.trim());
    if role.is_professional() && same_place {
        kinds.push(UpdateKind::Verantwoording);
    }
    kinds
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::{allowed_kinds, PlanUpdate, UpdateKind};
    use crate::plans::queries::{INSERT_UPDATE, KINDS_FOR, LIST_UPDATES, MARK_PLAN_ACTIVE};
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

    /// The kinds this reader may post on the plan (empty for guests).
    pub async fn kinds_for(
        db: &Db,
        viewer: Option<&Viewer>,
        plan_id: i64,
    ) -> AppResult<Vec<UpdateKind>> {
        let Some(viewer) = viewer else {
            return Ok(Vec::new());
        };
        let (group_place, own_place, member): (String, String, i64) = sqlx::query_as(KINDS_FOR)
            .bind(plan_id)
            .bind(viewer.id)
            .fetch_optional(&db.pool)
            .await?
            .ok_or_else(AppError::not_found)?;
        Ok(allowed_kinds(
            member > 0,
            viewer.role,
            &own_place,
            &group_place,
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
        crate::plans::service::refuse_hidden(&crate::plans::service::plan(db, plan_id).await?)?;
        let allowed = kinds_for(db, Some(viewer), plan_id).await?;
        let kind = UpdateKind::parse(&form.kind)
            .ok_or_else(|| AppError::field("kind", "update_kind_invalid"))?;
        if !allowed.contains(&kind) {
            return Err(AppError::forbidden());
        }
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
    fn members_report_progress_and_local_professionals_give_account() {
        use UpdateKind::*;
        assert_eq!(
            allowed_kinds(true, Role::Bewoner, "", "Den Haag"),
            vec![Voortgang]
        );
        assert_eq!(
            allowed_kinds(false, Role::Ambtenaar, "den haag", "Den Haag"),
            vec![Verantwoording]
        );
        assert_eq!(
            allowed_kinds(true, Role::Opbouwwerker, "Den Haag", "Den Haag"),
            vec![Voortgang, Verantwoording]
        );
        assert!(allowed_kinds(false, Role::Woningcorporatie, "Utrecht", "Den Haag").is_empty());
        assert!(allowed_kinds(false, Role::Politicus, "Den Haag", "Den Haag").is_empty());
        assert!(allowed_kinds(false, Role::Ambtenaar, "", "").is_empty());
    }
}
