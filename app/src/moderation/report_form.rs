//! The small forms moderation puts next to content: "Melden" (folded away
//! until opened) and, for moderators, "Terugzetten" on hidden items.

use super::api::{ReportContent, RestoreContent};
use crate::i18n::t;
use leptos::prelude::*;
use server_fn::ServerFn;

/// "Melden": report this item with a reason.
#[component]
pub fn ReportForm(target: &'static str, id: i64, back: String) -> impl IntoView {
    let field = format!("melden-{target}-{id}");
    view! {
        <details class="report">
            <summary>{t("report-open")}</summary>
            <form method="post" action=ReportContent::PATH class="form">
                <input type="hidden" name="target" value=target/>
                <input type="hidden" name="target_id" value=id/>
                <input type="hidden" name="back" value=back/>
                <div class="field">
                    <label for=field.clone()>{t("report-reason")}</label>
                    <p class="field__hint" id=format!("{field}-hint")>{t("report-reason-hint")}</p>
                    <textarea id=field.clone() name="reason" rows="3" required maxlength="500"
                        aria-describedby=format!("{field}-hint")></textarea>
                </div>
                <button class="button button--secondary" type="submit">{t("report-submit")}</button>
            </form>
        </details>
    }
}

/// "Terugzetten": show a hidden item again (moderators).
#[component]
pub fn RestoreForm(target: &'static str, id: i64, back: String) -> impl IntoView {
    view! {
        <form method="post" action=RestoreContent::PATH class="inline-form">
            <input type="hidden" name="target" value=target/>
            <input type="hidden" name="target_id" value=id/>
            <input type="hidden" name="back" value=back/>
            <button class="button button--quiet" type="submit">{t("moderation-restore")}</button>
        </form>
    }
}
