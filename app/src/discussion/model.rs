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
    /// An answer to a question: only as a reply.
    Antwoord,
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

    /// What a reply may be: an answer first, then every kind of a reaction.
    pub const REPLIES: [ReactionKind; 6] = [
        ReactionKind::Antwoord,
        ReactionKind::Aanvulling,
        ReactionKind::Herkenning,
        ReactionKind::Vraag,
        ReactionKind::Zorg,
        ReactionKind::Voorbeeld,
    ];

    /// The kinds to choose from: a reply may also be an answer.
    pub fn choices(is_reply: bool) -> &'static [ReactionKind] {
        if is_reply {
            &ReactionKind::REPLIES
        } else {
            &ReactionKind::ALL
        }
    }

    /// What a reply to a reaction of this kind is unless the writer picks
    /// another: an answer to a question, otherwise an addition.
    pub fn reply_default(self) -> ReactionKind {
        match self {
            ReactionKind::Vraag => ReactionKind::Antwoord,
            _ => ReactionKind::Aanvulling,
        }
    }

    /// Parses a submitted kind for a reaction (`is_reply: false`) or a reply.
    pub fn parse_for(value: &str, is_reply: bool) -> Option<ReactionKind> {
        ReactionKind::parse(value).filter(|k| ReactionKind::choices(is_reply).contains(k))
    }

    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReactionKind::Herkenning => "herkenning",
            ReactionKind::Aanvulling => "aanvulling",
            ReactionKind::Vraag => "vraag",
            ReactionKind::Zorg => "zorg",
            ReactionKind::Voorbeeld => "voorbeeld",
            ReactionKind::Antwoord => "antwoord",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<ReactionKind> {
        ReactionKind::REPLIES
            .into_iter()
            .find(|k| k.as_str() == value)
    }

    /// Translation key of the kind's name.
    pub fn label_key(self) -> String {
        format!("kind-{}", self.as_str())
    }
}

crate::stored_text!(ReactionKind, "reaction kind");

/// Where a reaction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReactionStatus {
    /// Shown to everyone.
    Published,
    /// A guest's reaction waiting for a moderator.
    Pending,
    /// Deleted by its author; kept (without text) while it has replies.
    Deleted,
    /// A guest's reaction a moderator turned down (text forgotten).
    Rejected,
}

impl ReactionStatus {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            ReactionStatus::Published => "published",
            ReactionStatus::Pending => "pending",
            ReactionStatus::Deleted => "deleted",
            ReactionStatus::Rejected => "rejected",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<ReactionStatus> {
        [
            ReactionStatus::Published,
            ReactionStatus::Pending,
            ReactionStatus::Deleted,
            ReactionStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    /// Whether setting this status forgets the reaction's text.
    pub fn forgets_text(self) -> bool {
        matches!(self, ReactionStatus::Deleted | ReactionStatus::Rejected)
    }
}

crate::stored_text!(ReactionStatus, "reaction status");

/// A reaction as a thread shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    /// Row id, also the anchor `reactie-<id>`.
    pub id: i64,
    /// The reaction it answers, for replies.
    pub parent_id: Option<i64>,
    /// 0 for a top-level reaction, 1 for a reply, 2 for a reply to a reply.
    pub depth: i64,
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
    /// Why a moderator hid it (None: visible). Its text is only kept for
    /// its author and moderators; see [`redact_hidden`].
    pub hidden: Option<String>,
    /// Earlier texts, oldest first; filled in only for moderators.
    pub versions: Vec<Version>,
    /// Replies, oldest first.
    pub replies: Vec<Reaction>,
}

/// An earlier text of an edited reaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Version {
    /// The reaction it belongs to.
    pub reaction_id: i64,
    /// Its kind then.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub kind: ReactionKind,
    /// The Markdown as it was (shown as plain text, never as HTML).
    pub source: String,
    /// When this text was written.
    pub written_at: i64,
    /// When it was replaced.
    pub replaced_at: i64,
}

impl Reaction {
    /// Whether `user_id` may still edit this reaction at time `now`.
    pub fn editable_by(&self, user_id: i64, now: i64) -> bool {
        !self.deleted && self.author_id == Some(user_id) && now - self.created_at <= EDIT_WINDOW
    }
}

/// How deep replies may go on a subject: plans are discussed three levels
/// deep (depth 0, 1, 2); the manifest keeps its question-and-answer shape of two.
pub fn max_depth(subject: &str) -> i64 {
    if subject.starts_with("plan:") {
        2
    } else {
        1
    }
}

/// Hangs `rest` (any order within a parent is kept) under `tops`, in the
/// order `tops` are given.
pub fn assemble(tops: Vec<Reaction>, rest: Vec<Reaction>) -> Vec<Reaction> {
    let mut children: std::collections::HashMap<i64, Vec<Reaction>> = Default::default();
    for reply in rest {
        if let Some(parent) = reply.parent_id {
            children.entry(parent).or_default().push(reply);
        }
    }
    tops.into_iter()
        .filter_map(|top| attach(top, &mut children))
        .collect()
}

fn attach(
    mut reaction: Reaction,
    children: &mut std::collections::HashMap<i64, Vec<Reaction>>,
) -> Option<Reaction> {
    let replies = children.remove(&reaction.id).unwrap_or_default();
    reaction.replies = replies
        .into_iter()
        .filter_map(|reply| attach(reply, children))
        .collect();
    (!reaction.deleted || !reaction.replies.is_empty()).then_some(reaction)
}

/// One page of threads, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPage {
    /// The threads, each with all its replies.
    pub threads: Vec<Reaction>,
    /// Where the next page starts, if there is one.
    pub next: Option<ThreadCursor>,
    /// Whether the reader moderates here (and so sees earlier versions).
    pub moderator: bool,
}

/// Empties the text of hidden reactions (and their earlier versions) for
/// everyone but their author and moderators, so it never reaches a page.
pub fn redact_hidden(list: &mut [Reaction], reader: Option<i64>, moderator: bool) {
    for r in list {
        if r.hidden.is_some() && !moderator && (reader.is_none() || r.author_id != reader) {
            r.html.clear();
            r.source.clear();
            r.versions.clear();
        }
        redact_hidden(&mut r.replies, reader, moderator);
    }
}

/// Where the next page of threads starts: after the top-level reaction with
/// this time and id (pages go from newest to oldest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadCursor {
    /// `created_at` of the last thread shown.
    pub created_at: i64,
    /// Its id.
    pub id: i64,
}

impl ThreadCursor {
    /// As it goes in a link: `<created_at>-<id>`.
    pub fn encode(self) -> String {
        format!("{}-{}", self.created_at, self.id)
    }

    /// Reads a link's cursor; anything malformed is `None` (the first page).
    pub fn parse(value: &str) -> Option<ThreadCursor> {
        let (at, id) = value.split_once('-')?;
        Some(ThreadCursor {
            created_at: at.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reaction(id: i64, parent: Option<i64>, kind: ReactionKind, deleted: bool) -> Reaction {
        Reaction {
            id,
            parent_id: parent,
            depth: i64::from(parent.is_some()),
            kind,
            html: String::new(),
            source: String::new(),
            author_name: "A".into(),
            author_role: None,
            author_id: Some(7),
            created_at: 1000,
            edited: false,
            deleted,
            hidden: None,
            versions: vec![],
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

    /// Top-level rows in the order given, the rest hung under them.
    fn threads_of(rows: Vec<Reaction>) -> Vec<Reaction> {
        let (tops, rest) = rows.into_iter().partition(|r| r.parent_id.is_none());
        assemble(tops, rest)
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
        let threads = threads_of(rows);
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
    }

    #[test]
    fn deeper_threads_keep_deleted_middles_that_carry_replies() {
        let rows = vec![
            reaction(1, None, ReactionKind::Vraag, false),
            reaction(2, Some(1), ReactionKind::Aanvulling, true),
            reaction(3, Some(2), ReactionKind::Aanvulling, false),
            reaction(4, Some(1), ReactionKind::Aanvulling, true),
            reaction(5, Some(4), ReactionKind::Aanvulling, true),
        ];
        let threads = threads_of(rows);
        assert_eq!(threads.len(), 1);
        let under_top: Vec<i64> = threads[0].replies.iter().map(|r| r.id).collect();
        assert_eq!(under_top, vec![2], "#4 and #5 are both deleted and go");
        assert_eq!(threads[0].replies[0].replies[0].id, 3);
    }

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let c = ThreadCursor {
            created_at: 1_700_000_000,
            id: 42,
        };
        assert_eq!(ThreadCursor::parse(&c.encode()), Some(c));
        assert_eq!(ThreadCursor::parse("abc"), None);
        assert_eq!(ThreadCursor::parse("1-x"), None);
        assert_eq!(max_depth("plan:3"), 2);
        assert_eq!(max_depth("manifest"), 1);
    }

    #[test]
    fn editing_is_for_the_author_within_fifteen_minutes() {
        let r = reaction(1, None, ReactionKind::Vraag, false);
        assert!(r.editable_by(7, 1000 + EDIT_WINDOW));
        assert!(!r.editable_by(7, 1001 + EDIT_WINDOW));
        assert!(!r.editable_by(8, 1000));
    }
}
