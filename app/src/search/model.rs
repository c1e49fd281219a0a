//! What a search asks and what the results page shows; shared by the server
//! and the browser (the results as you type come from the same service).

use serde::{Deserialize, Serialize};

/// How many of the newest matches a search of one kind ranks (see `query`).
pub const CANDIDATES: i64 = 300;

/// How many the overview of all kinds ranks per kind: it shows five of each,
/// and four kinds at 300 made a three-word search of very common words take
/// over 50 ms on PostgreSQL at a million reactions (bench/RESULTS.md).
pub const OVERVIEW_CANDIDATES: i64 = 100;

/// The kinds, in the order the page shows them.
pub const KINDS: [&str; 4] = ["plan", "group", "reaction", "principle"];

/// The search, its filters and page, as the address gives them
/// (`q`, `soort`, `gemeente`, `groep`, `fase`, `na`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Asked {
    /// The words as typed.
    pub q: String,
    /// Only this kind (one of [`KINDS`]).
    pub kind: Option<String>,
    /// Only in this municipality.
    pub municipality: Option<String>,
    /// Only in this group (its slug).
    pub group: Option<String>,
    /// Only plans in this phase.
    pub phase: Option<String>,
    /// The page after this cursor.
    pub after: Option<String>,
}

impl Asked {
    /// From the address's parameters; blanks and unknown kinds are left out.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Asked {
        let mut asked = Asked::default();
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let v = Some(value.to_owned());
            match key {
                "q" => asked.q = value.to_owned(),
                "soort" if KINDS.contains(&value) => asked.kind = v,
                "gemeente" => asked.municipality = v,
                "groep" => asked.group = v,
                "fase" => asked.phase = v,
                "na" => asked.after = v,
                _ => {}
            }
        }
        asked
    }

    /// The address of this search with another kind and page.
    pub fn link(&self, kind: Option<&str>, after: Option<&str>) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("q", self.q.as_str())];
        pairs.extend(kind.map(|k| ("soort", k)));
        for (key, value) in [
            ("gemeente", &self.municipality),
            ("groep", &self.group),
            ("fase", &self.phase),
        ] {
            pairs.extend(value.as_deref().map(|v| (key, v)));
        }
        pairs.extend(after.map(|a| ("na", a)));
        let query: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", crate::ui::urlencode(v)))
            .collect();
        format!("/zoeken?{}", query.join("&"))
    }
}

/// One result, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownHit {
    /// The title, HTML-escaped, matches in `<mark>`.
    pub title_html: String,
    /// A short excerpt, HTML-escaped, matches in `<mark>`.
    pub excerpt_html: String,
    /// Where it leads.
    pub link: String,
    /// Its municipality, if any.
    pub place: String,
}

/// Results of one kind, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindResults {
    /// One of [`KINDS`].
    pub kind: String,
    /// The results on this page.
    pub hits: Vec<ShownHit>,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
    /// So many matched that only the newest were ranked.
    pub capped: bool,
}

/// What the results page shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    /// The search as asked.
    pub asked: Asked,
    /// Per kind, in the order of [`KINDS`]; kinds without results are left out.
    pub kinds: Vec<KindResults>,
    /// The name of the group searched in, when one is.
    pub group_name: Option<String>,
    /// Municipalities with groups, for the filter's choices.
    pub municipalities: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asked_reads_and_writes_its_address() {
        let asked = Asked::from_pairs([
            ("q", " speeltuin "),
            ("soort", "plan"),
            ("gemeente", "Den Haag"),
            ("fase", ""),
            ("na", "3ff-12"),
        ]);
        assert_eq!(asked.q, "speeltuin");
        assert_eq!(asked.kind.as_deref(), Some("plan"));
        assert_eq!(asked.phase, None);
        assert_eq!(
            asked.link(Some("plan"), Some("3ff-12")),
            "/zoeken?q=speeltuin&soort=plan&gemeente=Den%20Haag&na=3ff-12"
        );
        assert_eq!(Asked::from_pairs([("soort", "leden")]).kind, None);
    }
}
