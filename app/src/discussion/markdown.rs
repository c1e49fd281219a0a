//! Reaction text: a small, safe subset of Markdown rendered to HTML once, when
//! the reaction is written. pulldown-cmark turns Markdown into HTML (raw HTML
//! in the input is escaped, never passed through), then ammonia keeps only
//! paragraphs, emphasis, links and lists, so nothing in a reaction can run.

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{html, Event, Options, Parser};
use std::collections::{HashMap, HashSet};

/// How deep quotes and lists may nest. Real texts rarely go past three; a
/// text nested thousands deep (`>` repeated) cost a second of rendering.
pub const MAX_NESTING: usize = 8;

/// Whether quotes and lists in `source` nest deeper than [`MAX_NESTING`].
/// Stops reading at the first level too deep, so checking is cheap.
pub fn too_deep(source: &str) -> bool {
    use pulldown_cmark::{Tag, TagEnd};
    let mut depth = 0usize;
    for event in Parser::new_ext(source, Options::empty()) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return true;
                }
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Renders reaction Markdown to sanitised HTML.
pub fn render(source: &str) -> String {
    // Raw HTML becomes literal text: a `<script>` shows as `<script>`.
    let events = Parser::new_ext(source, Options::empty()).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        other => other,
    });
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events);
    sanitizer().clean(&unsafe_html).to_string()
}

/// Only these tags, and no attribute but a link's `href` with a web or mail
/// address (ammonia's defaults would also keep `title`, `lang` and more; we
/// want none of them).
fn sanitizer() -> Builder<'static> {
    let mut builder = Builder::empty();
    builder
        .tags(HashSet::from([
            "p", "br", "em", "strong", "a", "ul", "ol", "li",
        ]))
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // A link without a scheme ("plan", or "//elders.example", which a
        // browser opens on another site) is dropped: links are written whole
        // (found by the property test).
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("nofollow ugc noopener noreferrer"));
    builder
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn the_allowed_subset_survives() {
        assert_eq!(render("Hallo *buurt*"), "<p>Hallo <em>buurt</em></p>\n");
        assert!(render("**sterk**").contains("<strong>sterk</strong>"));
        assert!(render("- een\n- twee").contains("<ul>\n<li>een</li>"));
        let link = render("[LSA](https://www.lsabewoners.nl)");
        assert!(
            link.contains(r#"href="https://www.lsabewoners.nl""#) && link.contains("nofollow"),
            "{link}"
        );
    }

    #[test]
    fn html_is_shown_as_text_and_scripts_never_survive() {
        let out = render("<script>alert(1)</script>");
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "shown as text: {out}");
        assert!(!render("[x](javascript:alert(1))").contains("javascript:"));
        assert!(!render("[x](//elders.example/pad)").contains("href"));
        assert!(
            !render("# Kop").contains("<h1"),
            "headings are not in the subset"
        );
    }
}

#[cfg(test)]
mod nesting_tests {
    use super::{too_deep, MAX_NESTING};

    #[test]
    fn ordinary_quotes_and_lists_pass_and_deep_nesting_does_not() {
        assert!(!too_deep("> een citaat\n\n- een\n  - twee\n    - drie"));
        assert!(!too_deep(&">".repeat(MAX_NESTING)));
        assert!(too_deep(&">".repeat(MAX_NESTING + 1)));
        assert!(too_deep(&">".repeat(19_990)));
        let list: String = (0..12)
            .map(|n| format!("{}- punt\n", "  ".repeat(n)))
            .collect();
        assert!(too_deep(&list));
    }
}

#[cfg(test)]
mod attribute_tests {
    /// ammonia keeps `title` by default; a crafted title must not survive.
    #[test]
    fn titles_are_dropped() {
        let out = super::render("[a](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")");
        assert!(!out.contains("title"), "{out}");
    }
}
