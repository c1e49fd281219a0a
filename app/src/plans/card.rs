//! A plan in a list: title, summary, phase, group, support and reactions.

use super::model::PlanSummary;
use crate::i18n::t_args;
use leptos::prelude::*;

/// One plan as a card with a link to its page.
#[component]
pub fn PlanCard(plan: PlanSummary) -> impl IntoView {
    let href = format!("/plannen/{}", plan.id);
    let support = t_args(
        "plan-support-count",
        &[("count", plan.support_count.to_string())],
    );
    let reactions = t_args(
        "plan-reaction-count",
        &[("count", plan.reaction_count.to_string())],
    );
    view! {
        <article class="card plan-card">
            <p class="group-card__meta"><span class="muted">{plan.group_name}</span></p>
            <h3 class="group-card__name"><a href=href>{plan.title}</a></h3>
            <super::phase_steps::PhaseSteps phase=plan.phase/>
            <p>{plan.summary}</p>
            <p class="muted">{support}" · "{reactions}</p>
        </article>
    }
}
