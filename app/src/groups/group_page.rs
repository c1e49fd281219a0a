//! `/groepen/:slug`: a group's own page. What it offers depends on where the
//! reader stands: a guest is invited to log in, an outsider to join or ask, a
//! member sees everyone and can leave, a coordinator gets the management link.

use super::{
    api::{JoinGroup, LeaveGroup, RequestJoin, SetNameHidden, WithdrawJoinRequest},
    model::{Activity, GroupDetail, Member, MemberRole, MembershipMode, Standing},
};
use crate::plans::model::PlanSummary;
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    ui::{
        form::{first_refused, query_param, ErrorSummary, TextArea},
        format_date,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// Everything the group page shows, as this reader may see it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct GroupView {
    /// The group.
    pub group: GroupDetail,
    /// The reader's standing.
    pub standing: Standing,
    /// Members this reader may see.
    pub members: Vec<Member>,
    /// Members whose names are hidden from this reader.
    pub hidden_members: usize,
    /// Recent activity this reader may see.
    pub activity: Vec<Activity>,
    /// Open requests (counted for coordinators only, else 0).
    pub pending_requests: usize,
    /// The group's newest plans.
    pub plans: Vec<crate::plans::model::PlanSummary>,
}

async fn load(slug: String) -> Result<GroupView, AppError> {
    #[cfg(feature = "ssr")]
    {
        use super::service;
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        let group = service::group(&db, &slug).await?;
        let id = group.summary.id;
        let standing = service::standing(&db, viewer.as_ref(), id).await?;
        let (members, hidden_members) = service::visible_members(&db, &standing, id).await?;
        let activity = service::activity(&db, &standing, id).await?;
        let pending_requests = service::pending_count(&db, &standing, id).await?;
        let plans = crate::plans::service::for_group(&db, id, 12).await?;
        Ok(GroupView {
            plans,
            group,
            standing,
            members,
            hidden_members,
            activity,
            pending_requests,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::NotFound(String::new()))
    }
}

/// The group page.
#[component]
pub fn GroupPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = PageData::new(load(slug));
    view! {
        {loaded_or(data, move |view| view! { <GroupBody view/> }, move |e| view! {
                <PageTitle text=format!("{} · Wijkplein", t("groups-title"))/>
                <div class="narrow"><h1>{t("groups-title")}</h1><ErrorNotice error=e/>
                <p><a href="/groepen">{t("group-back-to-list")}</a></p></div>
            })}
    }
}

fn notice() -> Option<String> {
    [
        ("gestart", "group-notice-started"),
        ("welkom", "group-notice-joined"),
        ("aangevraagd", "group-notice-requested"),
        ("ingetrokken", "group-notice-withdrawn"),
        ("verlaten", "group-notice-left"),
        ("opgeslagen", "group-notice-saved"),
    ]
    .into_iter()
    .find(|(param, _)| query_param(param).is_some())
    .map(|(_, key)| t(key))
}

#[component]
fn GroupBody(view: GroupView) -> impl IntoView {
    let error = first_refused(&[
        JoinGroup::PATH,
        RequestJoin::PATH,
        WithdrawJoinRequest::PATH,
        LeaveGroup::PATH,
        SetNameHidden::PATH,
    ]);
    let g = view.group.clone();
    let paragraphs = g
        .description
        .split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    let coordinator_tools = view.standing.coordinates().then(|| {
        view! { <CoordinatorTools slug=g.summary.slug.clone() pending=view.pending_requests/> }
    });
    let name = g.summary.name.clone();
    view! {
        <PageTitle text=format!("{name} · Wijkplein")/>
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/groepen">{t("groups-title")}</a>" › "<span aria-current="page">{name}</span>
        </nav>
        {notice().map(|n| view! { <p class="notice notice--success" role="status">{n}</p> })}
        <ErrorSummary error/>
        <GroupHead group=g.clone()/>
        <div class="group-layout">
            <div class="group-main">
                <section class="section" aria-labelledby="over">
                    <h2 id="over">{t("group-about")}</h2>
                    <div class="prose">{paragraphs}</div>
                    <p class="muted">{t_args("group-since", &[("date", format_date(g.created_at))])}</p>
                </section>
                <GroupPlans slug=g.summary.slug.clone() plans=view.plans may_write=view.standing.is_member()/>
                <section class="section" aria-labelledby="activiteit">
                    <h2 id="activiteit">{t("group-activity")}</h2>
                    <ActivityList items=view.activity/>
                </section>
            </div>
            <div class="group-aside">
                <JoinBox group=g standing=view.standing/>
                {coordinator_tools}
                <GroupPeople members=view.members hidden=view.hidden_members/>
            </div>
        </div>
    }
}

/// The group's name, place, way of joining and image.
#[component]
fn GroupHead(group: GroupDetail) -> impl IntoView {
    let s = &group.summary;
    let mode = match s.mode {
        MembershipMode::Open => t("group-mode-open"),
        MembershipMode::OnRequest => t("group-mode-request"),
    };
    let members_line = t_args(
        "group-member-count",
        &[("count", s.member_count.to_string())],
    );
    let postcodes = (!s.postcodes.is_empty())
        .then(|| t_args("group-postcodes", &[("codes", s.postcodes.join(", "))]));
    let image = s
        .has_image
        .then(|| format!("/groepen/{}/beeld?v={}", s.slug, group.updated_at));
    view! {
        <header class="group-head">
            {image.map(|src| view! { <img class="group-head__image" src=src alt="" width="96" height="96"/> })}
            <div>
                <h1>{s.name.clone()}</h1>
                <p class="group-head__place">{s.neighbourhood.clone()}", "{s.municipality.clone()}</p>
                <p class="group-head__meta"><span class="tag">{mode}</span>" "<span>{members_line}</span>
                    {postcodes.map(|p| view! { <span class="muted">" · "{p}</span> })}</p>
            </div>
        </header>
    }
}

/// Links to what only coordinators do, with the number of open requests.
#[component]
fn CoordinatorTools(slug: String, pending: usize) -> impl IntoView {
    let pending =
        (pending > 0).then(|| t_args("group-pending-count", &[("count", pending.to_string())]));
    view! {
        <div class="card coordinator-tools">
            <h2 class="h3">{t("group-coordinator-tools")}</h2>
            {pending.map(|p| view! { <p><strong>{p}</strong></p> })}
            <p class="actions">
                <a class="button button--secondary" href=format!("/groepen/{slug}/beheer")>{t("group-manage")}</a>
                <a class="button button--quiet" href=format!("/groepen/{slug}/bewerken")>{t("group-edit")}</a>
                <a class="button button--quiet" href="/moderatie">{t("reports-title")}</a>
            </p>
        </div>
    }
}

/// The group's newest plans, and searching within the group.
#[component]
fn GroupPlans(slug: String, plans: Vec<PlanSummary>, may_write: bool) -> impl IntoView {
    let any = !plans.is_empty();
    view! {
        <section class="section" aria-labelledby="plannen">
            <h2 id="plannen">{t("group-plans")}</h2>
            {may_write.then(|| view! {
                <p><a class="button button--secondary" href=format!("/groepen/{slug}/plannen/nieuw")>{t("group-write-plan")}</a></p>
            })}
            {(!any).then(|| view! { <p class="empty">{t("group-plans-empty")}</p> })}
            <ul class="group-cards">
                {plans.into_iter().map(|p| view! { <li><crate::plans::card::PlanCard plan=p/></li> }).collect_view()}
            </ul>
            {any.then(|| view! {
                <p><a href=format!("/plannen?groep={slug}#resultaten")>{t("group-plans-all")}</a></p>
            })}
            <form class="search-form" method="get" action="/zoeken" role="search">
                <input type="hidden" name="groep" value=slug.clone()/>
                <label for="zoek-in-groep">{t("group-search")}</label>
                <div class="search-form__row">
                    <input id="zoek-in-groep" type="search" name="q" autocomplete="off"/>
                    <button class="button button--secondary" type="submit">{t("search-submit")}</button>
                </div>
            </form>
        </section>
    }
}

/// Coordinators first, then the members who show their name.
#[component]
fn GroupPeople(members: Vec<Member>, hidden: usize) -> impl IntoView {
    let (coordinators, others): (Vec<Member>, Vec<Member>) =
        members.into_iter().partition(|m| m.role.is_coordinator());
    view! {
        <section class="card group-people" aria-labelledby="mensen">
            <h2 id="mensen" class="h3">{t("group-people")}</h2>
            <h3 class="h4">{t("group-coordinators")}</h3>
            <MemberList members=coordinators/>
            <h3 class="h4">{t("group-members")}</h3>
            {others.is_empty().then(|| view! { <p class="muted">{t("group-members-none")}</p> })}
            <MemberList members=others/>
            {(hidden > 0).then(|| view! {
                <p class="muted">{t_args("group-members-hidden", &[("count", hidden.to_string())])}</p>
            })}
        </section>
    }
}

#[component]
fn MemberList(members: Vec<Member>) -> impl IntoView {
    view! {
        <ul class="member-list">
            {members.into_iter().map(|m| view! {
                <li>{m.name}{m.name_hidden.then(|| view! { " "<span class="tag tag--quiet">{t("group-name-hidden-tag")}</span> })}</li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ActivityList(items: Vec<Activity>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{t("group-activity-empty")}</p> }.into_any();
    }
    view! {
        <ol class="activity">
            {items.into_iter().map(|a| {
                let someone = t("group-someone");
                let text = t_args(&format!("group-activity-{}", a.kind), &[
                    ("actor", a.actor.unwrap_or_else(|| someone.clone())),
                    ("target", a.target.unwrap_or(someone)),
                ]);
                view! { <li><span class="activity__text">{text}</span>" "<span class="muted">{format_date(a.at)}</span></li> }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The box that invites the reader in, or lets a member leave.
#[component]
fn JoinBox(group: GroupDetail, standing: Standing) -> impl IntoView {
    let slug = group.summary.slug.clone();
    let body = match standing {
        Standing::Guest => {
            view! {
                <p>{t("group-join-guest")}</p>
                <crate::ui::join_in::JoinIn next=format!("/groepen/{slug}")/>
            }
            .into_any()
        }
        Standing::Outsider => match group.summary.mode {
            MembershipMode::Open => view! {
                <p>{t("group-join-open-intro")}</p>
                <form method="post" action=JoinGroup::PATH>
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <button class="button button--primary button--wide" type="submit">{t("group-join")}</button>
                </form>
            }
            .into_any(),
            MembershipMode::OnRequest => {
                let question = if group.join_question.trim().is_empty() {
                    t("group-default-question")
                } else {
                    group.join_question.clone()
                };
                view! {
                    <p>{t("group-join-request-intro")}</p>
                    <form method="post" action=RequestJoin::PATH class="form">
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <TextArea name="answer" label=question rows=4 required=true maxlength=1000/>
                        <button class="button button--primary button--wide" type="submit">{t("group-request")}</button>
                    </form>
                }
                .into_any()
            }
        },
        Standing::Pending { request_id } => view! {
            <p class="notice">{t("group-request-pending")}</p>
            <form method="post" action=WithdrawJoinRequest::PATH>
                <input type="hidden" name="request_id" value=request_id/>
                <button class="button button--quiet" type="submit">{t("group-request-withdraw")}</button>
            </form>
        }
        .into_any(),
        Standing::Member { role, name_hidden } => {
            let role_text = match role {
                MemberRole::Coordinator => t("group-you-coordinate"),
                MemberRole::Member => t("group-you-member"),
            };
            let (hidden_value, hidden_label) = if name_hidden {
                ("0", t("group-show-name"))
            } else {
                ("1", t("group-hide-name"))
            };
            view! {
                <p><strong>{role_text}</strong></p>
                <p class="muted">{if name_hidden { t("group-name-is-hidden") } else { t("group-name-is-shown") }}</p>
                <form method="post" action=SetNameHidden::PATH class="inline-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <input type="hidden" name="hidden" value=hidden_value/>
                    <button class="button button--quiet" type="submit">{hidden_label}</button>
                </form>
                <form method="post" action=LeaveGroup::PATH class="inline-form">
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <button class="button button--quiet" type="submit">{t("group-leave")}</button>
                </form>
                {(role == MemberRole::Coordinator).then(|| view! { <p class="field__hint">{t("group-leave-handover")}</p> })}
            }
            .into_any()
        }
        Standing::Banned => view! { <p class="notice">{t("group-banned")}</p> }.into_any(),
    };
    view! {
        <section class="card join-box" id="meedoen" aria-labelledby="meedoen-titel">
            <h2 id="meedoen-titel" class="h3">{t("group-take-part")}</h2>
            {body}
        </section>
    }
}
