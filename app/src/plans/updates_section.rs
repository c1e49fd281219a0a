//! "Voortgang en verantwoording" on the plan page: the record of what
//! happened, newest first, each marked with the writer's role, a filter to
//! read only the accountability updates, and the form for those who may post.

use super::{
    api::PostPlanUpdate,
    updates::{PlanUpdate, UpdateKind},
};
use crate::{
    i18n::{t, t_args},
    moderation::report_form::{ReportForm, RestoreForm},
    ui::{
        form::{first_refused, query_param, ErrorSummary, SelectField, TextArea, TextField},
        format_date_time,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The section; `kinds` are what the reader may post (empty: no form).
#[component]
pub fn UpdatesSection(
    plan_id: i64,
    updates: Vec<PlanUpdate>,
    kinds: Vec<UpdateKind>,
    /// Whether the reader may report an update.
    logged_in: bool,
    /// Whether the reader moderates this plan (and may restore a hidden one).
    moderator: bool,
) -> impl IntoView {
    let filter = query_param("verslagen")
        .as_deref()
        .and_then(UpdateKind::parse);
    let here = format!("/plannen/{plan_id}");
    let chip = move |kind: Option<UpdateKind>, label: String| {
        let href = match kind {
            Some(k) => format!("{here}?verslagen={}#voortgang", k.as_str()),
            None => format!("{here}#voortgang"),
        };
        let current = (kind == filter).then_some("page");
        view! { <li><a class="chip" href=href aria-current=current>{label}</a></li> }
    };
    let shown: Vec<PlanUpdate> = updates
        .into_iter()
        .filter(|u| filter.is_none_or(|k| u.kind == k))
        .collect();
    view! {
        <section class="section" id="voortgang" aria-labelledby="voortgang-titel">
            <h2 id="voortgang-titel">{t("updates-heading")}</h2>
            <p class="muted">{t("updates-intro")}</p>
            <nav aria-label=t("updates-filter")>
                <ul class="chips">
                    {chip(None, t("updates-all"))}
                    {chip(Some(UpdateKind::Voortgang), t("update-kind-voortgang"))}
                    {chip(Some(UpdateKind::Verantwoording), t("update-kind-verantwoording"))}
                </ul>
            </nav>
            <div id="verslagen-lijst">
                {if shown.is_empty() {
                    view! { <p class="empty">{t("updates-empty")}</p> }.into_any()
                } else {
                    view! { <ol class="updates">{shown.into_iter().map(|u| view! { <UpdateCard update=u plan_id logged_in moderator/> }).collect_view()}</ol> }.into_any()
                }}
            </div>
            {(!kinds.is_empty()).then(|| view! { <UpdateForm plan_id kinds/> })}
        </section>
    }
}

#[component]
fn UpdateCard(update: PlanUpdate, plan_id: i64, logged_in: bool, moderator: bool) -> impl IntoView {
    let who = update
        .author_name
        .clone()
        .unwrap_or_else(|| t("group-someone"));
    let class = format!("update update--{}", update.kind.as_str());
    let back = format!("/plannen/{plan_id}#update-{}", update.id);
    let hidden = update.hidden.clone().map(|reason| {
        let restore = moderator
            .then(|| view! { <RestoreForm target="update" id=update.id back=back.clone()/> });
        view! {
            <p class="notice">{t_args("update-hidden", &[("reason", reason)])}</p>
            {restore}
        }
    });
    let may_report = logged_in && update.hidden.is_none();
    view! {
        <li>
            <article class=class id=format!("update-{}", update.id)>
                <header class="reaction__meta">
                    <span class="tag tag--kind">{t(&update.kind.label_key())}</span>
                    <span class="reaction__author">{who}</span>
                    <span class="tag">{t(&update.author_role.label_key())}</span>
                    <span class="muted">{format_date_time(update.created_at)}</span>
                </header>
                <div class="reaction__body" inner_html=update.body_html></div>
                <dl class="update__facts">
                    {(!update.next_steps.is_empty()).then(|| view! {
                        <dt>{t("update-next")}</dt><dd>{update.next_steps.clone()}</dd>
                    })}
                    {(!update.responsible.is_empty()).then(|| view! {
                        <dt>{t("update-responsible")}</dt><dd>{update.responsible.clone()}</dd>
                    })}
                </dl>
                {hidden}
                {may_report.then(|| view! { <ReportForm target="update" id=update.id back=back.clone()/> })}
            </article>
        </li>
    }
}

#[component]
fn UpdateForm(plan_id: i64, kinds: Vec<UpdateKind>) -> impl IntoView {
    let error = first_refused(&[PostPlanUpdate::PATH]);
    let only = (kinds.len() == 1).then(|| kinds[0]);
    let heading = match only {
        Some(UpdateKind::Verantwoording) => t("updates-new-account"),
        _ => t("updates-new"),
    };
    // Folded until wanted, so the discussion stays close to the plan; open
    // again when a post came back refused.
    let reopen = error.is_some();
    view! {
        <details class="card update-fold" open=reopen>
        <summary class="fold-button">{heading}</summary>
        <form method="post" action=PostPlanUpdate::PATH class="form" novalidate>
            <ErrorSummary error=error.clone()/>
            <input type="hidden" name="plan_id" value=plan_id/>
            {match only {
                Some(kind) => view! { <input type="hidden" name="kind" value=kind.as_str()/> }.into_any(),
                None => view! {
                    <SelectField name="kind" label=t("updates-kind")
                        options=kinds.into_iter().map(|k| (k.as_str().to_owned(), t(&k.label_key()))).collect()
                        selected=String::new() error=error.clone()/>
                }.into_any(),
            }}
            <TextArea name="body" label=t("update-body") rows=5 required=true maxlength=5000
                hint=t_args("update-body-hint", &[("max", "5000".to_owned())]) error=error.clone()/>
            <TextField name="next_steps" label=t("update-next") maxlength=300 error=error.clone()/>
            <TextField name="responsible" label=t("update-responsible") maxlength=300 error=error.clone()/>
            <button class="button button--primary" type="submit">{t("updates-submit")}</button>
        </form>
        </details>
    }
}
