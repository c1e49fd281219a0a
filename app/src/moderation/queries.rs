//! Moderation queries (server only): reports, hiding and the log.

use super::model::Target;

crate::statements! {
    /// What was reported comes along in the same query (no query per
    /// report); items deleted since still show, without a preview. `$1`:
    /// the reader is a platform admin; `$3`: the coordinator role.
    QUEUE = "SELECT r.id, r.target, r.target_id, r.reason, r.created_at, u.display_name AS reporter_name,
                p.title AS plan_title, re.source AS reaction_source, re.subject AS reaction_subject,
                top.created_at AS top_at, top.id AS top_id,
                pu.body_source AS update_source, pu.plan_id AS update_plan
         FROM reports r LEFT JOIN users u ON u.id = r.reporter_id
         LEFT JOIN plans p ON r.target = 'plan' AND p.id = r.target_id
         LEFT JOIN plan_updates pu ON r.target = 'update' AND pu.id = r.target_id
         LEFT JOIN reactions re ON r.target = 'reaction' AND re.id = r.target_id
                                AND re.status = 'published'
         LEFT JOIN reactions top ON top.id = COALESCE(re.root_id, re.id)
         WHERE r.status = 'open' AND ($1 = 1 OR r.group_id IN (
             SELECT group_id FROM group_members WHERE user_id = $2 AND role = $3))
         ORDER BY r.created_at, r.id LIMIT 200";
    SET_PLAN_HIDDEN = "UPDATE plans SET hidden_reason = $1 WHERE id = $2";
    SET_REACTION_HIDDEN = "UPDATE reactions SET hidden_reason = $1 WHERE id = $2";
    SET_UPDATE_HIDDEN = "UPDATE plan_updates SET hidden_reason = $1 WHERE id = $2";
    PLAN_OF_UPDATE = "SELECT plan_id FROM plan_updates WHERE id = $1";
    INSERT_REPORT = "INSERT INTO reports (target, target_id, group_id, reporter_id, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    OPEN_REPORT = "SELECT target, target_id, group_id FROM reports WHERE id = $1 AND status = 'open'";
    INSERT_LOG = "INSERT INTO moderation_log (actor_id, action, target, target_id, group_id, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    CLOSE_AS_HIDDEN = "UPDATE reports SET status = 'hidden', handled_at = $1
         WHERE target = $2 AND target_id = $3 AND status = 'open'";
    CLOSE_AS_DISMISSED = "UPDATE reports SET status = 'dismissed', handled_at = $1 WHERE id = $2";
    READ_LOG = "SELECT l.action, l.target, l.target_id, l.reason, l.at, u.display_name AS actor_name
         FROM moderation_log l LEFT JOIN users u ON u.id = l.actor_id
         ORDER BY l.at DESC, l.id DESC LIMIT 500";
}

/// A report in the queue, with what it is about (as it is now).
#[derive(Debug, sqlx::FromRow)]
pub struct QueueRow {
    /// Report id.
    pub id: i64,
    /// What kind of item.
    #[sqlx(try_from = "String")]
    pub target: Target,
    /// Its id.
    pub target_id: i64,
    /// Why it was reported.
    pub reason: String,
    /// When.
    pub created_at: i64,
    /// Who reported it, if the account still exists.
    pub reporter_name: Option<String>,
    /// A reported plan's title.
    pub plan_title: Option<String>,
    /// A reported reaction's text (published ones only).
    pub reaction_source: Option<String>,
    /// Its subject.
    pub reaction_subject: Option<String>,
    /// Its thread's top reaction: when it was posted.
    pub top_at: Option<i64>,
    /// Its id.
    pub top_id: Option<i64>,
    /// A reported update's text.
    pub update_source: Option<String>,
    /// Its plan.
    pub update_plan: Option<i64>,
}

/// An open report: what it is about and its group.
#[derive(Debug, sqlx::FromRow)]
pub struct OpenReport {
    /// What kind of item.
    #[sqlx(try_from = "String")]
    pub target: Target,
    /// Its id.
    pub target_id: i64,
    /// Its group (none for the manifest).
    pub group_id: Option<i64>,
}
