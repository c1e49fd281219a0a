//! The reactions block under the manifest and under each principle: filter by
//! kind, threads with replies in pages (newest thread first, "oudere
//! reacties" further), and the form. Plain server-rendered forms and links,
//! so it all works without JavaScript.

use super::{
    api::{DeleteReaction, EditReaction, PostReaction},
    card::{NewReactionForm, ReactionCard, ReplyForm},
    model::{Reaction, ReactionKind, ThreadCursor},
};
use crate::{
    accounts::Viewer,
    i18n::t,
    ui::form::{query_param, refused, ErrorSummary},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// What the section shows: the threads, and for guests a fresh
/// proof-of-work challenge.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SectionData {
    /// One page of threads, filtered by the kind in the address.
    pub threads: Vec<Reaction>,
    /// Where the next (older) page starts, if there is one.
    pub next: Option<ThreadCursor>,
    /// Whether the reader moderates here (sees hidden texts and versions).
    pub moderator: bool,
    /// A challenge id for guests.
    pub challenge: Option<String>,
}

/// The kind filter in the address (`?soort=`).
fn kind_from_url() -> Option<ReactionKind> {
    query_param("soort")
        .as_deref()
        .and_then(ReactionKind::parse)
}

/// Loads the section for `subject`. The page calls this inside its own load,
/// so it waits on one resource only: a second resource created while the
/// first one resolves left server rendering waiting now and then.
#[cfg(feature = "ssr")]
pub async fn load(subject: &str) -> Result<SectionData, crate::error::AppError> {
    let db = crate::state::use_db()?;
    let viewer = crate::accounts::viewer();
    let after = query_param("na").as_deref().and_then(ThreadCursor::parse);
    let page = super::service::page(&db, viewer.as_ref(), subject, kind_from_url(), after).await?;
    // Signed, not stored: the page is the same for every guest, so the
    // page cache may share it (see `guest_challenge`).
    let challenge = match viewer {
        None => Some(super::guest_challenge::issue(&db, subject).await?),
        Some(_) => None,
    };
    Ok(SectionData {
        threads: page.threads,
        next: page.next,
        moderator: page.moderator,
        challenge,
    })
}

/// Reactions on `subject`, shown on the page at `here` (a local path).
#[component]
pub fn ReactionSection(data: SectionData, subject: String, here: String) -> impl IntoView {
    let kind = kind_from_url();
    let error = refused(PostReaction::PATH)
        .or_else(|| refused(EditReaction::PATH))
        .or_else(|| refused(DeleteReaction::PATH))
        .or_else(|| refused(crate::moderation::api::ReportContent::PATH))
        .or_else(|| refused(crate::moderation::api::RestoreContent::PATH));
    let reported = query_param("gemeld").is_some();
    let viewer = crate::accounts::viewer();
    let waiting = query_param("wacht").is_some();
    view! {
        <section class="section reactions" id="reacties" aria-labelledby="reacties-titel">
            <h2 id="reacties-titel">{t("reactions-heading")}</h2>
            <KindFilter here=here.clone() active=kind/>
            {waiting.then(|| view! { <p class="notice notice--success" role="status">{t("reactions-waiting")}</p> })}
            {reported.then(|| view! { <p class="notice notice--success" role="status">{t("report-thanks")}</p> })}
            <ErrorSummary error=error.clone()/>
            {
                let SectionData { threads: list, next, moderator, challenge } = data;
                let nonce_inputs = nonce_input_ids(&list, challenge.is_some());
                let heading = new_heading(&subject);
                let pager = Pager { here: here.clone(), kind, next, first: query_param("na").is_none() };
                let forms = {
                    let challenge = challenge.clone();
                    move || view! {
                        {pager.newest()}
                        <Threads list here=here.clone() viewer=viewer.clone() moderator subject=subject.clone() challenge=challenge.clone()/>
                        {pager.older()}
                        <NewReactionForm heading subject here viewer challenge/>
                    }
                };
                // For guests the forms sit inside the solver, which watches them.
                match challenge {
                    Some(id) => view! {
                        <ChallengeSolver id difficulty=super::challenge::DIFFICULTY inputs=nonce_inputs>
                            {forms()}
                        </ChallengeSolver>
                    }.into_any(),
                    None => forms().into_any(),
                }
            }
        </section>
    }
}

#[component]
fn KindFilter(here: String, active: Option<ReactionKind>) -> impl IntoView {
    let link = move |kind: Option<ReactionKind>, label: String| {
        let href = match kind {
            Some(k) => format!("{here}?soort={}#reacties", k.as_str()),
            None => format!("{here}#reacties"),
        };
        let current = (kind == active).then_some("page");
        view! { <li><a class="chip" href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <nav aria-label=t("reactions-filter")>
            <ul class="chips">
                {link(None, t("reactions-all"))}
                {ReactionKind::ALL.into_iter().map(|k| link(Some(k), t(&k.label_key()))).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Threads(
    list: Vec<Reaction>,
    here: String,
    viewer: Option<Viewer>,
    moderator: bool,
    subject: String,
    challenge: Option<String>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="empty">{t("reactions-empty")}</p> }.into_any();
    }
    view! {
        <ol class="threads">
            {list.into_iter().map(|r| {
                let replies = r.replies.clone();
                let can_reply = !r.deleted;
                let (parent, parent_kind) = (r.id, r.kind);
                // The reply form stays with the reaction it answers, above
                // the replies.
                view! {
                    <li class="thread">
                        <ReactionCard reaction=r here=here.clone() viewer=viewer.clone() moderator/>
                        {can_reply.then(|| view! { <ReplyForm parent parent_kind subject=subject.clone() here=here.clone() viewer=viewer.clone() challenge=challenge.clone()/> })}
                        {(!replies.is_empty()).then(|| view! {
                            <ol class="replies">
                                {replies.into_iter().map(|reply| view! {
                                    <li><ReactionCard reaction=reply here=here.clone() viewer=viewer.clone() moderator/></li>
                                }).collect_view()}
                            </ol>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// Ids of the hidden nonce inputs of every guest form on the page.
fn nonce_input_ids(list: &[Reaction], guest: bool) -> Vec<String> {
    if !guest {
        return Vec::new();
    }
    list.iter()
        .filter(|r| !r.deleted)
        .map(|r| format!("antwoord-{}-nonce", r.id))
        .chain(std::iter::once("nieuw-nonce".to_owned()))
        .collect()
}

/// Solves the guest challenge in the browser and fills in the nonce of every
/// guest form in it, from the moment a guest starts on one of them (see
/// `solver`), so that merely reading costs a phone nothing. Without
/// JavaScript the nonce stays empty and the server asks the guest to log in
/// or turn JavaScript on.
#[island]
pub fn ChallengeSolver(
    id: String,
    difficulty: u32,
    inputs: Vec<String>,
    children: Children,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let (on_focus, on_submit) = super::solver::handlers(id, difficulty, inputs);
    #[cfg(not(feature = "hydrate"))]
    let (on_focus, on_submit) = {
        let _ = (id, difficulty, inputs);
        (|_| {}, |_| {})
    };
    view! {
        <div on:focusin=on_focus on:submit=on_submit>{children()}</div>
    }
}

fn new_heading(subject: &str) -> String {
    t(if subject.contains(':') {
        "reactions-new-principle"
    } else {
        "reactions-new"
    })
}

/// Links between pages of threads, keeping the kind filter.
struct Pager {
    here: String,
    kind: Option<ReactionKind>,
    next: Option<ThreadCursor>,
    first: bool,
}

impl Pager {
    fn href(&self, after: Option<ThreadCursor>) -> String {
        let mut params = Vec::new();
        params.extend(self.kind.map(|k| format!("soort={}", k.as_str())));
        params.extend(after.map(|c| format!("na={}", c.encode())));
        let query = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        format!("{}{query}#reacties", self.here)
    }

    /// Back to the newest threads, on a later page.
    fn newest(&self) -> Option<AnyView> {
        (!self.first).then(|| {
            view! { <p><a href=self.href(None)>{t("reactions-newest")}</a></p> }.into_any()
        })
    }

    /// To older threads, when there are more.
    fn older(&self) -> Option<AnyView> {
        self.next.map(|c| {
            view! {
                <p class="pager"><a class="button button--secondary" href=self.href(Some(c)) rel="next">{t("reactions-older")}</a></p>
            }
            .into_any()
        })
    }
}
