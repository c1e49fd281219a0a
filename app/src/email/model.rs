//! E-mail choices and the pure rules of the daily digest.

use crate::notifications::model::{Kind, Notification};
use serde::{Deserialize, Serialize};

/// How a kind of notification also reaches someone by e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Delivery {
    /// Only in the app (the default: nobody gets mail they did not ask for).
    #[default]
    Never,
    /// An e-mail at once.
    Direct,
    /// In the daily digest.
    Digest,
}

impl Delivery {
    /// Every choice, in the order the settings page offers them.
    pub const ALL: [Delivery; 3] = [Delivery::Never, Delivery::Direct, Delivery::Digest];

    /// Form and stored value (`Never` is not stored: no row).
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Never => "never",
            Delivery::Direct => "direct",
            Delivery::Digest => "digest",
        }
    }

    /// Parses a form or stored value.
    pub fn parse(value: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.as_str() == value)
    }

    /// Translation key of its label.
    pub fn label_key(self) -> String {
        format!("email-delivery-{}", self.as_str())
    }
}

/// Someone's choice for every kind, in [`Kind::ALL`] order.
pub type Preferences = Vec<(Kind, Delivery)>;

/// The hour (UTC) from which the day's digest goes out: 07:00 in the
/// Netherlands in winter, 08:00 in summer, before most people start their day.
pub const DIGEST_HOUR: u32 = 6;

/// Seconds in a day.
const DAY: i64 = 86_400;

/// The digest day of `now` (Unix seconds): days since the epoch, where a day
/// starts at `hour` (UTC). A digest is due once this passes the day of the
/// previous one, so everyone gets at most one a day, at or after that hour.
pub fn digest_day(now: i64, hour: u32) -> i64 {
    (now - i64::from(hour.min(23)) * 3_600).div_euclid(DAY)
}

/// A group, by name and address slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRef {
    /// Its name.
    pub name: String,
    /// Its slug (`/groepen/<slug>`).
    pub slug: String,
}

/// A plan, by id and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRef {
    /// Its id (`/plannen/<id>`).
    pub id: i64,
    /// Its current title.
    pub title: String,
}

/// One notification for the digest, with what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestEntry {
    /// The group it is about, if any.
    pub group: Option<GroupRef>,
    /// The plan it is about, if any.
    pub plan: Option<PlanRef>,
    /// The notification.
    pub notification: Notification,
}

/// The part of a digest about one group (or about no group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSection {
    /// The group; `None` for notifications outside groups (the manifest).
    pub group: Option<GroupRef>,
    /// Notifications about the group itself (no plan), oldest first.
    pub about_group: Vec<Notification>,
    /// Per plan, by title, its notifications oldest first.
    pub plans: Vec<(PlanRef, Vec<Notification>)>,
}

/// Arranges digest entries per group (by name, notifications outside groups
/// last) and within a group per plan (by title), keeping each list in time
/// order. Entries are expected oldest first.
pub fn arrange(entries: Vec<DigestEntry>) -> Vec<GroupSection> {
    let mut sections: Vec<GroupSection> = Vec::new();
    for entry in entries {
        let slug = entry.group.as_ref().map(|g| g.slug.clone());
        let at = match sections
            .iter()
            .position(|s| s.group.as_ref().map(|g| &g.slug) == slug.as_ref())
        {
            Some(at) => at,
            None => {
                sections.push(GroupSection {
                    group: entry.group.clone(),
                    about_group: Vec::new(),
                    plans: Vec::new(),
                });
                sections.len() - 1
            }
        };
        let section = &mut sections[at];
        match entry.plan {
            None => section.about_group.push(entry.notification),
            Some(plan) => match section.plans.iter_mut().find(|(p, _)| p.id == plan.id) {
                Some((_, items)) => items.push(entry.notification),
                None => section.plans.push((plan, vec![entry.notification])),
            },
        }
    }
    for section in &mut sections {
        section
            .plans
            .sort_by_key(|(plan, _)| plan.title.to_lowercase());
    }
    sections.sort_by_key(|s| {
        (
            s.group.is_none(),
            s.group.as_ref().map(|g| g.name.to_lowercase()),
        )
    });
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(id: i64, title: &str) -> Notification {
        Notification {
            id,
            kind: Kind::PlanUpdate,
            actor_name: "Sam".into(),
            title: title.into(),
            detail: String::new(),
            link: format!("/plannen/{id}"),
            created_at: id,
            read: false,
        }
    }

    fn group(name: &str) -> Option<GroupRef> {
        Some(GroupRef {
            name: name.into(),
            slug: name.to_lowercase().replace(' ', "-"),
        })
    }

    fn plan(id: i64, title: &str) -> Option<PlanRef> {
        Some(PlanRef {
            id,
            title: title.into(),
        })
    }

    #[test]
    fn deliveries_round_trip() {
        for d in Delivery::ALL {
            assert_eq!(Delivery::parse(d.as_str()), Some(d));
        }
        assert_eq!(Delivery::parse("weekly"), None);
    }

    #[test]
    fn the_digest_day_turns_at_the_digest_hour() {
        let midnight = 20_000 * DAY;
        assert_eq!(digest_day(midnight + 5 * 3_600, 6), 19_999);
        assert_eq!(digest_day(midnight + 6 * 3_600, 6), 20_000);
        assert_eq!(digest_day(midnight + 23 * 3_600, 6), 20_000);
        assert_eq!(digest_day(midnight + DAY + 5 * 3_600, 6), 20_000);
        assert_eq!(digest_day(midnight, 0), 20_000);
        // An hour out of range counts as the last hour of the day.
        assert_eq!(digest_day(midnight + 23 * 3_600, 99), 20_000);
    }

    #[test]
    fn the_digest_groups_per_group_then_per_plan() {
        let entries = vec![
            DigestEntry {
                group: group("Zonnewijk"),
                plan: plan(2, "Speeltuin"),
                notification: n(1, "Speeltuin"),
            },
            DigestEntry {
                group: None,
                plan: None,
                notification: n(2, "het manifest"),
            },
            DigestEntry {
                group: group("Groen Plein"),
                plan: plan(3, "Bomen"),
                notification: n(3, "Bomen"),
            },
            DigestEntry {
                group: group("Zonnewijk"),
                plan: plan(4, "Bankjes"),
                notification: n(4, "Bankjes"),
            },
            DigestEntry {
                group: group("Zonnewijk"),
                plan: None,
                notification: n(5, "Zonnewijk"),
            },
            DigestEntry {
                group: group("Zonnewijk"),
                plan: plan(2, "Speeltuin"),
                notification: n(6, "Speeltuin"),
            },
        ];
        let sections = arrange(entries);
        let names: Vec<_> = sections
            .iter()
            .map(|s| s.group.as_ref().map(|g| g.name.as_str()))
            .collect();
        assert_eq!(names, [Some("Groen Plein"), Some("Zonnewijk"), None]);
        let zonnewijk = &sections[1];
        assert_eq!(
            zonnewijk
                .about_group
                .iter()
                .map(|n| n.id)
                .collect::<Vec<_>>(),
            [5]
        );
        let plans: Vec<_> = zonnewijk
            .plans
            .iter()
            .map(|(p, items)| {
                (
                    p.title.as_str(),
                    items.iter().map(|n| n.id).collect::<Vec<_>>(),
                )
            })
            .collect();
        assert_eq!(plans, [("Bankjes", vec![4]), ("Speeltuin", vec![1, 6])]);
        assert_eq!(sections[2].about_group.len(), 1);
    }
}
