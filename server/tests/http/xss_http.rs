//! The XSS corpus (`app/tests/db/xss_corpus.txt`) in every place that shows
//! what people type: names and profile fields, group names and descriptions,
//! plan titles, summaries, bodies and places, progress updates, reactions,
//! signatures, report reasons, notifications and search results. Each page
//! is fetched through the router and read tag by tag: no tag may carry an
//! event handler or a script address, no frame or plugin may appear, and
//! every script must carry the response's nonce (so none came from a
//! person's text).

use crate::common::*;
use app::{
    accounts::service::{update_profile, ProfileUpdate},
    db::Db,
    db_test,
    discussion::service::{self as discussion, ReactionForm},
    groups::service::{self as groups, GroupForm},
    manifest::service::{sign, SignForm},
    plans::{
        service::{self as plans, PlanForm},
        updates::{self, UpdateForm},
    },
    testing::{admin, person},
};
use tower::ServiceExt;

const CORPUS: &str = include_str!("../../../app/tests/db/xss_corpus.txt");

db_test!(
    no_typed_text_becomes_markup_on_any_page,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        app::manifest::content::ensure_loaded(&db).await.unwrap();
        let payloads: Vec<&str> = CORPUS.lines().filter(|l| !l.trim().is_empty()).collect();
        let moderator = admin(&db, "beheer@buurt.nl").await;
        let mut paths = vec!["/groepen".to_owned(), "/plannen".to_owned()];
        for (i, payload) in payloads.iter().enumerate() {
            let writer = person(&db, &format!("x{i}@buurt.nl")).await;
            let text = |min: usize| format!("{payload} {}", "aanvulling ".repeat(min / 10 + 1));
            let profile = ProfileUpdate {
                display_name: payload.chars().take(60).collect(),
                role: "bewoner".into(),
                neighbourhood: payload.chars().take(80).collect(),
                municipality: payload.chars().take(80).collect(),
            };
            update_profile(&db, &writer, profile)
                .await
                .unwrap_or_else(|e| panic!("profile with payload {i} refused: {e:?}"));
            let writer = app::accounts::queries::find_viewer(&db.pool, writer.id)
                .await
                .unwrap()
                .unwrap();
            let group = GroupForm {
                name: format!("Groep {i} {}", payload.chars().take(60).collect::<String>()),
                neighbourhood: "De Pijp".into(),
                municipality: "Amsterdam".into(),
                postcodes: "1072".into(),
                description: text(20),
                mode: "open".into(),
                join_question: String::new(),
            };
            let slug = groups::create(&db, Some(&writer), group)
                .await
                .unwrap_or_else(|e| panic!("group with payload {i} refused: {e:?}"));
            paths.push(format!("/groepen/{slug}"));
            let plan = PlanForm {
                title: payload.chars().take(100).collect(),
                summary: payload.chars().take(200).collect(),
                body: text(20),
                place: payload.chars().take(100).collect(),
                principles: vec!["lange-termijn".into()],
            };
            let plan = plans::create(&db, Some(&writer), &slug, plan)
                .await
                .unwrap_or_else(|e| panic!("plan with payload {i} refused: {e:?}"));
            paths.push(format!("/plannen/{plan}"));
            let update = UpdateForm {
                kind: "voortgang".into(),
                body: text(10),
                next_steps: payload.chars().take(300).collect(),
                responsible: payload.chars().take(300).collect(),
            };
            updates::post(&db, Some(&writer), plan, update)
                .await
                .unwrap_or_else(|e| panic!("update with payload {i} refused: {e:?}"));
            let subject = format!("plan:{plan}");
            let reaction = discussion::post(
                &db,
                Some(&writer),
                ReactionForm::member(&subject, "vraag", &text(1)),
                "ip",
            )
            .await
            .unwrap();
            // A reply, so the writer gets a notification with the plan's title.
            let reply = ReactionForm {
                parent_id: Some(reaction),
                ..ReactionForm::member(&subject, "vraag", "Hoe bedoel je dat precies?")
            };
            discussion::post(&db, Some(&moderator), reply, "ip")
                .await
                .unwrap();
            let signature = SignForm {
                role: "bewoner".into(),
                organisation: payload.chars().take(100).collect(),
                motivation: payload.chars().take(500).collect(),
                is_public: true,
            };
            sign(&db, &writer, signature)
                .await
                .unwrap_or_else(|e| panic!("signature with payload {i} refused: {e:?}"));
            app::moderation::service::report(&db, Some(&writer), "reaction", reaction, &text(3))
                .await
                .unwrap_or_else(|e| panic!("report with payload {i} refused: {e:?}"));
        }
        paths.extend(
            [
                "/manifest",
                "/zoeken?q=alert",
                "/zoeken?q=aanvulling&soort=reaction",
                "/zoeken?q=klik",
            ]
            .map(String::from),
        );

        let cookie = log_in_as(&app, "beheer@buurt.nl", app::testing::PASSWORD).await;
        let writer = log_in_as(&app, "x0@buurt.nl", app::testing::PASSWORD).await;
        for path in &paths {
            check_page(&app, path, None).await;
        }
        for path in ["/moderatie", "/moderatie/logboek"] {
            check_page(&app, path, Some(&cookie)).await;
        }
        for path in ["/profiel", "/meldingen"] {
            check_page(&app, path, Some(&writer)).await;
        }
    }
);

async fn check_page(app: &axum::Router, path: &str, cookie: Option<&str>) {
    let res = app.clone().oneshot(get(path, cookie)).await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    let html = text(res).await;
    for tag in tags(&html) {
        if let Some(problem) = dangerous(&tag) {
            let at = html.find(&format!("<{}>", tag.raw)).unwrap_or(0);
            let around: String = html[at.saturating_sub(300)..].chars().take(500).collect();
            panic!("{path}: {problem} in <{}>, here:\n{around}", tag.raw);
        }
    }
}

/// One start tag: its name, its attributes (lower-case names), and its text.
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    raw: String,
}

/// What is wrong with a tag, if anything.
fn dangerous(tag: &Tag) -> Option<String> {
    const NEVER: [&str; 7] = [
        "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    ];
    if NEVER.contains(&tag.name.as_str()) {
        return Some(format!("a <{}> tag", tag.name));
    }
    for (name, value) in &tag.attributes {
        if name.starts_with("on") {
            return Some(format!("an event handler {name}"));
        }
        let value = value.trim().to_lowercase().replace(['\t', '\n', '\r'], "");
        let address = [
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "srcdoc",
            "data",
        ];
        if address.contains(&name.as_str())
            && (value.starts_with("javascript:")
                || value.starts_with("vbscript:")
                || value.starts_with("data:text"))
        {
            return Some(format!("a script address in {name}"));
        }
        if name == "style" && (value.contains("javascript:") || value.contains("expression(")) {
            return Some("a script in a style".to_owned());
        }
    }
    if tag.name == "meta" && tag.attributes.iter().any(|(n, _)| n == "http-equiv") {
        return Some("a meta refresh".to_owned());
    }
    if tag.name == "script" && !tag.attributes.iter().any(|(n, _)| n == "nonce") {
        return Some("a script without the nonce".to_owned());
    }
    None
}

/// The start tags of an HTML text, with quoted attribute values read whole.
fn tags(html: &str) -> Vec<Tag> {
    let bytes: Vec<char> = html.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != '<' || !bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut quote = None;
        i += 1;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, '"' | '\'') => quote = Some(bytes[i]),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => break,
                _ => {}
            }
            i += 1;
        }
        let raw: String = bytes[start + 1..i.min(bytes.len())].iter().collect();
        found.push(parse(raw));
        i += 1;
    }
    found
}

fn parse(raw: String) -> Tag {
    let chars: Vec<char> = raw.chars().collect();
    let mut i = 0;
    let word = |i: &mut usize| {
        let start = *i;
        while *i < chars.len()
            && !chars[*i].is_whitespace()
            && !matches!(chars[*i], '=' | '>' | '/')
        {
            *i += 1;
        }
        chars[start..*i].iter().collect::<String>().to_lowercase()
    };
    let name = word(&mut i);
    let mut attributes = Vec::new();
    while i < chars.len() {
        if chars[i].is_whitespace() || chars[i] == '/' {
            i += 1;
            continue;
        }
        let key = word(&mut i);
        let mut value = String::new();
        if chars.get(i) == Some(&'=') {
            i += 1;
            match chars.get(i) {
                Some(&q) if q == '"' || q == '\'' => {
                    i += 1;
                    while i < chars.len() && chars[i] != q {
                        value.push(chars[i]);
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < chars.len() && !chars[i].is_whitespace() {
                        value.push(chars[i]);
                        i += 1;
                    }
                }
            }
        }
        if key.is_empty() {
            i += 1;
        } else {
            attributes.push((key, value));
        }
    }
    Tag {
        name,
        attributes,
        raw,
    }
}

#[test]
fn the_reader_finds_what_it_must() {
    let found = tags(
        r#"<p>a > b</p><img src=x onerror=alert(1)><a href="javascript:x" title='>'>k</a><script>1</script>"#,
    );
    let problems: Vec<_> = found.iter().filter_map(dangerous).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(dangerous(&tags(r#"<script type="module" nonce="abc">"#)[0]).is_none());
    assert!(dangerous(&tags(r#"<a href="/plannen/1" rel="nofollow">"#)[0]).is_none());
}
