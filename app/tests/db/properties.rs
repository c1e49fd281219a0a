//! Property tests (proptest) of the functions that read what people type:
//! the Markdown renderer and sanitiser, the search query reader, the cursors
//! and sorts from addresses, the "back to" path, and the form checks. For
//! any input (huge, empty, control characters, unpaired markup, deep
//! nesting) they must not panic, and the rendered Markdown may only hold the
//! allowed tags.

use crate::discussion::assert_only_safe_tags;
use app::{
    accounts::validate,
    discussion::markdown::render,
    plans::list::{PlanCursor, PlanSort},
    search::{query::Cursor, text::Query},
    ui::safe_local_path,
};
use proptest::prelude::*;

/// Text made of the pieces attacks and mistakes are made of, mixed with any
/// character at all.
fn typed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("</".to_owned()),
        Just("script".to_owned()),
        Just("javascript:".to_owned()),
        Just(" onerror=".to_owned()),
        Just("[".to_owned()),
        Just("](".to_owned()),
        Just(")".to_owned()),
        Just("*".to_owned()),
        Just("`".to_owned()),
        Just("\n".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("&#".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{202e}".to_owned()),
        any::<char>().prop_map(String::from),
        "[a-z0-9 ]{1,8}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn rendered_markdown_holds_only_the_allowed_tags(source in typed_text()) {
        assert_only_safe_tags(&render(&source), &source);
    }

    #[test]
    fn search_reads_anything(input in typed_text()) {
        let query = Query::parse(&input);
        prop_assert!(query.postcode.as_ref().is_none_or(|p| p.len() == 4));
        // Only words, quotes, dashes and the engines' own operators reach
        // the engines: nothing typed can change what the query means.
        let web = query.websearch().unwrap_or_default();
        prop_assert!(web.chars().all(|c| c.is_alphanumeric() || " \"-".contains(c)), "{web:?}");
        let fts = query.fts5().unwrap_or_default();
        prop_assert!(fts.chars().all(|c| c.is_alphanumeric() || " \"(){}:".contains(c)), "{fts:?}");
        prop_assert_eq!(query.is_empty(), web.is_empty() && query.postcode.is_none());
    }

    #[test]
    fn addresses_parse_or_are_refused(input in typed_text()) {
        let _ = Cursor::parse(&input);
        let _ = PlanCursor::parse(&input);
        let _ = PlanSort::parse(&input);
    }

    #[test]
    fn the_way_back_stays_on_this_site(input in typed_text()) {
        let path = safe_local_path(Some(&input));
        prop_assert!(path.starts_with('/'), "{path:?}");
        prop_assert!(!path.starts_with("//") && !path.starts_with("/\\"), "{path:?}");
    }

    #[test]
    fn form_checks_answer_anything(a in typed_text(), b in typed_text(), c in typed_text()) {
        let _ = validate::is_plausible_email(&a);
        let _ = validate::normalize_email(&a);
        let _ = validate::check_display_name(&b);
        let _ = validate::check_password_length(&c);
        let _ = validate::check_place(&b);
    }
}

#[test]
fn deep_nesting_renders_without_overflowing() {
    for source in [
        "> ".repeat(5_000),
        "[".repeat(20_000),
        "*".repeat(20_000),
        "- ".repeat(5_000),
        "<".repeat(20_000),
    ] {
        assert_only_safe_tags(&render(&source), "deep");
    }
}
