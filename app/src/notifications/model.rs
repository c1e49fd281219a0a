//! Notification types and the pure rules around them (shared by server and pages).

use crate::i18n::{tr, tr_args, Lang};
use serde::{Deserialize, Serialize};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Someone replied to my reaction.
    Reply,
    /// Someone mentioned me (`@Name`) in a reaction on a plan of my group.
    Mention,
    /// A new plan in one of my groups.
    NewPlan,
    /// A plan I support or wrote moved to another phase.
    PlanPhase,
    /// A progress or accountability update on a plan I support or wrote.
    PlanUpdate,
    /// A coordinator decided on my request to join.
    JoinDecision,
}

impl Kind {
    /// Every kind, in the order settings list them.
    pub const ALL: [Kind; 6] = [
        Kind::Reply,
        Kind::Mention,
        Kind::NewPlan,
        Kind::PlanPhase,
        Kind::PlanUpdate,
        Kind::JoinDecision,
    ];

    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reply => "reply",
            Kind::Mention => "mention",
            Kind::NewPlan => "new_plan",
            Kind::PlanPhase => "plan_phase",
            Kind::PlanUpdate => "plan_update",
            Kind::JoinDecision => "join_decision",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// One notification as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Row id.
    pub id: i64,
    /// What happened.
    pub kind: Kind,
    /// Who did it.
    pub actor_name: String,
    /// What it is about (plan title or group name).
    pub title: String,
    /// The new phase, or `approved` / `declined`.
    pub detail: String,
    /// Where it leads (a local path).
    pub link: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Whether it has been read.
    pub read: bool,
}

crate::stored_text!(Kind, "notification kind");

/// The people (by id) that `text` mentions: `@` followed by a member's full
/// display name, in any case, not followed by a letter or digit. Names may
/// contain spaces ("@Noor Visser"), so this matches known names rather than
/// guessing where a name ends; the longest name wins where names overlap.
pub fn mentioned(text: &str, members: &[(i64, String)]) -> Vec<i64> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for (start, _) in lower.match_indices('@') {
        let rest = &lower[start + 1..];
        let best = members
            .iter()
            .filter(|(_, name)| !name.trim().is_empty())
            .filter(|(_, name)| {
                let name = name.to_lowercase();
                rest.starts_with(&name)
                    && !rest[name.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            })
            .max_by_key(|(_, name)| name.len());
        if let Some((id, _)) = best {
            if !found.contains(id) {
                found.push(*id);
            }
        }
    }
    found
}

/// The notification as a sentence in `lang`: on the notifications page and in
/// e-mails.
pub fn sentence(n: &Notification, lang: Lang) -> String {
    let t_args = |key: &str, args: &[(&'static str, String)]| tr_args(lang, key, args);
    let name = n.actor_name.clone();
    let title = n.title.clone();
    match n.kind {
        Kind::Reply => t_args("notification-reply", &[("name", name), ("title", title)]),
        Kind::Mention => t_args("notification-mention", &[("name", name), ("title", title)]),
        Kind::NewPlan => t_args(
            "notification-new-plan",
            &[
                ("name", name),
                ("title", title),
                ("group", n.detail.clone()),
            ],
        ),
        Kind::PlanPhase => {
            let phase = crate::plans::model::Phase::parse(&n.detail)
                .map(|p| tr(lang, &p.label_key()))
                .unwrap_or_default();
            t_args(
                "notification-plan-phase",
                &[("name", name), ("title", title), ("phase", phase)],
            )
        }
        Kind::PlanUpdate => t_args(
            "notification-plan-update",
            &[("name", name), ("title", title)],
        ),
        Kind::JoinDecision if n.detail == "approved" => {
            t_args("notification-join-approved", &[("group", title)])
        }
        Kind::JoinDecision => t_args("notification-join-declined", &[("group", title)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("spam"), None);
    }

    #[test]
    fn mentions_match_whole_known_names() {
        let members = vec![
            (1, "Noor".to_owned()),
            (2, "Noor Visser".to_owned()),
            (3, "Sam".to_owned()),
            (4, "Ali".to_owned()),
        ];
        assert_eq!(mentioned("Dank je @noor visser!", &members), vec![2]);
        assert_eq!(
            mentioned("@Noor en @Sam, komen jullie?", &members),
            vec![1, 3]
        );
        assert_eq!(mentioned("@Samira is er ook", &members), Vec::<i64>::new());
        assert_eq!(
            mentioned("mail: ali@buurt.nl, @sam @Sam", &members),
            vec![3]
        );
        assert!(mentioned("geen namen", &members).is_empty());
    }
}
