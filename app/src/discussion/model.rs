//! Types of the discussion domain, shared by server and pages.

use crate::accounts::Role;
use serde::{Deserialize, Serialize};

/// How long after posting an author may still edit, in seconds.
pub const EDIT_WINDOW: i64 = 15 * 60;

/// The appreciative kinds of reaction the manifest invites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReactionKind {
    /// "I recognise this."
    Herkenning,
    /// "I would add …"
    Aanvulling,
    /// A question.
    Vraag,
    /// A concern.
    Zorg,
    /// An example from our neighbourhood.
    Voorbeeld,
}

impl ReactionKind {
    /// All kinds, in the order filters show them.
    pub const ALL: [ReactionKind; 5] = [
        ReactionKind::Herkenning,
        ReactionKind::Aanvulling,
        ReactionKind::Vraag,
        ReactionKind::Zorg,
        ReactionKind::Voorbeeld,
    ];

    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReactionKind::Herkenning => "herkenning",
            ReactionKind::Aanvulling => "aanvulling",
            ReactionKind::Vraag => "vraag",
            ReactionKind::Zorg => "zorg",
            ReactionKind::Voorbeeld => "voorbeeld",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<ReactionKind> {
        ReactionKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// Translation key of the kind's name.
    pub fn label_key(self) -> String {
        format!("kind-{}", self.as_str())
    }
}

/// A reaction as a thread shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    /// Row id, also the anchor `reactie-<id>`.
    pub id: i64,
    /// The reaction it answers, for replies.
    pub parent_id: Option<i64>,
    /// Its kind.
    pub kind: ReactionKind,
    /// Sanitised HTML (empty when deleted).
    pub html: String,
    /// The Markdown as written, for the author's edit form.
    pub source: String,
    /// Display name, or the guest's name.
    pub author_name: String,
    /// The author's role, for members.
    pub author_role: Option<Role>,
    /// The author's user id, for members.
    pub author_id: Option<i64>,
    /// Unix seconds.
    pub created_at: i64,
    /// Whether it was edited.
    pub edited: bool,
    /// Deleted, kept because it has replies.
    pub deleted: bool,
    /// Replies, oldest first (only on top-level reactions).
    pub replies: Vec<Reaction>,
}

impl Reaction {
    /// Whether `user_id` may still edit this reaction at time `now`.
    pub fn editable_by(&self, user_id: i64, now: i64) -> bool {
        !self.deleted && self.author_id == Some(user_id) && now - self.created_at <= EDIT_WINDOW
    }
}

/// Arranges flat rows (oldest first) into threads one level deep: replies go
/// under their parent; deleted reactions stay only when they have replies.
pub fn into_threads(rows: Vec<Reaction>, kind: Option<ReactionKind>) -> Vec<Reaction> {
    let (tops, replies): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.parent_id.is_none());
    let mut threads: Vec<Reaction> = tops;
    for reply in replies.into_iter().filter(|r| !r.deleted) {
        if let Some(parent) = threads.iter_mut().find(|t| Some(t.id) == reply.parent_id) {
            parent.replies.push(reply);
        }
    }
    threads
        .into_iter()
        .filter(|t| !t.deleted || !t.replies.is_empty())
        .filter(|t| kind.is_none_or(|k| t.kind == k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reaction(id: i64, parent: Option<i64>, kind: ReactionKind, deleted: bool) -> Reaction {
        Reaction {
            id,
            parent_id: parent,
            kind,
            html: String::new(),
            source: String::new(),
            author_name: "A".into(),
            author_role: None,
            author_id: Some(7),
            created_at: 1000,
            edited: false,
            deleted,
            replies: vec![],
        }
    }

    #[test]
    fn kinds_round_trip() {
        for kind in ReactionKind::ALL {
            assert_eq!(ReactionKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ReactionKind::parse("ruzie"), None);
    }

    #[test]
    fn threads_nest_replies_and_keep_deleted_parents_only_with_replies() {
        let rows = vec![
            reaction(1, None, ReactionKind::Vraag, false),
            reaction(2, None, ReactionKind::Zorg, true),
            reaction(3, None, ReactionKind::Herkenning, true),
            reaction(4, Some(1), ReactionKind::Herkenning, false),
            reaction(5, Some(3), ReactionKind::Herkenning, false),
            reaction(6, Some(1), ReactionKind::Herkenning, true),
        ];
        let threads = into_threads(rows.clone(), None);
        let ids: Vec<i64> = threads.iter().map(|t| t.id).collect();
        assert_eq!(
            ids,
            vec![1, 3],
            "deleted #2 has no replies and disappears; #3 stays"
        );
        assert_eq!(
            threads[0].replies.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![4]
        );
        let only_questions = into_threads(rows, Some(ReactionKind::Vraag));
        assert_eq!(
            only_questions.iter().map(|t| t.id).collect::<Vec<_>>(),
            vec![1]
        );
    }

    #[test]
    fn editing_is_for_the_author_within_fifteen_minutes() {
        let r = reaction(1, None, ReactionKind::Vraag, false);
        assert!(r.editable_by(7, 1000 + EDIT_WINDOW));
        assert!(!r.editable_by(7, 1001 + EDIT_WINDOW));
        assert!(!r.editable_by(8, 1000));
    }
}
