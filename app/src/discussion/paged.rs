//! A discussion in pages of threads, newest thread first, replies up to the
//! subject's depth: the discussion under a plan. Long discussions load the
//! next page on demand ("oudere reacties"), each page in a fixed few queries.
//! People who are not logged in read along and are invited to log in.

use super::{
    api::{DeleteReaction, EditReaction, PostReaction},
    card::{NewReactionForm, ReactionCard, ReplyForm},
    model::{max_depth, Reaction, ThreadPage},
};
use crate::{
    accounts::Viewer,
    i18n::t,
    ui::form::{first_refused, query_param, ErrorSummary},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The discussion on `subject`, shown on the page at `here` (a local path).
/// The page loads `page` together with its own data: a second resource
/// created while the first one resolves left server rendering waiting now and
/// then.
#[component]
pub fn PagedReactions(
    page: ThreadPage,
    subject: String,
    here: String,
    heading: String,
) -> impl IntoView {
    let first_page = query_param("na").is_none();
    let error = first_refused(&[
        PostReaction::PATH,
        EditReaction::PATH,
        DeleteReaction::PATH,
        crate::moderation::api::ReportContent::PATH,
        crate::moderation::api::RestoreContent::PATH,
    ]);
    let viewer = crate::accounts::viewer();
    let form = match &viewer {
        Some(_) => view! {
            <NewReactionForm heading=t("reactions-new-plan") subject=subject.clone() here=here.clone() viewer=viewer.clone() challenge=None/>
        }
        .into_any(),
        None => view! {
            <div class="card">
                <p>{t("reactions-join-guest")}</p>
                <crate::ui::join_in::JoinIn next=format!("{here}#reacties") log_in=t("reactions-login-to-join")/>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="section reactions" id="reacties" aria-labelledby="reacties-titel">
            <h2 id="reacties-titel">{heading}</h2>
            <ErrorSummary error/>
            {form}
            <div id="reactie-lijst">
                {
                    let next = page.next.map(|c| format!("{here}?na={}#reacties", c.encode()));
                    let ctx = Ctx { moderator: page.moderator, here: here.clone(), viewer, max_depth: max_depth(&subject), subject };
                    view! {
                        {(!first_page).then(|| view! {
                            <p><a href=format!("{here}#reacties")>{t("reactions-newest")}</a></p>
                        })}
                        {if page.threads.is_empty() {
                            view! { <p class="empty">{t("reactions-empty-plan")}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="threads">
                                    {page.threads.into_iter().map(|r| thread(r, &ctx)).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                        {next.map(|href| view! {
                            <p class="pager"><a class="button button--secondary" href=href rel="next">{t("reactions-older")}</a></p>
                        })}
                    }
                }
            </div>
        </section>
    }
}

/// What every reaction in the tree needs to know.
struct Ctx {
    moderator: bool,
    here: String,
    viewer: Option<Viewer>,
    subject: String,
    max_depth: i64,
}

/// A reaction with, below it, its replies (recursively) and a reply form.
fn thread(reaction: Reaction, ctx: &Ctx) -> AnyView {
    let replies = reaction.replies.clone();
    let can_reply = !reaction.deleted && reaction.depth < ctx.max_depth && ctx.viewer.is_some();
    let (parent, parent_kind) = (reaction.id, reaction.kind);
    let class = if reaction.depth == 0 {
        "thread"
    } else {
        "reply-item"
    };
    view! {
        <li class=class>
            <ReactionCard reaction here=ctx.here.clone() viewer=ctx.viewer.clone() moderator=ctx.moderator/>
            // The reply form stays with the reaction it answers, above the replies.
            {can_reply.then(|| view! {
                <ReplyForm parent parent_kind subject=ctx.subject.clone() here=ctx.here.clone() viewer=ctx.viewer.clone() challenge=None/>
            })}
            {(!replies.is_empty()).then(|| view! {
                <ol class="replies">{replies.into_iter().map(|r| thread(r, ctx)).collect_view()}</ol>
            })}
        </li>
    }
    .into_any()
}
