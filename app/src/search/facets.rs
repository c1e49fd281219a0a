//! Filters as words in the index. Every entry carries a few extra words that
//! say what it is and where it belongs (`kplan`, `g12`, `mdenhaag`, `pidee`,
//! `pc1094`), in a column or weight of their own that never counts for
//! ranking. A filter then becomes part of the full-text match, so the engine
//! intersects word lists instead of reading every matching row to test a
//! column: "groups about play areas" stays fast when a million reactions say
//! "speeltuin".

use super::text::fold;

/// The tag of a kind (`group`, `plan`, `reaction`, `principle`).
pub fn kind(kind: &str) -> String {
    format!("k{kind}")
}

/// The tag of a group.
pub fn group(id: i64) -> String {
    format!("g{id}")
}

/// The tag of a municipality: folded, letters and digits only ("Den Haag" is
/// `mdenhaag`, "'s-Hertogenbosch" is `mshertogenbosch`).
pub fn municipality(name: &str) -> String {
    let letters: String = fold(name).chars().filter(|c| c.is_alphanumeric()).collect();
    format!("m{letters}")
}

/// The tag of a plan phase.
pub fn phase(phase: &str) -> String {
    let letters: String = fold(phase)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    format!("p{letters}")
}

/// The tag of a postcode area (its four digits).
pub fn postcode(digits: &str) -> String {
    format!("pc{digits}")
}

/// The tags of one entry, space separated, as stored in the index.
pub fn of_entry(
    kind_name: &str,
    group_id: Option<i64>,
    municipality_name: &str,
    phase_name: Option<&str>,
    postcodes: &[String],
) -> String {
    let mut tags = vec![kind(kind_name)];
    tags.extend(group_id.map(group));
    if !municipality_name.trim().is_empty() {
        tags.push(municipality(municipality_name));
    }
    tags.extend(phase_name.map(phase));
    tags.extend(postcodes.iter().map(|p| postcode(p)));
    tags.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_single_plain_words() {
        assert_eq!(municipality("Den Haag"), "mdenhaag");
        assert_eq!(municipality("'s-Hertogenbosch"), "mshertogenbosch");
        assert_eq!(municipality("Súdwest-Fryslân"), "msudwestfryslan");
        assert_eq!(phase("in_uitvoering"), "pinuitvoering");
        assert_eq!(
            of_entry("plan", Some(7), "Den Haag", Some("idee"), &["2511".into()]),
            "kplan g7 mdenhaag pidee pc2511"
        );
        assert_eq!(of_entry("principle", None, "", None, &[]), "kprinciple");
    }
}
