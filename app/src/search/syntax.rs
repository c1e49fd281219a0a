//! What people may type besides words, as web search engines read it and as
//! PostgreSQL's `websearch_to_tsquery` does: `"een zin"` in quotes for words
//! that follow each other, `-woord` to leave a word out, and `or` between
//! alternatives ("speeltuin or trapveld"; Dutch `of` too: it is a stop word
//! otherwise, so it costs no search). Everything else is a word, and
//! every word must be there. Text that means none of this (a lone quote, a
//! trailing `or`, only left-out words) never fails: it is read as well as it
//! can be, and what is left may be nothing.
//!
//! The expression is kept in folded words, so that each backend writes it
//! its own way: SQLite as an FTS5 match over stems, PostgreSQL as text for
//! `websearch_to_tsquery` (which stems with its `dutch` configuration).

use super::text::{diminutive_singular, fold, stem};

/// One thing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A folded word.
    Word(String),
    /// Folded words that must follow each other.
    Phrase(Vec<String>),
}

impl Term {
    fn words(&self) -> &[String] {
        match self {
            Term::Word(w) => std::slice::from_ref(w),
            Term::Phrase(ws) => ws,
        }
    }
}

/// A term, or (negated) its absence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What to look for.
    pub term: Term,
    /// Leave out what has it.
    pub negated: bool,
}

/// Alternatives (joined by `or`); within one, every part must hold. An
/// alternative always has at least one part that is not negated.
pub type Alternatives = Vec<Vec<Part>>;

/// A token of typed text: a word, a quoted phrase, or `or`.
#[derive(Debug, PartialEq)]
enum Token {
    Part(Part),
    Or,
}

/// Splits folded text into tokens. `-` negates only at the start of a term
/// ("speel-tuin" is two words, as in the index).
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = fold(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let negated = chars[i] == '-' && (i == 0 || !chars[i - 1].is_alphanumeric());
        let start = if negated { i + 1 } else { i };
        match chars.get(start) {
            Some('"') => {
                let end = chars[start + 1..]
                    .iter()
                    .position(|c| *c == '"')
                    .map_or(chars.len(), |p| start + 1 + p);
                let words = split(&chars[start + 1..end]);
                if !words.is_empty() {
                    let term = match <[String; 1]>::try_from(words) {
                        Ok([word]) => Term::Word(word),
                        Err(words) => Term::Phrase(words),
                    };
                    out.push(Token::Part(Part { term, negated }));
                }
                i = end + 1;
            }
            Some(c) if c.is_alphanumeric() => {
                let end = chars[start..]
                    .iter()
                    .position(|c| !c.is_alphanumeric())
                    .map_or(chars.len(), |p| start + p);
                let word: String = chars[start..end].iter().collect();
                if (word == "or" || word == "of") && !negated {
                    out.push(Token::Or);
                } else {
                    out.push(Token::Part(Part {
                        term: Term::Word(diminutive_singular(&word).to_owned()),
                        negated,
                    }));
                }
                i = end;
            }
            _ => i = start.max(i + 1),
        }
    }
    out
}

fn split(chars: &[char]) -> Vec<String> {
    chars
        .split(|c| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| diminutive_singular(&w.iter().collect::<String>()).to_owned())
        .collect()
}

/// Reads typed text into alternatives. `keep` decides, per word outside
/// quotes, what to do with it, given the word after it and whether it is
/// left out (the caller takes out postcodes and stop words); phrases are
/// kept whole.
pub fn parse(text: &str, mut keep: impl FnMut(&str, Option<&str>, bool) -> Keep) -> Alternatives {
    let tokens = tokens(text);
    let mut alternatives: Alternatives = vec![Vec::new()];
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Or => alternatives.push(Vec::new()),
            Token::Part(part) => {
                let next_word = match tokens.get(i + 1) {
                    Some(Token::Part(Part {
                        term: Term::Word(w),
                        negated: false,
                    })) => Some(w.as_str()),
                    _ => None,
                };
                let verdict = match &part.term {
                    Term::Word(w) if part.negated => match keep(w, None, true) {
                        Keep::WithNext => Keep::No,
                        k => k,
                    },
                    Term::Word(w) => keep(w, next_word, false),
                    Term::Phrase(_) => Keep::Yes,
                };
                if verdict == Keep::Yes {
                    if let Some(current) = alternatives.last_mut() {
                        current.push(part.clone());
                    }
                }
                if verdict == Keep::WithNext {
                    i += 1;
                }
            }
        }
        i += 1;
    }
    alternatives.retain(|parts| parts.iter().any(|p| !p.negated));
    alternatives
}

/// What to do with a plain word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Look for it.
    Yes,
    /// Leave it out of the expression.
    No,
    /// Leave it and the next word out (the letters of a postcode).
    WithNext,
}

/// The stems of the words to look for (not the left-out ones), each once:
/// what ranks and highlights results.
pub fn positive_stems(alternatives: &Alternatives) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for part in alternatives.iter().flatten().filter(|p| !p.negated) {
        for word in part.term.words() {
            let s = stem(word);
            if !stems.contains(&s) {
                stems.push(s);
            }
        }
    }
    stems
}

/// An FTS5 expression over the stems in the index. Stems are letters and
/// digits only, so quoting them is enough; a quoted string of several
/// stems is a phrase.
pub fn fts5(alternatives: &Alternatives) -> Option<String> {
    let quoted = |term: &Term| {
        let stems: Vec<String> = term.words().iter().map(|w| stem(w)).collect();
        format!("\"{}\"", stems.join(" "))
    };
    let groups: Vec<String> = alternatives
        .iter()
        .map(|parts| {
            let wanted: Vec<String> = parts
                .iter()
                .filter(|p| !p.negated)
                .map(|p| quoted(&p.term))
                .collect();
            parts
                .iter()
                .filter(|p| p.negated)
                .fold(format!("({})", wanted.join(" AND ")), |acc, p| {
                    format!("({acc} NOT {})", quoted(&p.term))
                })
        })
        .collect();
    (!groups.is_empty()).then(|| groups.join(" OR "))
}

/// The same expression as text for `websearch_to_tsquery`, in folded words
/// (accents gone, as in the index), `or` between alternatives.
pub fn websearch(alternatives: &Alternatives) -> Option<String> {
    let groups: Vec<String> = alternatives
        .iter()
        .map(|parts| {
            parts
                .iter()
                .map(|p| {
                    let sign = if p.negated { "-" } else { "" };
                    match &p.term {
                        Term::Word(w) => format!("{sign}{w}"),
                        Term::Phrase(ws) => format!("{sign}\"{}\"", ws.join(" ")),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    (!groups.is_empty()).then(|| groups.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Alternatives {
        parse(text, |_, _, _| Keep::Yes)
    }

    #[test]
    fn words_phrases_exclusions_and_alternatives() {
        let a = all("Speeltuin \"groen Plein\" -bomen or trapveld");
        assert_eq!(
            websearch(&a).unwrap(),
            "speeltuin \"groen plein\" -bomen or trapveld"
        );
        assert_eq!(
            fts5(&a).unwrap(),
            "((\"speeltuin\" AND \"groen plein\") NOT \"bom\") OR (\"trapveld\")"
        );
        assert_eq!(
            positive_stems(&a),
            ["speeltuin", "groen", "plein", "trapveld"]
        );
    }

    #[test]
    fn odd_text_is_read_as_well_as_it_can_be() {
        // A dash inside a word splits it, as the index does.
        assert_eq!(websearch(&all("speel-tuin")).unwrap(), "speel tuin");
        // An unclosed quote runs to the end; empty quotes are nothing.
        assert_eq!(websearch(&all("\"groen plein")).unwrap(), "\"groen plein\"");
        assert_eq!(websearch(&all("\"\" boom")).unwrap(), "boom");
        // Stray `or`s and alternatives of only left-out words fall away.
        assert_eq!(websearch(&all("or boom or or")).unwrap(), "boom");
        assert_eq!(websearch(&all("-boom")), None);
        assert_eq!(websearch(&all("boom or -struik")).unwrap(), "boom");
        assert_eq!(fts5(&all(" - \" -")), None);
        // A quoted "or" is a word; Dutch "of" is "or".
        assert_eq!(websearch(&all("\"or\"")).unwrap(), "or");
        assert_eq!(
            websearch(&all("speeltuin of trapveld")).unwrap(),
            "speeltuin or trapveld"
        );
        // Accents fold away, also in phrases.
        assert_eq!(websearch(&all("\"Café Élan\"")).unwrap(), "\"cafe elan\"");
    }

    #[test]
    fn the_caller_takes_words_out() {
        let a = parse("de speeltuin 1094 ab -het bankjes", |w, next, _| match w {
            "de" | "het" => Keep::No,
            "1094" if next == Some("ab") => Keep::WithNext,
            _ => Keep::Yes,
        });
        assert_eq!(
            websearch(&a).unwrap(),
            "speeltuin bankje",
            "diminutives as in the index"
        );
    }
}
