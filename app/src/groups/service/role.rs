//! Who may do what in a group: the one place that reads a person's place in
//! a group and decides on it. Groups, plans, the discussion and moderation
//! all ask here, so "is this person a coordinator?" and "is this person
//! banned?" have one answer everywhere.

use crate::groups::queries::{COORDINATES_ANY, ROLE_OF};
use crate::{
    accounts::Viewer,
    error::{AppError, AppResult},
    groups::model::{MemberRole, Standing},
};
use sqlx::{Any, Executor};

/// A person's place in one group, as far as rights go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRole {
    /// Not logged in, or not in the group.
    Outsider,
    /// Banned by the group's coordinators: reads like anyone, never talks.
    Banned,
    /// In the group, with a role.
    In {
        /// Coordinator or member.
        role: MemberRole,
        /// Whether they hide their name from outsiders.
        name_hidden: bool,
    },
}

/// What an action asks of the person doing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Anyone the group has not banned.
    NotBanned,
    /// A member, in any role.
    Member,
    /// A coordinator.
    Coordinator,
}

/// The person's place in the group, read in one statement (inside the
/// caller's transaction when it passes one). A ban outranks a membership.
pub async fn role_of<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    user_id: i64,
) -> AppResult<GroupRole> {
    let (role, name_hidden, banned): (Option<String>, Option<i64>, i64) = sqlx::query_as(ROLE_OF)
        .bind(group_id)
        .bind(user_id)
        .fetch_one(ex)
        .await?;
    if banned > 0 {
        return Ok(GroupRole::Banned);
    }
    Ok(match role {
        None => GroupRole::Outsider,
        Some(role) => GroupRole::In {
            role: MemberRole::try_from(role).map_err(AppError::internal)?,
            name_hidden: name_hidden.unwrap_or(0) != 0,
        },
    })
}

impl GroupRole {
    /// Whether this is a member in any role.
    pub fn is_member(self) -> bool {
        matches!(self, GroupRole::In { .. })
    }

    /// The role in the group, for members ([`MemberRole::is_coordinator`]
    /// says whether it coordinates).
    pub fn role(self) -> Option<MemberRole> {
        match self {
            GroupRole::In { role, .. } => Some(role),
            _ => None,
        }
    }

    /// The role's side of the group page's [`Standing`] (a pending request
    /// is not a role; the page adds it).
    pub fn standing(self) -> Option<Standing> {
        match self {
            GroupRole::Outsider => None,
            GroupRole::Banned => Some(Standing::Banned),
            GroupRole::In { role, name_hidden } => Some(Standing::Member { role, name_hidden }),
        }
    }

    /// Allows the action, or refuses it with the sentence that says why.
    pub fn require(self, needs: Needs) -> AppResult<()> {
        if self == GroupRole::Banned {
            return Err(AppError::Forbidden(crate::i18n::t("error-group-banned")));
        }
        let allowed = match needs {
            Needs::NotBanned => true,
            Needs::Member => self.is_member(),
            Needs::Coordinator => self.role().is_some_and(MemberRole::is_coordinator),
        };
        match (allowed, needs) {
            (true, _) => Ok(()),
            (false, Needs::Member) => Err(AppError::Forbidden(crate::i18n::t(
                "error-group-members-only",
            ))),
            (false, _) => Err(AppError::forbidden()),
        }
    }
}

/// Refuses someone this group's coordinators banned: joining, asking to
/// join, and talking in the group's plans all ask here.
pub async fn refuse_banned<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    viewer: &Viewer,
) -> AppResult<()> {
    role_of(ex, group_id, viewer.id)
        .await?
        .require(Needs::NotBanned)
}

/// Whether the person coordinates at least one group (they then see the
/// moderation queue for their groups).
pub async fn coordinates_any<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: i64,
) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(COORDINATES_ANY)
        .bind(user_id)
        .bind(MemberRole::Coordinator.as_str())
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEMBER: GroupRole = GroupRole::In {
        role: MemberRole::Member,
        name_hidden: false,
    };
    const COORDINATOR: GroupRole = GroupRole::In {
        role: MemberRole::Coordinator,
        name_hidden: true,
    };

    #[test]
    fn each_need_is_met_by_exactly_the_right_roles() {
        let outcome = |role: GroupRole, needs| role.require(needs).map_err(|e| e.code());
        for needs in [Needs::NotBanned, Needs::Member, Needs::Coordinator] {
            assert!(outcome(GroupRole::Banned, needs).is_err(), "{needs:?}");
            assert_eq!(outcome(COORDINATOR, needs), Ok(()), "{needs:?}");
        }
        assert_eq!(outcome(GroupRole::Outsider, Needs::NotBanned), Ok(()));
        assert!(outcome(GroupRole::Outsider, Needs::Member).is_err());
        assert_eq!(outcome(MEMBER, Needs::Member), Ok(()));
        assert!(outcome(MEMBER, Needs::Coordinator).is_err());
    }

    #[test]
    fn standing_follows_the_role() {
        assert_eq!(GroupRole::Outsider.standing(), None);
        assert_eq!(GroupRole::Banned.standing(), Some(Standing::Banned));
        assert!(COORDINATOR
            .standing()
            .and_then(|s| s.role())
            .is_some_and(MemberRole::is_coordinator));
    }
}
