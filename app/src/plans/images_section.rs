//! The images of a plan on its page, and for its editors the upload form (a
//! plain multipart form) and a remove button per image.

use super::{
    api::RemovePlanImage,
    images::{PlanImage, MAX_IMAGES},
};
use crate::{
    i18n::{t, t_args},
    ui::form::{query_param, set_status},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Upload problems the page can explain (anything else is ignored).
const PROBLEMS: [&str; 6] = [
    "image_empty",
    "image_too_large",
    "image_wrong_type",
    "image_unreadable",
    "image_alt_length",
    "image_too_many",
];

/// The gallery; `editor` adds the forms. Nothing at all when there are no
/// images and the reader cannot add any.
#[component]
pub fn ImagesSection(plan_id: i64, images: Vec<PlanImage>, editor: bool) -> impl IntoView {
    if images.is_empty() && !editor {
        return ().into_any();
    }
    let problem = query_param("beeldfout")
        .and_then(|code| PROBLEMS.iter().find(|c| **c == code).copied())
        .map(|code| {
            set_status(422);
            t(&format!("error-{code}"))
        });
    let saved = query_param("beeld").is_some();
    let room = (images.len() as i64) < MAX_IMAGES;
    view! {
        <section class="section" id="beelden" aria-labelledby="beelden-titel">
            <h2 id="beelden-titel">{t("plan-images")}</h2>
            {saved.then(|| view! { <p class="notice notice--success" role="status">{t("plan-image-saved")}</p> })}
            <ul class="plan-images">
                {images.into_iter().map(|img| view! {
                    <li>
                        <figure>
                            <img src=img.src.clone() alt=img.alt.clone() width=img.width height=img.height loading="lazy"/>
                            <figcaption>{img.alt.clone()}</figcaption>
                        </figure>
                        {editor.then(|| view! {
                            <form method="post" action=RemovePlanImage::PATH class="inline-form">
                                <input type="hidden" name="image_id" value=img.id/>
                                <button class="button button--quiet" type="submit">{t("plan-image-remove")}</button>
                            </form>
                        })}
                    </li>
                }).collect_view()}
            </ul>
            // Folded away until wanted, unless the last upload needs fixing.
            {(editor && room).then(|| view! {
                <details class="card image-upload" open=problem.is_some()>
                <summary>{t("plan-image-add")}</summary>
                <form class="form" method="post" enctype="multipart/form-data" action=format!("/plannen/{plan_id}/beelden")>
                    {problem.clone().map(|p| view! { <p class="notice notice--error" role="alert">{p}</p> })}
                    <div class="field">
                        <label for="veld-alt">{t("plan-image-alt")}</label>
                        <p class="field__hint" id="veld-alt-hint">{t("plan-image-alt-hint")}</p>
                        <input id="veld-alt" name="alt" type="text" required maxlength="200" aria-describedby="veld-alt-hint"/>
                    </div>
                    <div class="field">
                        <label for="veld-beeld">{t("plan-image-file")}</label>
                        <p class="field__hint" id="veld-beeld-hint">{t_args("plan-image-file-hint", &[("max", MAX_IMAGES.to_string())])}</p>
                        <input id="veld-beeld" name="beeld" type="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="veld-beeld-hint"/>
                    </div>
                    <button class="button button--secondary" type="submit">{t("plan-image-submit")}</button>
                </form>
                </details>
            })}
        </section>
    }
    .into_any()
}
