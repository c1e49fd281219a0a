//! Plan types shared by pages and server, and the phase rules, tested
//! without a database.

use serde::{Deserialize, Serialize};

/// Where a plan stands. The main line reflects the manifest's "long breath":
/// idea, in conversation, decided, being carried out, completed. A plan can
/// also be paused or stopped, always with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, Default)]
pub enum Phase {
    /// An idea.
    #[default]
    Idee,
    /// Being talked about with the neighbourhood.
    InGesprek,
    /// Decided.
    Besloten,
    /// Being carried out.
    InUitvoering,
    /// Completed.
    Afgerond,
    /// On hold, with a reason.
    Gepauzeerd,
    /// Stopped, with a reason.
    Gestopt,
}

impl Phase {
    /// Every phase, main line first.
    pub const ALL: [Phase; 7] = [
        Phase::Idee,
        Phase::InGesprek,
        Phase::Besloten,
        Phase::InUitvoering,
        Phase::Afgerond,
        Phase::Gepauzeerd,
        Phase::Gestopt,
    ];

    /// The main line, in order.
    pub const MAIN_LINE: [Phase; 5] = [
        Phase::Idee,
        Phase::InGesprek,
        Phase::Besloten,
        Phase::InUitvoering,
        Phase::Afgerond,
    ];

    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Idee => "idee",
            Phase::InGesprek => "in_gesprek",
            Phase::Besloten => "besloten",
            Phase::InUitvoering => "in_uitvoering",
            Phase::Afgerond => "afgerond",
            Phase::Gepauzeerd => "gepauzeerd",
            Phase::Gestopt => "gestopt",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == value)
    }

    /// Translation key of the phase's name.
    pub fn label_key(self) -> String {
        format!("phase-{}", self.as_str())
    }

    fn main_index(self) -> Option<usize> {
        Phase::MAIN_LINE.iter().position(|p| *p == self)
    }

    /// Whether moving from `self` to `to` needs a reason: pausing and
    /// stopping always do, and so does a step back along the main line
    /// (the neighbourhood reads why a plan went back).
    pub fn needs_reason(self, to: Phase) -> bool {
        matches!(to, Phase::Gepauzeerd | Phase::Gestopt) || self.is_step_back(to)
    }

    /// Whether `to` lies before `self` on the main line.
    pub fn is_step_back(self, to: Phase) -> bool {
        matches!((self.main_index(), to.main_index()), (Some(a), Some(b)) if b < a)
    }

    /// Where the plan stands on the main line (0 to 4), for the step bar;
    /// `None` while paused or stopped.
    pub fn step(self) -> Option<usize> {
        self.main_index()
    }

    /// Whether a plan may move from `self` to `to`: one step along the main
    /// line either way, pausing or stopping from any unfinished phase, and
    /// from a pause back to any phase of the main line. A stopped plan can
    /// start again as an idea; a completed plan is done.
    pub fn can_move_to(self, to: Phase) -> bool {
        if self == to {
            return false;
        }
        match (self, to) {
            (Phase::Afgerond, _) => false,
            (Phase::Gestopt, Phase::Idee) => true,
            (Phase::Gestopt, _) => false,
            (Phase::Gepauzeerd, Phase::Gestopt) => true,
            (Phase::Gepauzeerd, to) => to.main_index().is_some(),
            (_, Phase::Gepauzeerd | Phase::Gestopt) => true,
            (from, to) => match (from.main_index(), to.main_index()) {
                (Some(a), Some(b)) => a.abs_diff(b) == 1,
                _ => false,
            },
        }
    }

    /// The phases a plan in `self` may move to going on: forward along the
    /// main line first (what the form proposes), then pausing and stopping.
    /// Steps back are offered apart ([`Phase::step_back`]), so that one
    /// careless click cannot move a plan back.
    pub fn next_choices(self) -> Vec<Phase> {
        Phase::ALL
            .into_iter()
            .filter(|to| self.can_move_to(*to) && !self.is_step_back(*to))
            .collect()
    }

    /// The one step back along the main line this plan may take, if any.
    pub fn step_back(self) -> Option<Phase> {
        Phase::MAIN_LINE
            .into_iter()
            .rev()
            .find(|to| self.can_move_to(*to) && self.is_step_back(*to))
    }
}

crate::stored_text!(Phase, "phase");

/// A plan as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Plan {
    /// Row id.
    pub id: i64,
    /// The group it belongs to: id, slug and name.
    pub group_id: i64,
    /// Group slug.
    pub group_slug: String,
    /// Group name.
    pub group_name: String,
    /// Writer, if the account still exists.
    pub author_id: Option<i64>,
    /// Writer's display name.
    pub author_name: String,
    /// Title.
    pub title: String,
    /// Short summary (plain text).
    pub summary: String,
    /// Markdown as written.
    pub body_source: String,
    /// Sanitised HTML of the body.
    pub body_html: String,
    /// Optional place.
    pub place: String,
    /// Current phase.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub phase: Phase,
    /// Principle slugs it puts into practice (read by a second query).
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub principles: Vec<String>,
    /// How many support it.
    pub support_count: i64,
    /// How many reactions it has.
    pub reaction_count: i64,
    /// When it was written.
    pub created_at: i64,
    /// Last reaction, update or change.
    pub last_activity_at: i64,
    /// Why a moderator hid it (None: visible).
    #[cfg_attr(feature = "ssr", sqlx(rename = "hidden_reason"))]
    pub hidden: Option<String>,
}

/// A plan in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlanSummary {
    /// Row id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Group name.
    pub group_name: String,
    /// Phase.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub phase: Phase,
    /// Supporters.
    pub support_count: i64,
    /// Reactions.
    pub reaction_count: i64,
}

/// One step in a plan's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PhaseChange {
    /// The phase before (none for the first).
    #[cfg_attr(
        feature = "ssr",
        sqlx(rename = "from_phase", try_from = "crate::db::OptionalText")
    )]
    pub from: Option<Phase>,
    /// The new phase.
    #[cfg_attr(feature = "ssr", sqlx(rename = "to_phase", try_from = "String"))]
    pub to: Phase,
    /// Why (required for pausing and stopping).
    pub reason: String,
    /// Who made the change.
    pub by_name: Option<String>,
    /// When.
    pub at: i64,
}

/// Limits, in characters: the service checks them, the forms state them
/// to people before they post.
pub mod limits {
    /// Title.
    pub const TITLE: (usize, usize) = (5, 120);
    /// Summary.
    pub const SUMMARY: (usize, usize) = (10, 300);
    /// Body.
    pub const BODY: (usize, usize) = (20, 20_000);
    /// Place.
    pub const PLACE: usize = 120;
    /// Reason for a phase change.
    pub const REASON: usize = 500;
}

#[cfg(test)]
mod tests {
    use super::Phase::{self, *};

    #[test]
    fn phases_round_trip() {
        for p in Phase::ALL {
            assert_eq!(Phase::parse(p.as_str()), Some(p));
        }
        assert_eq!(Phase::parse("klaar"), None);
    }

    #[test]
    fn the_main_line_goes_one_step_at_a_time() {
        assert!(Idee.can_move_to(InGesprek));
        assert!(InGesprek.can_move_to(Idee));
        assert!(!Idee.can_move_to(Besloten));
        assert!(InUitvoering.can_move_to(Afgerond));
        assert!(!Idee.can_move_to(Idee));
    }

    #[test]
    fn pausing_and_stopping() {
        for p in [Idee, InGesprek, Besloten, InUitvoering] {
            assert!(p.can_move_to(Gepauzeerd) && p.can_move_to(Gestopt), "{p:?}");
        }
        assert!(Gepauzeerd.can_move_to(InUitvoering));
        assert!(Gepauzeerd.can_move_to(Gestopt));
        assert!(Gestopt.can_move_to(Idee));
        assert!(!Gestopt.can_move_to(InUitvoering));
        assert!(Afgerond.next_choices().is_empty());
        assert!(Idee.needs_reason(Gestopt) && !Idee.needs_reason(InGesprek));
    }

    // Before, the phase form listed "Idee" first for a plan in conversation,
    // so the preselected choice moved it back.
    #[test]
    fn the_form_proposes_the_next_step_and_keeps_the_step_back_apart() {
        assert_eq!(
            InGesprek.next_choices(),
            vec![Besloten, Gepauzeerd, Gestopt]
        );
        assert_eq!(InGesprek.step_back(), Some(Idee));
        assert_eq!(Idee.step_back(), None);
        assert_eq!(Gepauzeerd.step_back(), None);
        assert!(InUitvoering.needs_reason(Besloten), "going back asks why");
        assert!(!Besloten.needs_reason(InUitvoering));
        assert_eq!(Besloten.step(), Some(2));
        assert_eq!(Gestopt.step(), None);
    }
}
