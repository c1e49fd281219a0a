//! The route every plan walks (idea, in conversation, decided, being
//! carried out, completed) as a row of steps with the current one marked,
//! on the plan page and in every plan card. Screen readers hear it as a
//! list with the current step named (`aria-current="step"`).

use super::model::Phase;
use crate::i18n::{t, t_args};
use leptos::prelude::*;

/// The step bar for a plan in `phase`; a paused or stopped plan shows the
/// route without a current step, and says so.
#[component]
pub fn PhaseSteps(phase: Phase) -> impl IntoView {
    let current = phase.step();
    view! {
        <div class="phase-steps">
            <ol aria-label=t("plan-phase-route")>
                {Phase::MAIN_LINE.into_iter().enumerate().map(|(i, step)| {
                    let state = match current {
                        Some(c) if i < c => "phase-steps__step phase-steps__step--done",
                        Some(c) if i == c => "phase-steps__step phase-steps__step--current",
                        _ => "phase-steps__step",
                    };
                    let aria_current = (current == Some(i)).then_some("step");
                    // The names are read out; the bar shows only the
                    // current one, below it, so no name breaks mid-word.
                    view! { <li class=state aria-current=aria_current><span class="visually-hidden">{t(&step.label_key())}</span></li> }
                }).collect_view()}
            </ol>
            {match current {
                Some(i) => view! {
                    <p class="phase-steps__now" aria-hidden="true">
                        {t_args("plan-phase-step", &[("step", (i + 1).to_string()), ("name", t(&phase.label_key()))])}
                    </p>
                }.into_any(),
                None => view! {
                    <p class=format!("tag phase phase--{}", phase.as_str())>{t(&phase.label_key())}</p>
                }.into_any(),
            }}
        </div>
    }
}
