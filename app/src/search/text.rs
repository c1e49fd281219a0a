//! Dutch text for search, the same way for indexing and for queries: folded
//! (lower case, accents removed: "café" is "cafe"), split into words, and
//! stemmed with the Snowball Dutch stemmer ("speeltuinen" is "speeltuin").
//! Also reads a query (its syntax: `syntax`) with the postcode in it, and
//! marks matches in an excerpt.

use super::syntax::{self, Alternatives, Keep};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

static DUTCH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));

/// Lower case without accents: what both the index and queries compare.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` (letters and digits), folded, diminutive plurals
/// made singular (see [`stem`]).
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| diminutive_singular(w).to_owned())
        .collect()
}

/// "bankjes" is "bankje": Snowball (ours and PostgreSQL's) leaves "-jes"
/// alone, so the two would not meet.
pub(crate) fn diminutive_singular(word: &str) -> &str {
    match word.strip_suffix("jes") {
        Some(rest) if rest.chars().count() >= 2 => &word[..word.len() - 1],
        _ => word,
    }
}

/// The stem of one folded word.
pub fn stem(word: &str) -> String {
    DUTCH.stem(diminutive_singular(word)).into_owned()
}

/// The text of Markdown (plan bodies, reactions) without its marks, so that
/// excerpts read "zes bomen", not "**zes bomen**"; blocks end in a newline.
pub fn markdown_text(source: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(source.len());
    for event in Parser::new(source) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end().to_owned()
}

/// What goes into the PostgreSQL index for `text` (which stems it itself):
/// its words, space separated.
pub fn plain_text(text: &str) -> String {
    words(text).join(" ")
}

/// What goes into the SQLite index for `text`: its stems, space separated.
pub fn index_text(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| stem(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well stored stems (as [`index_text`] wrote them) match `stems`; lower
/// is better, as with the engines' own ranks. Each stem counts by how often it
/// occurs, a title occurrence four times, with diminishing returns (the log),
/// like PostgreSQL's `ts_rank` without document frequencies: ranking only
/// the newest matches leaves no whole-index statistics to use.
pub fn rank(stems: &[String], title: &str, body: &str) -> f64 {
    let count = |text: &str, stem: &str| text.split(' ').filter(|w| *w == stem).count() as f64;
    -stems
        .iter()
        .map(|s| (1.0 + 4.0 * count(title, s) + count(body, s)).ln())
        .sum::<f64>()
}

/// A search as typed, understood.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// What to look for, in folded words (postcodes and stop words taken
    /// out): each backend writes it its own way (see `syntax`).
    pub expr: Alternatives,
    /// The stems of the words to look for, for ranking and highlighting.
    pub stems: Vec<String>,
    /// The four digits of a postcode in it ("1094" or "1094 AB").
    pub postcode: Option<String>,
}

/// Words too common to search for (PostgreSQL's `dutch` configuration drops
/// them as well); a query of only these finds nothing.
const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "in", "op", "van", "voor", "met", "te", "aan", "is", "dat", "die",
    "er", "bij", "om", "of", "ook", "als", "naar", "maar", "niet", "wat", "we", "wij", "ik", "je",
    "zijn", "the", "and", "to",
];

/// Most words a query uses outside quotes; the rest is ignored.
const MAX_WORDS: usize = 8;

/// Most characters of a query that are read (quotes included): what is
/// inside quotes is not counted in words, so this bounds a phrase.
const MAX_CHARS: usize = 200;

impl Query {
    /// Reads a query; a postcode (4 digits, optionally followed by 2 letters,
    /// with or without a space) becomes a postcode filter.
    pub fn parse(input: &str) -> Query {
        let input: String = input.chars().take(MAX_CHARS).collect();
        let mut postcode = None;
        let mut kept = 0;
        let expr = syntax::parse(&input, |word, next, negated| {
            if !negated && postcode.is_none() && is_postcode_digits(word) {
                postcode = Some(word[..4].to_owned());
                // "1094 ab": the letters belong to the postcode.
                return if word.len() == 4 && next.is_some_and(is_postcode_letters) {
                    Keep::WithNext
                } else {
                    Keep::No
                };
            }
            if kept >= MAX_WORDS || STOP_WORDS.contains(&word) {
                return Keep::No;
            }
            kept += 1;
            Keep::Yes
        });
        Query {
            stems: syntax::positive_stems(&expr),
            expr,
            postcode,
        }
    }

    /// Whether there is anything to search for.
    pub fn is_empty(&self) -> bool {
        self.expr.is_empty() && self.postcode.is_none()
    }

    /// An FTS5 match expression over titles and bodies (see
    /// [`syntax::fts5`]). Whole stems, not prefixes: at national scale a
    /// prefix of a common word makes the engine merge every word it starts
    /// (measured: 15 ms for one prefix against 0.3 ms for its stem).
    pub fn fts5(&self) -> Option<String> {
        syntax::fts5(&self.expr).map(|e| format!("{{title body}} : ({e})"))
    }

    /// The text for PostgreSQL's `websearch_to_tsquery('dutch', …)`, which
    /// stems the words itself (see [`syntax::websearch`]).
    pub fn websearch(&self) -> Option<String> {
        syntax::websearch(&self.expr)
    }

    /// Whether `word` is one the search found: the same stem, as the
    /// engines match whole stems ("plan" is not "planten").
    fn matches(&self, word: &str) -> bool {
        let stemmed = stem(&fold(word));
        self.stems.contains(&stemmed)
    }
}

fn is_postcode_digits(word: &str) -> bool {
    let b = word.as_bytes();
    let digits = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && b[0] != b'0';
    digits && (b.len() == 4 || (b.len() == 6 && b[4..].iter().all(u8::is_ascii_alphabetic)))
}

fn is_postcode_letters(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_alphabetic())
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A short excerpt of `text` (about `max` characters) around the first
/// matching word, HTML-escaped, with matching words in `<mark>`. Safe to put
/// into a page as HTML: everything but the marks is escaped.
pub fn excerpt(text: &str, query: &Query, max: usize) -> String {
    // Word spans by character index, so cutting never splits a character.
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, chars.len()));
    }
    let hits: Vec<(usize, usize)> = spans
        .into_iter()
        .filter(|&(s, e)| query.matches(&chars[s..e].iter().collect::<String>()))
        .collect();
    let first = hits.first().map_or(0, |&(s, _)| s);
    let from = if first > max / 3 {
        // Start at a word boundary some way before the first match.
        let mut f = first - max / 3;
        while f > 0 && chars[f - 1].is_alphanumeric() {
            f -= 1;
        }
        f
    } else {
        0
    };
    let to = (from + max).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = from;
    for &(s, e) in hits.iter().filter(|&&(s, e)| s >= from && e <= to) {
        escape(&chars[at..s].iter().collect::<String>(), &mut out);
        out.push_str("<mark>");
        escape(&chars[s..e].iter().collect::<String>(), &mut out);
        out.push_str("</mark>");
        at = e;
    }
    escape(&chars[at..to].iter().collect::<String>(), &mut out);
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Café Ĳssel CRÈME"), "cafe ĳssel creme");
        assert_eq!(words("Speel-tuin, café!"), ["speel", "tuin", "cafe"]);
    }

    #[test]
    fn dutch_plurals_find_their_singular() {
        assert_eq!(stem("speeltuinen"), stem("speeltuin"));
        // As typed, a word also finds longer forms: stems are matched as prefixes.
        assert!(stem("bankjes").starts_with(&stem("bankje")));
        assert_eq!(stem("buurten"), stem("buurt"));
        assert_eq!(
            index_text("De speeltuinen in Vogelbuurt"),
            "de speeltuin in vogelbuurt"
        );
    }

    #[test]
    fn queries_read_postcodes_and_stems() {
        let q = Query::parse("Speeltuinen 1094 AB");
        assert_eq!(q.postcode.as_deref(), Some("1094"));
        assert_eq!(q.stems, [stem("speeltuinen")]);
        assert_eq!(Query::parse("1094ab").postcode.as_deref(), Some("1094"));
        assert_eq!(
            Query::parse("0123").postcode,
            None,
            "no postcode starts with 0"
        );
        assert_eq!(Query::parse("12345").postcode, None);
        assert!(Query::parse("  ,. ").is_empty());
        assert_eq!(Query::parse("groen groene").stems.len(), 1);
        // However long the text, a query stays small.
        let long = Query::parse(&format!("\"{}\"", "buurt ".repeat(10_000)));
        assert!(long.fts5().unwrap().len() < 2 * MAX_CHARS, "{long:?}");
        assert_eq!(Query::parse(&"buurt tuin ".repeat(100)).stems.len(), 2);
    }

    #[test]
    fn match_expressions_quote_every_stem() {
        let q = Query::parse("de bomen \"Plein\" OR");
        assert_eq!(
            q.fts5().unwrap(),
            "{title body} : ((\"bom\" AND \"plein\"))"
        );
        assert_eq!(q.websearch().unwrap(), "bomen plein");
        assert_eq!(Query::parse("1094").fts5(), None);
        let q = Query::parse("bankjes -1094 or 1012 ab speeltuin");
        assert_eq!(q.postcode.as_deref(), Some("1012"));
        assert_eq!(q.websearch().unwrap(), "bankje -1094 or speeltuin");
        assert_eq!(q.stems, [stem("bankje"), stem("speeltuin")]);
    }

    #[test]
    fn markdown_loses_its_marks() {
        assert_eq!(
            markdown_text(
                "We planten **zes bomen**\nmet [de buurt](https://x.nl).\n\n- een\n- twee"
            ),
            "We planten zes bomen met de buurt.\neen\ntwee"
        );
    }

    #[test]
    fn diminutives_meet_their_plural() {
        assert_eq!(stem("bankjes"), stem("bankje"));
        assert_eq!(stem("boompjes"), stem("boompje"));
        assert_eq!(stem("jes"), "jes");
    }

    #[test]
    fn titles_and_repeats_rank_higher() {
        let q = Query::parse("speeltuin");
        let in_title = rank(&q.stems, "speeltuin", "een plek");
        let twice = rank(&q.stems, "", "speeltuin en nog een speeltuin");
        let once = rank(&q.stems, "", "een speeltuin");
        assert!(
            in_title < twice && twice < once,
            "{in_title} {twice} {once}"
        );
        assert_eq!(rank(&q.stems, "", "speeltuinen"), 0.0, "whole stems only");
    }

    #[test]
    fn excerpts_mark_matches_and_escape_the_rest() {
        let q = Query::parse("speeltuin");
        let text = "Wij willen <b>samen</b> een nieuwe speeltuinen bouwen & onderhouden.";
        let e = excerpt(text, &q, 200);
        assert_eq!(
            e,
            "Wij willen &lt;b&gt;samen&lt;/b&gt; een nieuwe <mark>speeltuinen</mark> bouwen &amp; onderhouden."
        );
        let long = format!(
            "{} De speeltuin is dicht. {}",
            "woord ".repeat(50),
            "rest ".repeat(50)
        );
        let e = excerpt(&long, &q, 60);
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.contains("<mark>speeltuin</mark>"), "{e}");
        assert!(e.chars().count() < 80, "{e}");
        assert_eq!(
            excerpt("Café de Hoek", &Query::parse("cafe"), 50),
            "<mark>Café</mark> de Hoek"
        );
        assert_eq!(
            excerpt(
                "Speeltuinen en speeltuinwinkel",
                &Query::parse("speeltuin"),
                50
            ),
            "<mark>Speeltuinen</mark> en speeltuinwinkel",
            "only words with the same stem"
        );
    }
}
