//! Types of the manifest domain, shared by server and pages.

use crate::accounts::Role;
use serde::{Deserialize, Serialize};

/// One published version of the manifest, as written in `content/manifest.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestDoc {
    /// Version number; each publication must be higher than the last.
    pub version: i64,
    /// Who wrote it and when (shown as the credit).
    pub source: String,
    /// Title in Dutch.
    pub title_nl: String,
    /// Title in English.
    pub title_en: String,
    /// Introduction in Dutch (our words), paragraphs separated by blank lines.
    pub intro_nl: String,
    /// Introduction in English.
    pub intro_en: String,
    /// The pillars, in order.
    pub pillars: Vec<Pillar>,
}

/// A pillar with its principles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pillar {
    /// Stable anchor, e.g. `pijler-2`.
    pub slug: String,
    /// LSA's exact words.
    pub quote: String,
    /// Our English translation.
    pub title_en: String,
    /// Our explanation in Dutch.
    pub explain_nl: String,
    /// Our explanation in English.
    pub explain_en: String,
    /// Its principles.
    pub principles: Vec<Principle>,
}

/// A principle: one line of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principle {
    /// Stable link part, e.g. `lange-termijn`.
    pub slug: String,
    /// LSA's exact words.
    pub quote: String,
    /// Our English translation.
    pub title_en: String,
    /// Our explanation in Dutch.
    pub explain_nl: String,
    /// Our explanation in English.
    pub explain_en: String,
}

impl ManifestDoc {
    /// Finds a principle and the pillar it belongs to.
    pub fn principle(&self, slug: &str) -> Option<(usize, &Pillar, &Principle)> {
        self.pillars.iter().enumerate().find_map(|(i, pillar)| {
            pillar
                .principles
                .iter()
                .find(|p| p.slug == slug)
                .map(|p| (i + 1, pillar, p))
        })
    }

    /// Every principle's slug with its title in the reader's language (the
    /// quoted Dutch text, or the English title).
    pub fn principle_titles(&self, english: bool) -> Vec<(String, String)> {
        self.pillars
            .iter()
            .flat_map(|pillar| &pillar.principles)
            .map(|p| {
                let title = if english { &p.title_en } else { &p.quote };
                (p.slug.clone(), title.clone())
            })
            .collect()
    }

    /// Problems that make a document unpublishable: empty texts, duplicate or
    /// malformed slugs. Returned as plain descriptions for the admin.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if self.version < 1 {
            problems.push("version must be 1 or higher".to_owned());
        }
        if self.pillars.is_empty() {
            problems.push("there are no pillars".to_owned());
        }
        let slugs = self.pillars.iter().map(|p| (&p.slug, &p.quote)).chain(
            self.pillars
                .iter()
                .flat_map(|p| p.principles.iter().map(|pr| (&pr.slug, &pr.quote))),
        );
        for (slug, quote) in slugs {
            if !is_slug(slug) {
                problems.push(format!("slug {slug:?} may only hold a-z, 0-9 and -"));
            }
            if !seen.insert(slug.clone()) {
                problems.push(format!("slug {slug:?} is used twice"));
            }
            if quote.trim().is_empty() {
                problems.push(format!("{slug}: the quote is empty"));
            }
        }
        problems
    }
}

/// Lower-case letters, digits and single dashes: safe in URLs and HTML ids.
pub fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 60
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--")
}

/// How many people signed, in total and per role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureCounts {
    /// Everyone who signed.
    pub total: i64,
    /// Per role, in [`Role::ALL`] order, only roles with signatures.
    pub by_role: Vec<(Role, i64)>,
}

/// A public signature as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PublicSignature {
    /// Row id (also the keyset cursor together with `signed_at`).
    pub id: i64,
    /// The signer's display name.
    pub name: String,
    /// The role they signed with.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub role: Role,
    /// Optional organisation or group.
    pub organisation: String,
    /// Optional "why I sign".
    pub motivation: String,
    /// Unix seconds.
    pub signed_at: i64,
}

/// The viewer's own signature, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OwnSignature {
    /// Role signed with.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub role: Role,
    /// Whether the name is shown.
    #[cfg_attr(feature = "ssr", sqlx(try_from = "crate::db::Flag"))]
    pub is_public: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> ManifestDoc {
        toml_free_doc()
    }

    fn toml_free_doc() -> ManifestDoc {
        let principle = |slug: &str| Principle {
            slug: slug.into(),
            quote: "Q".into(),
            title_en: "T".into(),
            explain_nl: "".into(),
            explain_en: "".into(),
        };
        ManifestDoc {
            version: 1,
            source: "LSA".into(),
            title_nl: "M".into(),
            title_en: "M".into(),
            intro_nl: "".into(),
            intro_en: "".into(),
            pillars: vec![Pillar {
                slug: "pijler-1".into(),
                quote: "P".into(),
                title_en: "P".into(),
                explain_nl: "".into(),
                explain_en: "".into(),
                principles: vec![principle("lange-termijn"), principle("wat-goed-gaat")],
            }],
        }
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(is_slug("lange-termijn"));
        assert!(is_slug("pijler-2"));
        for bad in ["", "Lange", "a b", "-a", "a-", "a--b", "é", "a/b"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_good_document_has_no_problems_and_finds_principles() {
        let d = doc();
        assert!(d.problems().is_empty(), "{:?}", d.problems());
        let (number, pillar, principle) = d.principle("wat-goed-gaat").unwrap();
        assert_eq!(
            (number, pillar.slug.as_str(), principle.slug.as_str()),
            (1, "pijler-1", "wat-goed-gaat")
        );
        assert!(d.principle("bestaat-niet").is_none());
    }

    #[test]
    fn duplicate_slugs_and_empty_quotes_are_problems() {
        let mut d = doc();
        d.pillars[0].principles[1].slug = "lange-termijn".into();
        d.pillars[0].principles[0].quote = " ".into();
        let problems = d.problems();
        assert!(
            problems.iter().any(|p| p.contains("used twice")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("quote is empty")),
            "{problems:?}"
        );
    }
}
