//! Group types shared by pages and server, and the pure rules behind them
//! (slugs, search folding, postcodes, cursors), tested without a database.

use serde::{Deserialize, Serialize};

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

    /// Parses a stored value; anything unknown is an ordinary member.
    pub fn parse(value: &str) -> MemberRole {
        if value == "coordinator" {
            MemberRole::Coordinator
        } else {
            MemberRole::Member
        }
    }
}

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
pub struct Member {
    /// User id.
    pub user_id: i64,
    /// Display name.
    pub name: String,
    /// Coordinator or member.
    pub role: MemberRole,
    /// Kept off the public list by their own choice.
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

    /// Whether this is a coordinator.
    pub fn is_coordinator(&self) -> bool {
        matches!(
            self,
            Standing::Member {
                role: MemberRole::Coordinator,
                ..
            }
        )
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
    pub fn parse(value: &str) -> RequestStatus {
        match value {
            "approved" => RequestStatus::Approved,
            "declined" => RequestStatus::Declined,
            "withdrawn" => RequestStatus::Withdrawn,
            _ => RequestStatus::Pending,
        }
    }
}

/// A join request, as a coordinator or the asker sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Lower-cases and strips accents, so "Überstraße" or "Café" match "cafe"
/// typed on a phone. Used both when storing and when searching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'ĳ' => out.push_str("ij"),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Turns a name into an address part: folded, letters and digits joined by
/// single hyphens, at most 60 characters. Empty when nothing usable is left.
pub fn slugify(name: &str) -> String {
    let folded = fold(name);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Addresses under `/groepen/` that are pages of their own, not groups.
pub const RESERVED_SLUGS: [&str; 3] = ["nieuw", "mijn", "zoeken"];

/// Reads postcode areas from free input such as "1055, 1056 AB": each must
/// be four digits, not starting with 0 (as Dutch postcodes are); letters after
/// them are ignored. Returns them sorted without duplicates, or the first
/// piece that is not a postcode.
pub fn parse_postcodes(input: &str) -> Result<Vec<String>, String> {
    let mut codes = Vec::new();
    for piece in input.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if piece.is_empty() {
            continue;
        }
        if piece.chars().all(|c| c.is_ascii_alphabetic()) && piece.len() == 2 {
            // The letters of "1055 AB".
            continue;
        }
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        let rest = &piece[digits.len()..];
        let valid = digits.len() == 4
            && !digits.starts_with('0')
            && (rest.is_empty()
                || (rest.len() == 2 && rest.chars().all(|c| c.is_ascii_alphabetic())));
        if !valid {
            return Err(piece.to_owned());
        }
        codes.push(digits);
    }
    codes.sort();
    codes.dedup();
    Ok(codes)
}

/// The four digits of a postcode when the whole search looks like one
/// ("1055", "1055AB", "1055 ab"); then the search goes by postcode area.
pub fn postcode_query(query: &str) -> Option<String> {
    let compact: String = query.chars().filter(|c| !c.is_whitespace()).collect();
    let digits: String = compact.chars().take_while(char::is_ascii_digit).collect();
    let rest = &compact[digits.len()..];
    (digits.len() == 4
        && (rest.is_empty() || (rest.len() == 2 && rest.chars().all(|c| c.is_ascii_alphabetic()))))
    .then_some(digits)
}

/// A position in the directory: after the group with this sort key and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The last shown group's sort key.
    pub sort_key: String,
    /// The last shown group's id.
    pub id: i64,
}

impl Cursor {
    /// Encodes as `<id>.<hex of sort key>`: safe in a URL, no escaping needed.
    pub fn encode(&self) -> String {
        let hex: String = self.sort_key.bytes().map(|b| format!("{b:02x}")).collect();
        format!("{}.{hex}", self.id)
    }

    /// Decodes; anything malformed is `None` (the list then starts at the top).
    pub fn decode(text: &str) -> Option<Cursor> {
        let (id, hex) = text.split_once('.')?;
        let id = id.parse().ok()?;
        if hex.len() % 2 != 0 || hex.len() > 400 {
            return None;
        }
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        Some(Cursor {
            sort_key: String::from_utf8(bytes).ok()?,
            id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Café  de   Wëreld "), "cafe de wereld");
        assert_eq!(fold("ÜBERSTRASSE"), "uberstrasse");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn slugs_are_short_and_readable() {
        assert_eq!(slugify("Buurtgroep De Pijp!"), "buurtgroep-de-pijp");
        assert_eq!(slugify("  Één — twee  "), "een-twee");
        assert_eq!(slugify("***"), "");
        let long = slugify(&"lange naam ".repeat(20));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn postcodes_are_four_digits() {
        assert_eq!(
            parse_postcodes("1056, 1055 AB;1055").unwrap(),
            vec!["1055", "1056"]
        );
        assert_eq!(
            parse_postcodes("3011ab 3012").unwrap(),
            vec!["3011", "3012"]
        );
        assert_eq!(parse_postcodes("").unwrap(), Vec::<String>::new());
        assert_eq!(parse_postcodes("0123"), Err("0123".into()));
        assert_eq!(parse_postcodes("12345"), Err("12345".into()));
        assert_eq!(parse_postcodes("1055 Amsterdam"), Err("Amsterdam".into()));
    }

    #[test]
    fn a_postcode_search_is_recognised() {
        assert_eq!(postcode_query("1055"), Some("1055".into()));
        assert_eq!(postcode_query("1055 AB"), Some("1055".into()));
        assert_eq!(postcode_query("1055ab"), Some("1055".into()));
        assert_eq!(postcode_query("De Pijp"), None);
        assert_eq!(postcode_query("105"), None);
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            sort_key: "de pijp & zo".into(),
            id: 42,
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        for bad in ["", "x.00", "1.0", "1.zz", "1.ff"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
