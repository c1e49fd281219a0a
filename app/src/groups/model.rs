//! Group types shared by pages and server; the pure rules behind a group's
//! keys (slugs, search folding, postcodes, cursors) are in `keys`.

use serde::{Deserialize, Serialize};

mod keys;

pub use keys::{fold, parse_postcodes, postcode_query, slugify, Cursor, RESERVED_SLUGS};

/// How people join a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MembershipMode {
    /// Anyone logged in joins at once.
    #[default]
    Open,
    /// A coordinator approves each request.
    OnRequest,
}

impl MembershipMode {
    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            MembershipMode::Open => "open",
            MembershipMode::OnRequest => "request",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<MembershipMode> {
        match value {
            "open" => Some(MembershipMode::Open),
            "request" => Some(MembershipMode::OnRequest),
            _ => None,
        }
    }
}

/// A member's place in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberRole {
    /// Manages members and edits the group.
    Coordinator,
    /// Takes part.
    Member,
}

impl MemberRole {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Coordinator => "coordinator",
            MemberRole::Member => "member",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<MemberRole> {
        [MemberRole::Coordinator, MemberRole::Member]
            .into_iter()
            .find(|r| r.as_str() == value)
    }

    /// Whether this role coordinates the group: the one place that says so.
    pub fn is_coordinator(self) -> bool {
        self == MemberRole::Coordinator
    }
}

crate::stored_text!(MemberRole, "group role");
crate::stored_text!(MembershipMode, "membership mode");
crate::stored_text!(RequestStatus, "request status");

/// One group in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// Row id.
    pub id: i64,
    /// Address part.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Wijk or buurt.
    pub neighbourhood: String,
    /// Gemeente.
    pub municipality: String,
    /// Four-digit postcode areas.
    pub postcodes: Vec<String>,
    /// How to join.
    pub mode: MembershipMode,
    /// Number of members, coordinators included.
    pub member_count: i64,
    /// Whether it has a photo or logo.
    pub has_image: bool,
}

/// Everything about a group that its page shows to anyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupDetail {
    /// The summary fields.
    pub summary: GroupSummary,
    /// About the group (plain text, paragraphs by blank lines).
    pub description: String,
    /// The question asked of people who request to join.
    pub join_question: String,
    /// When it started.
    pub created_at: i64,
    /// Bumped on every change, used to refresh the image's cache.
    pub updated_at: i64,
}

/// One member on the group page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Member {
    /// User id.
    pub user_id: i64,
    /// Display name.
    pub name: String,
    /// Coordinator or member.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub role: MemberRole,
    /// Kept off the public list by their own choice.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "crate::db::Flag"))]
    pub name_hidden: bool,
    /// When they joined.
    pub joined_at: i64,
}

/// Where the viewer stands with a group: decides what the page offers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Not logged in.
    Guest,
    /// Logged in, not in the group, may join or ask.
    Outsider,
    /// Asked to join; waiting for a coordinator.
    Pending {
        /// The request's id, for withdrawing it.
        request_id: i64,
    },
    /// In the group.
    Member {
        /// Their role.
        role: MemberRole,
        /// Whether they hide their name.
        name_hidden: bool,
    },
    /// Not allowed to (re)join.
    Banned,
}

impl Standing {
    /// Whether this is a member (of any role).
    pub fn is_member(&self) -> bool {
        matches!(self, Standing::Member { .. })
    }

    /// The role in the group, for members.
    pub fn role(&self) -> Option<MemberRole> {
        match self {
            Standing::Member { role, .. } => Some(*role),
            _ => None,
        }
    }

    /// Whether the reader coordinates the group (the rule itself is
    /// [`MemberRole::is_coordinator`]).
    pub fn coordinates(&self) -> bool {
        self.role().is_some_and(MemberRole::is_coordinator)
    }
}

/// Status of a join request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestStatus {
    /// Waiting.
    Pending,
    /// Let in.
    Approved,
    /// Not let in.
    Declined,
    /// Taken back by the person.
    Withdrawn,
}

impl RequestStatus {
    /// Stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Declined => "declined",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses a stored value.
    pub fn parse(value: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Pending,
            RequestStatus::Approved,
            RequestStatus::Declined,
            RequestStatus::Withdrawn,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// A join request, as a coordinator or the asker sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct JoinRequest {
    /// Row id.
    pub id: i64,
    /// The group's slug.
    pub group_slug: String,
    /// The group's name.
    pub group_name: String,
    /// Who asked.
    pub user_id: i64,
    /// Their display name.
    pub user_name: String,
    /// Their answer to the group's question.
    pub answer: String,
    /// Where it stands.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub status: RequestStatus,
    /// The coordinator's message with the decision.
    pub message: String,
    /// When it was asked.
    pub created_at: i64,
    /// When it was decided, if it was.
    pub decided_at: Option<i64>,
}

/// A person who may not rejoin, with the recorded reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Ban {
    /// User id.
    pub user_id: i64,
    /// Display name.
    pub name: String,
    /// Why.
    pub reason: String,
    /// When.
    pub banned_at: i64,
}

/// One line of a group's recent activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// What happened: a key such as `joined` (translated as `group-activity-joined`).
    pub kind: String,
    /// Who did it, or `None` when the name is not for this reader.
    pub actor: Option<String>,
    /// Who it happened to, likewise.
    pub target: Option<String>,
    /// When.
    pub at: i64,
}

/// A group on "Mijn groepen": the group and my role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGroup {
    /// The group.
    pub group: GroupSummary,
    /// My role.
    pub role: MemberRole,
}

/// Everything a coordinator's management page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manage {
    /// The group.
    pub group: GroupDetail,
    /// Open requests, oldest first.
    pub requests: Vec<JoinRequest>,
    /// All members, hidden names included.
    pub members: Vec<Member>,
    /// Who may not rejoin.
    pub bans: Vec<Ban>,
}

/// "Mijn groepen": my groups and my requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mine {
    /// Groups I am in, with my role.
    pub groups: Vec<MyGroup>,
    /// Open requests and recent decisions.
    pub requests: Vec<JoinRequest>,
}

/// One page of the group directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    /// The groups on this page.
    pub groups: Vec<GroupSummary>,
    /// Cursor for the next page, if there is one.
    pub next: Option<String>,
}

/// Limits on what a group's form may hold, in characters: the service
/// checks them, the forms state them to people before they post.
pub mod limits {
    /// Name.
    pub const NAME: (usize, usize) = (3, 80);
    /// Neighbourhood and municipality.
    pub const PLACE: (usize, usize) = (2, 80);
    /// Description.
    pub const DESCRIPTION: (usize, usize) = (10, 2000);
    /// The question for requests.
    pub const QUESTION: usize = 200;
    /// An answer to that question.
    pub const ANSWER: (usize, usize) = (1, 1000);
    /// A coordinator's message with a decision.
    pub const MESSAGE: usize = 500;
    /// The reason for a ban.
    pub const REASON: (usize, usize) = (3, 500);
}
