//! Moderation types, shared by server and pages.

use serde::{Deserialize, Serialize};

/// What can be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// A plan.
    Plan,
    /// A reaction (on a plan or on the manifest).
    Reaction,
    /// A progress or accountability update on a plan.
    Update,
}

impl Target {
    /// Stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Plan => "plan",
            Target::Reaction => "reaction",
            Target::Update => "update",
        }
    }

    /// Parses a stored or submitted value.
    pub fn parse(value: &str) -> Option<Target> {
        match value {
            "plan" => Some(Target::Plan),
            "reaction" => Some(Target::Reaction),
            "update" => Some(Target::Update),
            _ => None,
        }
    }
}

crate::stored_text!(Target, "moderation target");

impl Target {
    /// Translation key of what kind of item it is.
    pub fn label_key(self) -> &'static str {
        match self {
            Target::Plan => "reports-about-plan",
            Target::Reaction => "reports-about-reaction",
            Target::Update => "reports-about-update",
        }
    }
}

/// An open report as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Row id.
    pub id: i64,
    /// What kind of item.
    pub target: Target,
    /// Its id.
    pub target_id: i64,
    /// The start of its text (plan title or reaction text), for recognition.
    pub excerpt: String,
    /// Where it can be seen.
    pub link: String,
    /// Who reported it.
    pub reporter_name: Option<String>,
    /// Why.
    pub reason: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// One line of the moderation log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct LogEntry {
    /// Who acted.
    pub actor_name: Option<String>,
    /// `hide`, `restore` or `dismiss`.
    pub action: String,
    /// What kind of item.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub target: Target,
    /// Its id.
    pub target_id: i64,
    /// The reason given.
    pub reason: String,
    /// Unix seconds.
    pub at: i64,
}

/// Shortens text for the queue: at most `max` characters, cut at a word.
pub fn excerpt(text: &str, max: usize) -> String {
    let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if plain.chars().count() <= max {
        return plain;
    }
    let cut: String = plain.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(space) if space > max / 2 => format!("{}…", &cut[..space]),
        _ => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip_and_excerpts_cut_at_words() {
        for t in [Target::Plan, Target::Reaction] {
            assert_eq!(Target::parse(t.as_str()), Some(t));
        }
        assert_eq!(Target::parse("groep"), None);
        assert_eq!(excerpt("kort  en\ngoed", 40), "kort en goed");
        assert_eq!(excerpt("een twee drie vier vijf", 12), "een twee…");
    }
}
