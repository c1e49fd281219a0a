//! `/plannen/:id`: a plan with its phase, support, the principles it puts
//! into practice and its timeline. Its writer and the group's coordinators
//! move it to another phase here.

use super::{
    api::{ChangePlanPhase, SupportPlan, WithdrawPlanSupport},
    model::{Phase, PhaseChange, Plan},
};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    discussion::paged::PagedReactions,
    error::AppError,
    i18n::{t, t_args},
    live::refresh::LiveRefresh,
    moderation::{
        api::{ReportContent, RestoreContent},
        report_form::{ReportForm, RestoreForm},
    },
    plans::{images_section::ImagesSection, updates_section::UpdatesSection},
    ui::{
        form::{first_refused, query_param, ErrorSummary},
        format_date, format_date_time,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// Everything the plan page shows, for this reader.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PlanView {
    /// The plan.
    pub plan: Plan,
    /// Its phase changes, oldest first.
    pub timeline: Vec<PhaseChange>,
    /// `(slug, title)` of its principles, in the reader's language.
    pub principles: Vec<(String, String)>,
    /// Whether the reader is logged in.
    pub logged_in: bool,
    /// Whether the reader supports it.
    pub supports: bool,
    /// Whether the reader may change its phase.
    pub may_steer: bool,
    /// Whether the reader moderates it (group coordinator or platform admin).
    pub moderator: bool,
    /// The reader's user id.
    pub reader: Option<i64>,
    /// Its images, oldest first.
    pub images: Vec<super::images::PlanImage>,
    /// Progress and accountability updates, newest first.
    pub updates: Vec<super::updates::PlanUpdate>,
    /// Which kinds of update the reader may post.
    pub update_kinds: Vec<super::updates::UpdateKind>,
    /// The page of the discussion asked for (`?na=`), loaded with the rest so
    /// the page waits on one resource only.
    pub discussion: crate::discussion::model::ThreadPage,
}

async fn load(id: String, after: Option<String>) -> Result<PlanView, AppError> {
    #[cfg(feature = "ssr")]
    {
        use crate::i18n::{current_lang, Lang};
        let id: i64 = id.parse().map_err(|_| AppError::not_found())?;
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        let plan = super::service::plan(&db, id).await?;
        let timeline = super::service::timeline(&db, id).await?;
        let english = current_lang() == Lang::En;
        let principles = crate::manifest::service::latest(&db)
            .await?
            .map(|doc| doc.principle_titles(english))
            .unwrap_or_default()
            .into_iter()
            .filter(|(slug, _)| plan.principles.contains(slug))
            .collect();
        let supports = super::service::supports(&db, viewer.as_ref(), id).await?;
        let may_steer = match &viewer {
            Some(v) => super::service::may_edit(&db, v, &plan).await?,
            None => false,
        };
        let mut updates = super::updates::list(&db, id, None).await?;
        let update_kinds = super::updates::kinds_for(&db, viewer.as_ref(), id).await?;
        let moderator = match &viewer {
            Some(v) => {
                crate::moderation::service::may_moderate(&db, v, Some(plan.group_id)).await?
            }
            None => false,
        };
        super::updates::redact_hidden(&mut updates, viewer.as_ref().map(|v| v.id), moderator);
        let images = super::images::list(&db, id).await?;
        let after = after
            .as_deref()
            .and_then(crate::discussion::model::ThreadCursor::parse);
        let discussion = crate::discussion::service::page(
            &db,
            viewer.as_ref(),
            &format!("plan:{id}"),
            None,
            after,
        )
        .await?;
        Ok(PlanView {
            discussion,
            images,
            moderator,
            reader: viewer.as_ref().map(|v| v.id),
            updates,
            update_kinds,
            plan,
            timeline,
            principles,
            logged_in: viewer.is_some(),
            supports,
            may_steer,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (id, after);
        Err(AppError::NotFound(String::new()))
    }
}

/// The plan page; an unknown id is a 404.
#[component]
pub fn PlanPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let after = query_param("na");
    let data = PageData::new(load(id, after));
    view! {
        {loaded_or(data, move |view| {
                if view.plan.hidden.is_some() && !view.moderator && view.reader != view.plan.author_id {
                    view! { <HiddenPlan view/> }.into_any()
                } else {
                    view! { <PlanBody view/> }.into_any()
                }
            }, move |e| view! {
                <PageTitle text=format!("{} · Wijkplein", t("nav-plans"))/>
                <div class="narrow"><h1>{t("nav-plans")}</h1><ErrorNotice error=e/></div>
            })}
    }
}

/// What others see of a hidden plan: that it was hidden, and where it was.
#[component]
fn HiddenPlan(view: PlanView) -> impl IntoView {
    let p = view.plan;
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("nav-plans"))/>
        <div class="narrow">
            <h1>{t("nav-plans")}</h1>
            <p class="notice">{t("plan-hidden")}</p>
            <p><a href=format!("/groepen/{}", p.group_slug)>{p.group_name}</a></p>
        </div>
    }
}

#[component]
fn PlanBody(view: PlanView) -> impl IntoView {
    let p = view.plan;
    let error = first_refused(&[
        super::api::RemovePlanImage::PATH,
        ReportContent::PATH,
        RestoreContent::PATH,
        ChangePlanPhase::PATH,
        SupportPlan::PATH,
        WithdrawPlanSupport::PATH,
    ]);
    let notice = if query_param("nieuw").is_some() {
        Some(t("plan-notice-created"))
    } else if query_param("bewerkt").is_some() {
        Some(t("plan-notice-edited"))
    } else if query_param("fase").is_some() {
        Some(t("plan-notice-phase"))
    } else {
        None
    };
    let group_href = format!("/groepen/{}", p.group_slug);
    let by = t_args(
        "plan-by",
        &[
            ("name", p.author_name.clone()),
            ("date", format_date(p.created_at)),
        ],
    );
    let place = (!p.place.is_empty()).then(|| p.place.clone());
    view! {
        <PageTitle text=format!("{} · Wijkplein", p.title)/>
        <nav class="breadcrumb" aria-label=t("breadcrumb")>
            <a href="/groepen">{t("groups-title")}</a>" › "<a href=group_href.clone()>{p.group_name.clone()}</a>
        </nav>
        {notice.map(|n| view! { <p class="notice notice--success" role="status">{n}</p> })}
        <ErrorSummary error/>
        {query_param("gemeld").map(|_| view! { <p class="notice notice--success" role="status">{t("report-thanks")}</p> })}
        {p.hidden.clone().map(|reason| view! {
            <div class="notice notice--hidden">
                <p>{t_args("plan-hidden-reason", &[("reason", reason)])}</p>
                {view.moderator.then(|| view! { <RestoreForm target="plan" id=p.id back=format!("/plannen/{}", p.id)/> })}
            </div>
        })}
        <article class="plan">
            <header class="plan__head">
                <div class="plan__phase" id="plan-fase"><super::phase_steps::PhaseSteps phase=p.phase/></div>
                <h1>{p.title.clone()}</h1>
                <p class="lead">{p.summary.clone()}</p>
                <p class="muted">{by}" · "<a href=group_href>{p.group_name.clone()}</a>
                    {place.map(|pl| view! { " · "<span>{t("plan-place")}": "{pl}</span> })}</p>
                {view.may_steer.then(|| view! { <ManagePlan id=p.id phase=p.phase/> })}
            </header>
            <div class="group-layout">
                <div class="group-main">
                    <div class="prose plan__body" inner_html=p.body_html.clone()></div>
                    <ImagesSection plan_id=p.id images=view.images editor=view.may_steer/>
                    {(!view.principles.is_empty()).then(|| view! {
                        <section class="section" aria-labelledby="principes">
                            <h2 id="principes">{t("plan-principles")}</h2>
                            <ul class="chips">
                                {view.principles.into_iter().map(|(slug, title)| view! {
                                    <li><a class="chip" href=format!("/manifest/principes/{slug}")>{title}</a></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    <UpdatesSection plan_id=p.id updates=view.updates kinds=view.update_kinds
                        logged_in=view.reader.is_some() moderator=view.moderator/>
                    <Timeline items=view.timeline/>
                    <PagedReactions page=view.discussion subject=format!("plan:{}", p.id) here=format!("/plannen/{}", p.id)
                        heading=t_args("plan-reactions-heading", &[("count", p.reaction_count.to_string())])/>
                </div>
                <div class="group-aside" id="plan-zijkant">
                    <SupportBox id=p.id count=p.support_count supports=view.supports logged_in=view.logged_in/>
                    {(view.logged_in && view.reader != p.author_id && p.hidden.is_none()).then(|| view! {
                        <ReportForm target="plan" id=p.id back=format!("/plannen/{}", p.id)/>
                    })}
                </div>
            </div>
        </article>
        <LiveRefresh source=format!("/live/plannen/{}", p.id) regions=LIVE_REGIONS.iter().map(|r| (*r).to_owned()).collect()
            announce=t("live-updated") busy_note=t("live-busy")/>
    }
}

/// The parts of the plan page that live updates refresh.
const LIVE_REGIONS: [&str; 7] = [
    "plan-fase",
    "fase-wijzigen",
    "verslagen-lijst",
    "plan-zijkant",
    "tijdlijn",
    "reacties-titel",
    "reactie-lijst",
];

#[component]
fn SupportBox(id: i64, count: i64, supports: bool, logged_in: bool) -> impl IntoView {
    let count_text = t_args("plan-support-count", &[("count", count.to_string())]);
    let action = if !logged_in {
        view! { <crate::ui::join_in::JoinIn next=format!("/plannen/{id}#steun") log_in=t("plan-support-login")/> }
            .into_any()
    } else if supports {
        view! {
            <p>{t("plan-you-support")}</p>
            <form method="post" action=WithdrawPlanSupport::PATH>
                <input type="hidden" name="plan_id" value=id/>
                <button class="button button--quiet" type="submit">{t("plan-withdraw-support")}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <form method="post" action=SupportPlan::PATH>
                <input type="hidden" name="plan_id" value=id/>
                <button class="button button--primary button--wide" type="submit">{t("plan-support")}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="card join-box" id="steun" aria-labelledby="steun-titel">
            <h2 id="steun-titel" class="h3">{t("plan-support-title")}</h2>
            <p class="plan__support-count"><strong>{count_text}</strong></p>
            {action}
        </section>
    }
}

/// The writer's tools (editing the text, moving the phase) folded behind one
/// "Plan beheren" button under the title, so the discussion stays close to
/// the plan. It opens by itself when a phase change came back refused.
#[component]
fn ManagePlan(id: i64, phase: Phase) -> impl IntoView {
    let reopen = crate::ui::form::refused(ChangePlanPhase::PATH).is_some();
    view! {
        <details class="plan-manage" id="beheren" open=reopen>
            <summary class="fold-button">{t("plan-manage")}</summary>
            <div class="plan-manage__panel">
                <p><a class="button button--secondary" href=format!("/plannen/{id}/bewerken")>{t("plan-edit-link")}</a></p>
                <div id="fase-wijzigen"><PhaseForm id phase/></div>
            </div>
        </details>
    }
}

#[component]
fn PhaseForm(id: i64, phase: Phase) -> impl IntoView {
    let choices = phase.next_choices();
    let back = phase.step_back();
    // A refused change comes back to the form it came from, with its reason.
    let refused = crate::ui::form::refused(ChangePlanPhase::PATH);
    let went_back = |r: &crate::ui::form::Refused| {
        back.is_some_and(|b| r.value("phase").as_deref() == Some(b.as_str()))
    };
    let reason = refused
        .as_ref()
        .filter(|r| !went_back(r))
        .and_then(|r| r.value("reason"))
        .unwrap_or_default();
    let back_reason = refused
        .as_ref()
        .filter(|r| went_back(r))
        .and_then(|r| r.value("reason"));
    if choices.is_empty() && back.is_none() {
        return view! { <section class="card"><p>{t("plan-phase-final")}</p></section> }.into_any();
    }
    view! {
        <section class="card" aria-labelledby="fase-titel">
            <h2 id="fase-titel" class="h3">{t("plan-phase-change")}</h2>
            {(!choices.is_empty()).then(|| view! {
                <form method="post" action=ChangePlanPhase::PATH class="form">
                    <input type="hidden" name="plan_id" value=id/>
                    <div class="field">
                        <label for="veld-phase">{t("plan-phase-new")}</label>
                        <select id="veld-phase" name="phase">
                            {choices.into_iter().map(|c| {
                                let chosen = refused.as_ref().and_then(|r| r.value("phase")).as_deref() == Some(c.as_str());
                                view! { <option value=c.as_str() selected=chosen>{t(&c.label_key())}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="veld-reason">{t("plan-phase-reason")}</label>
                        <p class="field__hint" id="veld-reason-hint">{t("plan-phase-reason-hint")}</p>
                        <textarea id="veld-reason" name="reason" rows="3" maxlength="500" aria-describedby="veld-reason-hint">{reason}</textarea>
                    </div>
                    <button class="button button--secondary" type="submit">{t("plan-phase-submit")}</button>
                </form>
            })}
            {back.map(|to| {
                let name = t(&to.label_key());
                view! {
                    <details class="phase-back" open=back_reason.is_some()>
                        <summary>{t_args("plan-phase-back", &[("phase", name.clone())])}</summary>
                        <form method="post" action=ChangePlanPhase::PATH class="form">
                            <input type="hidden" name="plan_id" value=id/>
                            <input type="hidden" name="phase" value=to.as_str()/>
                            <div class="field">
                                <label for="veld-back-reason">{t("plan-phase-back-reason")}</label>
                                <textarea id="veld-back-reason" name="reason" rows="3" required minlength="3" maxlength="500">{back_reason.clone().unwrap_or_default()}</textarea>
                            </div>
                            <button class="button button--quiet" type="submit">{t_args("plan-phase-back-submit", &[("phase", name)])}</button>
                        </form>
                    </details>
                }
            })}
        </section>
    }
    .into_any()
}

#[component]
fn Timeline(items: Vec<PhaseChange>) -> impl IntoView {
    view! {
        <section class="section" id="tijdlijn" aria-labelledby="tijdlijn-titel">
            <h2 id="tijdlijn-titel">{t("plan-timeline")}</h2>
            <ol class="timeline">
                {items.into_iter().rev().map(|c| {
                    let who = c.by_name.clone().unwrap_or_else(|| t("group-someone"));
                    let text = match c.from {
                        None => t_args("plan-timeline-start", &[("name", who)]),
                        Some(_) => t_args("plan-timeline-step", &[("name", who), ("phase", t(&c.to.label_key()))]),
                    };
                    let reason = (!c.reason.is_empty()).then(|| c.reason.clone());
                    view! {
                        <li class="timeline__item">
                            <p class="timeline__date muted">{format_date_time(c.at)}</p>
                            <p>{text}</p>
                            {reason.map(|r| view! { <p class="timeline__reason">{t("plan-timeline-reason")}" "{r}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
