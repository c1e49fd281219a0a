//! Plans across all groups: filters (phase, principle, municipality, group),
//! three orders (newest, most supported, most recently active) and keyset
//! pages. Types and link encoding are shared; the query runs on the server.

use super::model::{Phase, PlanSummary};
use serde::{Deserialize, Serialize};

/// Plans per page.
pub const PAGE_SIZE: i64 = 20;

/// How the list is ordered, always descending with the id as tie-breaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PlanSort {
    /// Newest first.
    #[default]
    Newest,
    /// Most supporters first.
    MostSupported,
    /// Most recent reaction, update or change first.
    MostActive,
}

impl PlanSort {
    /// All orders, as the form offers them.
    pub const ALL: [PlanSort; 3] = [
        PlanSort::Newest,
        PlanSort::MostSupported,
        PlanSort::MostActive,
    ];

    /// Value in links.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanSort::Newest => "nieuw",
            PlanSort::MostSupported => "steun",
            PlanSort::MostActive => "actief",
        }
    }

    /// Reads a link's value; unknown is `None`.
    pub fn parse(value: &str) -> Option<PlanSort> {
        PlanSort::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The column it orders by (each has an index with the id).
    pub fn column(self) -> &'static str {
        match self {
            PlanSort::Newest => "p.created_at",
            PlanSort::MostSupported => "p.support_count",
            PlanSort::MostActive => "p.last_activity_at",
        }
    }

    /// Translation key of its name.
    pub fn label_key(self) -> String {
        format!("plans-sort-{}", self.as_str())
    }
}

/// What the reader asked for; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFilter {
    /// Only this phase.
    pub phase: Option<Phase>,
    /// Only plans that put this principle (slug) into practice.
    pub principle: Option<String>,
    /// Only plans of groups in this municipality (as the groups spell it).
    pub municipality: Option<String>,
    /// Only this group's plans (its slug).
    pub group: Option<String>,
    /// The order.
    pub sort: PlanSort,
}

impl PlanFilter {
    /// Reads the filter from a link's query values (`fase`, `principe`,
    /// `gemeente`, `groep`, `sorteer`); empty or unknown values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> PlanFilter {
        let text = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        PlanFilter {
            phase: text("fase").as_deref().and_then(Phase::parse),
            principle: text("principe"),
            municipality: text("gemeente"),
            group: text("groep"),
            sort: text("sorteer")
                .as_deref()
                .and_then(PlanSort::parse)
                .unwrap_or_default(),
        }
    }

    /// How many of the fields in the filter form narrow the list (the group,
    /// fixed by the page, and the order do not).
    pub fn chosen(&self) -> usize {
        usize::from(self.phase.is_some())
            + usize::from(self.principle.is_some())
            + usize::from(self.municipality.is_some())
    }

    /// The query string for this filter (without a cursor), for links.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |key: &str, value: &str| {
            parts.push(format!("{key}={}", crate::ui::urlencode(value)));
        };
        if let Some(p) = self.phase {
            add("fase", p.as_str());
        }
        if let Some(p) = &self.principle {
            add("principe", p);
        }
        if let Some(m) = &self.municipality {
            add("gemeente", m);
        }
        if let Some(g) = &self.group {
            add("groep", g);
        }
        if self.sort != PlanSort::Newest {
            add("sorteer", self.sort.as_str());
        }
        parts.join("&")
    }
}

/// Where the next page starts: after the plan with this sort value and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanCursor {
    /// The sort column's value of the last plan shown.
    pub key: i64,
    /// Its id.
    pub id: i64,
}

impl PlanCursor {
    /// As it goes in a link: `<key>-<id>`.
    pub fn encode(self) -> String {
        format!("{}-{}", self.key, self.id)
    }

    /// Reads a link's cursor; malformed is `None` (the first page).
    pub fn parse(value: &str) -> Option<PlanCursor> {
        let (key, id) = value.split_once('-')?;
        Some(PlanCursor {
            key: key.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    /// The plans.
    pub plans: Vec<PlanSummary>,
    /// The next page's cursor, if there is more.
    pub next: Option<PlanCursor>,
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::{PlanCursor, PlanFilter, PlanPage, PAGE_SIZE};
    use crate::{db::Db, error::AppResult, plans::queries};

    /// One page of plans for this filter (hidden plans are never listed).
    pub async fn page(
        db: &Db,
        filter: &PlanFilter,
        after: Option<PlanCursor>,
    ) -> AppResult<PlanPage> {
        let after = after.map(|c| (c.key, c.id));
        let rows = queries::list_page(&db.pool, filter, after, PAGE_SIZE + 1).await?;
        let mut plans: Vec<_> = rows.iter().map(|r| r.plan.clone()).collect();
        let next = if plans.len() as i64 > PAGE_SIZE {
            plans.truncate(PAGE_SIZE as usize);
            rows.get(plans.len() - 1).map(|last| PlanCursor {
                key: last.sort_key,
                id: last.plan.id,
            })
        } else {
            None
        };
        Ok(PlanPage { plans, next })
    }

    /// Municipalities that have groups with plans, for the filter's choices.
    pub async fn municipalities(db: &Db) -> AppResult<Vec<String>> {
        Ok(queries::municipalities_with_plans(&db.pool).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_links() {
        let filter = PlanFilter {
            phase: Some(Phase::InGesprek),
            principle: Some("lange-termijn".into()),
            municipality: Some("Den Haag".into()),
            group: None,
            sort: PlanSort::MostSupported,
        };
        assert_eq!(filter.chosen(), 3);
        assert_eq!(PlanFilter::default().chosen(), 0);
        let query = filter.to_query();
        assert_eq!(
            query,
            "fase=in_gesprek&principe=lange-termijn&gemeente=Den%20Haag&sorteer=steun"
        );
        let pairs: Vec<(String, String)> = vec![
            ("fase".into(), "in_gesprek".into()),
            ("principe".into(), "lange-termijn".into()),
            ("gemeente".into(), "Den Haag".into()),
            ("sorteer".into(), "steun".into()),
        ];
        let read = PlanFilter::from_query(|k| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(read, filter);
    }

    #[test]
    fn unknown_values_do_not_filter() {
        let read = PlanFilter::from_query(|k| match k {
            "fase" => Some("klaar".into()),
            "sorteer" => Some("willekeurig".into()),
            "gemeente" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(read, PlanFilter::default());
        assert_eq!(
            PlanCursor::parse("12-7"),
            Some(PlanCursor { key: 12, id: 7 })
        );
        assert_eq!(PlanCursor::parse("x-7"), None);
    }
}
