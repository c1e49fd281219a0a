//! The pure rules behind a group's keys, tested without a database: how
//! names become slugs, how text is folded for searching, how people type
//! postcodes, and the directory's cursor.

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
