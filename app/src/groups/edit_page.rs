//! `/groepen/nieuw` and `/groepen/:slug/bewerken`: one form to start a group
//! or to change it. Native `required`/`maxlength` hints let the browser catch
//! simple slips before sending, so nothing typed is lost; the server checks
//! everything again.

use super::model::limits::{DESCRIPTION, NAME, PLACE, QUESTION};
use super::{
    api::{CreateGroup, RemoveGroupImage, UpdateGroup},
    model::{GroupDetail, MembershipMode},
};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::form::{
        query_param, refused, set_status, with_length, ErrorSummary, RadioGroup, TextArea,
        TextField,
    },
};
use leptos::prelude::*;
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
    let error = refused(CreateGroup::PATH);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("group-new-title"))/>
        <div class="narrow">
            <nav class="breadcrumb" aria-label=t("breadcrumb")><a href="/groepen">{t("groups-title")}</a></nav>
            <h1>{t("group-new-title")}</h1>
            <p class="lead">{t("group-new-intro")}</p>
            <ErrorSummary error=error.clone()/>
            <form class="card form" method="post" action=CreateGroup::PATH novalidate>
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
    let data = PageData::new(load_for_edit(slug));
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("group-edit-title"))/>
        <div class="narrow">
            <h1>{t("group-edit-title")}</h1>
            {loaded(data, move |group| {
                let error = refused(UpdateGroup::PATH);
                let back = format!("/groepen/{}", group.summary.slug);
                let group_for_image = group.clone();
                view! {
                    <ErrorSummary error=error.clone()/>
                    <form class="card form" method="post" action=UpdateGroup::PATH novalidate>
                        <input type="hidden" name="slug" value=group.summary.slug.clone()/>
                        <GroupFields group=Some(group) error/>
                        <button class="button button--primary button--wide" type="submit">{t("group-edit-submit")}</button>
                    </form>
                    <ImageForm group=group_for_image/>
                    <p><a href=back>{t("group-back")}</a></p>
                }
            })}
        </div>
    }
}

#[component]
fn GroupFields(
    group: Option<GroupDetail>,
    error: Option<crate::ui::form::Refused>,
) -> impl IntoView {
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
            required=true minlength=NAME.0 maxlength=NAME.1 hint=with_length("", NAME.0, NAME.1) error=error.clone()/>
        <TextField name="neighbourhood" label=t("group-field-neighbourhood") autocomplete="address-level3"
            value=value(|g| g.summary.neighbourhood.clone()) required=true maxlength=PLACE.1 error=error.clone()/>
        <TextField name="municipality" label=t("group-field-municipality") autocomplete="address-level2"
            value=value(|g| g.summary.municipality.clone()) required=true maxlength=PLACE.1 error=error.clone()/>
        <TextField name="postcodes" label=t("group-field-postcodes") hint=t("group-field-postcodes-hint")
            value=value(|g| g.summary.postcodes.join(" ")) error=error.clone()/>
        <TextArea name="description" label=t("group-field-description")
            hint=with_length(&t("group-field-description-hint"), DESCRIPTION.0, DESCRIPTION.1)
            value=value(|g| g.description.clone()) rows=6 required=true maxlength=DESCRIPTION.1 error=error.clone()/>
        <RadioGroup name="mode" legend=t("group-field-mode") options=modes selected=mode.as_str().to_owned()
            error=error.clone()/>
        <TextField name="join_question" label=t("group-field-question")
            hint=with_length(&t("group-field-question-hint"), 0, QUESTION) maxlength=QUESTION
            value=value(|g| g.join_question.clone()) error=error/>
    }
}

/// The codes an image upload can come back with (see `media::ImageProblem`);
/// only these are shown, so the query string cannot put text on the page.
const IMAGE_PROBLEMS: [&str; 4] = [
    "image_empty",
    "image_too_large",
    "image_wrong_type",
    "image_unreadable",
];

/// Upload (multipart, works without JavaScript) and removal of the photo or logo.
#[component]
fn ImageForm(group: GroupDetail) -> impl IntoView {
    let slug = group.summary.slug.clone();
    let action = format!("/groepen/{slug}/beeld");
    let problem = query_param("beeldfout")
        .and_then(|code| IMAGE_PROBLEMS.iter().find(|c| **c == code).copied())
        .map(|code| {
            set_status(422);
            t(&format!("error-{code}"))
        });
    let saved = query_param("beeld")
        .is_some()
        .then(|| t("group-image-saved"));
    let current = group
        .summary
        .has_image
        .then(|| format!("/groepen/{slug}/beeld?v={}", group.updated_at));
    view! {
        <section class="card form section" id="beeld" aria-labelledby="beeld-titel">
            <h2 id="beeld-titel" class="h3">{t("group-image-title")}</h2>
            <p class="field__hint">{t("group-image-intro")}</p>
            {saved.map(|s| view! { <p class="notice notice--success" role="status">{s}</p> })}
            {current.map(|src| view! {
                <p>{t("group-image-current")}</p>
                <img class="group-head__image" src=src alt="" width="96" height="96"/>
                <form method="post" action=RemoveGroupImage::PATH>
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <button class="button button--quiet" type="submit">{t("group-image-remove")}</button>
                </form>
            })}
            <form method="post" action=action enctype="multipart/form-data" class="form">
                <div class="field" class:field--error=problem.is_some()>
                    <label for="veld-beeld">{t("group-image-field")}</label>
                    {problem.clone().map(|m| view! { <p class="field__error" id="veld-beeld-fout" role="alert">{m}</p> })}
                    <input id="veld-beeld" type="file" name="beeld" accept="image/png,image/jpeg,image/webp" required=true
                        aria-invalid=problem.as_ref().map(|_| "true")
                        aria-describedby=problem.as_ref().map(|_| "veld-beeld-fout")/>
                </div>
                <button class="button button--secondary" type="submit">{t("group-image-submit")}</button>
            </form>
        </section>
    }
}
