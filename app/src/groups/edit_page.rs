//! `/groepen/nieuw` and `/groepen/:slug/bewerken`: one form to start a group
//! or to change it. Native `required`/`maxlength` hints let the browser catch
//! simple slips before sending, so nothing typed is lost; the server checks
//! everything again.

use super::{
    api::{CreateGroup, UpdateGroup},
    model::{GroupDetail, MembershipMode},
};
use crate::{
    error::AppError,
    i18n::t,
    ui::form::{error_from_url, set_status, ErrorSummary, RadioGroup, TextArea, TextField},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// Starting a group: guests are sent to log in first.
#[component]
pub fn NewGroupPage() -> impl IntoView {
    if crate::accounts::viewer().is_none() {
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/inloggen?volgende=/groepen/nieuw");
        return view! { <p>{t("error-login-required")}</p> }.into_any();
    }
    let error = error_from_url(CreateGroup::PATH);
    view! {
        <Title text=format!("{} · Wijkplein", t("group-new-title"))/>
        <div class="narrow">
            <nav class="breadcrumb" aria-label=t("breadcrumb")><a href="/groepen">{t("groups-title")}</a></nav>
            <h1>{t("group-new-title")}</h1>
            <p class="lead">{t("group-new-intro")}</p>
            <ErrorSummary error=error.clone()/>
            <form class="card form" method="post" action=CreateGroup::PATH>
                <GroupFields group=None error/>
                <button class="button button--primary button--wide" type="submit">{t("group-new-submit")}</button>
            </form>
        </div>
    }
    .into_any()
}

async fn load_for_edit(slug: String) -> Result<GroupDetail, AppError> {
    #[cfg(feature = "ssr")]
    {
        // The management data is for coordinators only, so this also checks
        // that the reader may edit.
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        Ok(super::service::manage(&db, viewer.as_ref(), &slug)
            .await?
            .group)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        Err(AppError::NotFound(String::new()))
    }
}

/// Changing a group (coordinators).
#[component]
pub fn EditGroupPage() -> impl IntoView {
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let data = Resource::new_blocking(move || slug.clone(), load_for_edit);
    view! {
        <Title text=format!("{} · Wijkplein", t("group-edit-title"))/>
        <div class="narrow">
            <h1>{t("group-edit-title")}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(group) => {
                            let error = error_from_url(UpdateGroup::PATH);
                            let back = format!("/groepen/{}", group.summary.slug);
                            view! {
                                <ErrorSummary error=error.clone()/>
                                <form class="card form" method="post" action=UpdateGroup::PATH>
                                    <input type="hidden" name="slug" value=group.summary.slug.clone()/>
                                    <GroupFields group=Some(group) error/>
                                    <button class="button button--primary button--wide" type="submit">{t("group-edit-submit")}</button>
                                </form>
                                <p><a href=back>{t("group-back")}</a></p>
                            }.into_any()
                        }
                        Err(e) => {
                            set_status(e.status());
                            view! { <p class="notice notice--error">{e.to_string()}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn GroupFields(group: Option<GroupDetail>, error: Option<AppError>) -> impl IntoView {
    let value = |f: fn(&GroupDetail) -> String| group.as_ref().map(f).unwrap_or_default();
    let mode = group
        .as_ref()
        .map(|g| g.summary.mode)
        .unwrap_or(MembershipMode::Open);
    let modes = vec![
        (
            "open".to_owned(),
            t("group-mode-open"),
            t("group-mode-open-hint"),
        ),
        (
            "request".to_owned(),
            t("group-mode-request"),
            t("group-mode-request-hint"),
        ),
    ];
    view! {
        <TextField name="name" label=t("group-field-name") value=value(|g| g.summary.name.clone())
            required=true error=error.clone()/>
        <TextField name="neighbourhood" label=t("group-field-neighbourhood") autocomplete="address-level3"
            value=value(|g| g.summary.neighbourhood.clone()) required=true error=error.clone()/>
        <TextField name="municipality" label=t("group-field-municipality") autocomplete="address-level2"
            value=value(|g| g.summary.municipality.clone()) required=true error=error.clone()/>
        <TextField name="postcodes" label=t("group-field-postcodes") hint=t("group-field-postcodes-hint")
            value=value(|g| g.summary.postcodes.join(" ")) error=error.clone()/>
        <TextArea name="description" label=t("group-field-description") hint=t("group-field-description-hint")
            value=value(|g| g.description.clone()) rows=6 required=true maxlength=2000 error=error.clone()/>
        <RadioGroup name="mode" legend=t("group-field-mode") options=modes selected=mode.as_str().to_owned()
            error=error.clone()/>
        <TextField name="join_question" label=t("group-field-question") hint=t("group-field-question-hint")
            value=value(|g| g.join_question.clone()) error=error/>
    }
}
