//! Discussion rules, independent of HTTP so the database tests call them directly.

use super::{
    markdown,
    model::{
        assemble, max_depth, Reaction, ReactionKind, ReactionStatus, ThreadCursor, ThreadPage,
    },
    queries::{self, NewReaction},
    subject,
};
use crate::{
    accounts::{validate::is_plausible_email, validate::normalize_email, Viewer},
    db::{now, Db},
    error::{is_unique_violation, AppError, AppResult},
};

/// Shortest and longest reaction text, in characters.
pub const BODY_MIN: usize = 2;
/// See [`BODY_MIN`].
pub const BODY_MAX: usize = 5000;
/// Threads per page of a discussion.
pub const PAGE_SIZE: i64 = 20;

/// A reaction as submitted.
pub struct ReactionForm {
    /// Subject key (checked by the caller against what exists).
    pub subject: String,
    /// For replies.
    pub parent_id: Option<i64>,
    /// Kind value.
    pub kind: String,
    /// Markdown text.
    pub body: String,
    /// Guest's name (guests only).
    pub guest_name: String,
    /// Guest's email (guests only).
    pub guest_email: String,
    /// The honeypot field: people leave it empty, simple bots fill it in.
    pub website: String,
    /// Guests: the proof-of-work challenge id the page was given.
    pub challenge: String,
    /// Guests: the nonce their browser found for it.
    pub nonce: String,
}

impl ReactionForm {
    /// A member's reaction: no guest fields, no challenge.
    pub fn member(subject: &str, kind: &str, body: &str) -> ReactionForm {
        ReactionForm {
            subject: subject.into(),
            parent_id: None,
            kind: kind.into(),
            body: body.into(),
            guest_name: String::new(),
            guest_email: String::new(),
            website: String::new(),
            challenge: String::new(),
            nonce: String::new(),
        }
    }
}

fn text_problems(kind: &str, body: &str, is_reply: bool) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if ReactionKind::parse_for(kind, is_reply).is_none() {
        problems.push(("kind", "kind_invalid"));
    }
    let len = body.trim().chars().count();
    if len < BODY_MIN {
        problems.push(("body", "body_too_short"));
    } else if len > BODY_MAX {
        problems.push(("body", "body_too_long"));
    } else if markdown::too_deep(body) {
        problems.push(("body", "markdown_too_deep"));
    }
    problems
}

/// Posts a reaction: published at once for members, pending for guests.
/// Returns the new id.
pub async fn post(
    db: &Db,
    viewer: Option<&Viewer>,
    form: ReactionForm,
    ip: &str,
) -> AppResult<i64> {
    post_keyed(db, viewer, form, ip, None).await
}

/// Posts a reaction, with the browser's key when it sent one (see
/// `retry::post_once`). The steps: check the form, the writer's right and
/// limits, place it in its thread, store it, tell who follows.
pub(super) async fn post_keyed(
    db: &Db,
    viewer: Option<&Viewer>,
    form: ReactionForm,
    ip: &str,
    client_key: Option<&str>,
) -> AppResult<i64> {
    let guest_email = normalize_email(&form.guest_email);
    check_form(db, viewer, &form, &guest_email).await?;
    match viewer {
        Some(author) => {
            let limit = crate::limits::REACTIONS_PER_PERSON;
            crate::limits::take(db, limit, &author.id.to_string()).await?;
        }
        None => check_guest(db, &form, ip).await?,
    }
    let place = place_in_thread(db, &form).await?;
    let html = markdown::render(form.body.trim());
    let reaction = NewReaction {
        subject: &form.subject,
        parent_id: form.parent_id,
        root_id: place.root_id,
        depth: place.depth,
        kind: ReactionKind::parse(&form.kind).unwrap_or(ReactionKind::Aanvulling),
        source: form.body.trim(),
        html: &html,
        user_id: viewer.map(|v| v.id),
        guest_name: if viewer.is_some() {
            ""
        } else {
            form.guest_name.trim()
        },
        guest_email: if viewer.is_some() { "" } else { &guest_email },
        status: if viewer.is_some() {
            ReactionStatus::Published
        } else {
            ReactionStatus::Pending
        },
        client_key,
    };
    let id = store(db, viewer, &form, &reaction, client_key).await?;
    if let Some(author) = viewer {
        subject::changed(db, &form.subject).await?;
        subject::announce(db, author, &form.subject, id, place.replied_to, &form.body).await?;
    }
    Ok(id)
}

/// The form's fields, and whether the subject is open to this writer.
async fn check_form(
    db: &Db,
    viewer: Option<&Viewer>,
    form: &ReactionForm,
    guest_email: &str,
) -> AppResult<()> {
    let mut problems = text_problems(&form.kind, &form.body, form.parent_id.is_some());
    if viewer.is_none() {
        if crate::accounts::validate::check_display_name(&form.guest_name).is_some() {
            problems.push(("guest_name", "name_too_short"));
        }
        if !is_plausible_email(guest_email) {
            problems.push(("guest_email", "email_invalid"));
        }
    }
    subject::check_open(db, viewer, &form.subject).await?;
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    Ok(())
}

/// A guest's extra checks: the honeypot, the challenge, the limit per address.
async fn check_guest(db: &Db, form: &ReactionForm, ip: &str) -> AppResult<()> {
    if !form.website.trim().is_empty() {
        // Looks like a bot; say no more than a person would need.
        return Err(AppError::fields(vec![("website", "honeypot_filled")]));
    }
    super::guest_challenge::take(db, &form.subject, &form.challenge, &form.nonce).await?;
    crate::limits::take(db, crate::limits::GUEST_REACTIONS_PER_ADDRESS, ip).await
}

/// Where a new reaction goes: its thread, depth, and whom it answers.
struct Place {
    root_id: Option<i64>,
    depth: i64,
    replied_to: Option<i64>,
}

async fn place_in_thread(db: &Db, form: &ReactionForm) -> AppResult<Place> {
    let Some(parent_id) = form.parent_id else {
        return Ok(Place {
            root_id: None,
            depth: 0,
            replied_to: None,
        });
    };
    let parent = queries::find(&db.pool, parent_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if parent.subject != form.subject
        || parent.status != ReactionStatus::Published
        || parent.reaction.depth >= max_depth(&form.subject)
    {
        return Err(AppError::field("body", "reply_not_possible"));
    }
    Ok(Place {
        root_id: Some(parent.root_id),
        depth: parent.reaction.depth + 1,
        replied_to: parent.reaction.author_id,
    })
}

/// Stores the reaction with its search entry. The same browser key sent
/// twice at the same moment: the other request won, and its id is returned.
async fn store(
    db: &Db,
    viewer: Option<&Viewer>,
    form: &ReactionForm,
    reaction: &NewReaction<'_>,
    client_key: Option<&str>,
) -> AppResult<i64> {
    let mut tx = db.write_tx().await?;
    let id = match queries::insert(&mut tx, reaction, now()).await {
        Ok(id) => id,
        Err(err) => match client_key {
            Some(key) if is_unique_violation(&err) => {
                drop(tx);
                return super::retry::sent_before(db, viewer, form, key)
                    .await?
                    .ok_or_else(|| AppError::internal(err));
            }
            _ => return Err(err.into()),
        },
    };
    crate::search::index::sync_reaction(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    Ok(id)
}

/// One page of a subject's threads for this reader, newest thread first,
/// optionally only threads that start with `kind`; earlier versions of
/// edited reactions are included for moderators. A fixed three queries at
/// most, however many reactions the page holds.
pub async fn page(
    db: &Db,
    viewer: Option<&Viewer>,
    key: &str,
    kind: Option<ReactionKind>,
    after: Option<ThreadCursor>,
) -> AppResult<ThreadPage> {
    let (mut tops, rest) = queries::thread_page(&db.pool, key, kind, after, PAGE_SIZE + 1).await?;
    let next = if tops.len() as i64 > PAGE_SIZE {
        tops.truncate(PAGE_SIZE as usize);
        tops.last().map(|t| ThreadCursor {
            created_at: t.created_at,
            id: t.id,
        })
    } else {
        None
    };
    let moderator = subject::is_moderator(db, viewer, key).await?;
    let mut threads = assemble(tops, rest);
    if moderator {
        let mut edited = Vec::new();
        collect_edited(&threads, &mut edited);
        let versions = queries::versions(&db.pool, &edited).await?;
        attach_versions(&mut threads, &versions);
    }
    super::model::redact_hidden(&mut threads, viewer.map(|v| v.id), moderator);
    Ok(ThreadPage {
        threads,
        next,
        moderator,
    })
}

fn collect_edited(list: &[Reaction], into: &mut Vec<i64>) {
    for r in list {
        if r.edited {
            into.push(r.id);
        }
        collect_edited(&r.replies, into);
    }
}

fn attach_versions(list: &mut [Reaction], versions: &[super::model::Version]) {
    for r in list {
        r.versions = versions
            .iter()
            .filter(|v| v.reaction_id == r.id)
            .cloned()
            .collect();
        attach_versions(&mut r.replies, versions);
    }
}

/// Edits one's own reaction within the edit window.
pub async fn edit(db: &Db, viewer: &Viewer, id: i64, kind: &str, body: &str) -> AppResult<String> {
    let stored = queries::find(&db.pool, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if stored.reaction.author_id != Some(viewer.id) {
        return Err(AppError::forbidden());
    }
    subject::check_still_welcome(db, viewer, &stored.subject).await?;
    if stored.status != ReactionStatus::Published || !stored.reaction.editable_by(viewer.id, now())
    {
        return Err(AppError::conflict("error-edit-window-over"));
    }
    let problems = text_problems(kind, body, stored.reaction.parent_id.is_some());
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let kind = ReactionKind::parse(kind).unwrap_or(stored.reaction.kind);
    // Rendered before the write transaction, which waits for nothing slow.
    let html = markdown::render(body.trim());
    let at = now();
    let mut tx = db.write_tx().await?;
    queries::insert_version(&mut tx, &stored.reaction, stored.written_at, at).await?;
    queries::update_text(&mut tx, id, kind, body.trim(), &html, at).await?;
    crate::search::index::sync_reaction(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    subject::changed(db, &stored.subject).await?;
    Ok(stored.subject)
}

/// Deletes one's own reaction (or any, for an admin). Returns its subject.
pub async fn delete(db: &Db, viewer: &Viewer, id: i64) -> AppResult<String> {
    let stored = queries::find(&db.pool, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if stored.reaction.author_id != Some(viewer.id) && !viewer.is_admin {
        return Err(AppError::forbidden());
    }
    let mut tx = db.write_tx().await?;
    queries::set_status(&mut tx, id, ReactionStatus::Deleted).await?;
    crate::search::index::sync_reaction(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    subject::changed(db, &stored.subject).await?;
    Ok(stored.subject)
}

/// Guest reactions waiting for approval, oldest first, with their
/// subjects; admins only.
pub async fn pending(db: &Db, viewer: &Viewer, limit: i64) -> AppResult<Vec<(Reaction, String)>> {
    if !viewer.is_admin {
        return Err(AppError::forbidden());
    }
    let rows = queries::list_pending(&db.pool, limit).await?;
    Ok(rows.into_iter().map(|s| (s.reaction, s.subject)).collect())
}

/// Approves (`true`) or rejects a pending guest reaction; admins only.
pub async fn moderate(db: &Db, viewer: &Viewer, id: i64, approve: bool) -> AppResult<()> {
    if !viewer.is_admin {
        return Err(AppError::forbidden());
    }
    let stored = queries::find(&db.pool, id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if stored.status != ReactionStatus::Pending {
        return Err(AppError::conflict("error-not-pending"));
    }
    let mut tx = db.write_tx().await?;
    queries::set_status(
        &mut tx,
        id,
        if approve {
            ReactionStatus::Published
        } else {
            ReactionStatus::Rejected
        },
    )
    .await?;
    crate::search::index::sync_reaction(&mut tx, db.backend, id).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::text_problems;

    #[test]
    fn text_limits() {
        assert!(text_problems("vraag", "Hoe dan?", false).is_empty());
        assert_eq!(
            text_problems("vraag", " a ", false),
            vec![("body", "body_too_short")]
        );
        assert_eq!(
            text_problems("vraag", &"a".repeat(5001), false),
            vec![("body", "body_too_long")]
        );
        assert_eq!(
            text_problems("boos", "Hoe dan?", false),
            vec![("kind", "kind_invalid")]
        );
    }

    /// An answer only answers: a reply may be one, a new reaction may not.
    #[test]
    fn an_answer_is_only_a_reply() {
        assert!(text_problems("antwoord", "Om acht uur.", true).is_empty());
        assert_eq!(
            text_problems("antwoord", "Om acht uur.", false),
            vec![("kind", "kind_invalid")]
        );
    }
}
