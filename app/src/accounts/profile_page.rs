//! `/profiel`: see and change your own profile.

use super::{api::UpdateProfile, model::Profile, role_options};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::form::{query_param, refused, ErrorSummary, SelectField, TextField},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Loads the profile of the logged-in person (server only).
async fn load() -> Result<Option<Profile>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some(viewer) = super::viewer() else {
            return Ok(None);
        };
        let db = crate::state::use_db()?;
        super::service::profile(&db, &viewer).await
    }
    #[cfg(not(feature = "ssr"))]
    Ok(None)
}

/// The profile page; guests are sent to the login page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let profile = PageData::new(load());
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("profile-title"))/>
        {loaded(profile, move |profile| match profile {
                Some(p) => view! { <ProfileForm profile=p/> }.into_any(),
                None => {
                    #[cfg(feature = "ssr")]
                    leptos_axum::redirect("/inloggen?volgende=/profiel");
                    view! { <p>{t("error-login-required")}</p> }.into_any()
                }
            })}
    }
}

#[component]
fn ProfileForm(profile: Profile) -> impl IntoView {
    let error = refused(UpdateProfile::PATH);
    let notice = if query_param("welkom").is_some() {
        Some(t("profile-welcome"))
    } else if query_param("opgeslagen").is_some() {
        Some(t("profile-saved"))
    } else if query_param("wachtwoord").is_some() {
        Some(t("password-changed"))
    } else if query_param("hersteld").is_some() {
        Some(t("password-reset-done"))
    } else if query_param("email").is_some() {
        Some(t("email-changed"))
    } else {
        None
    };
    view! {
        <div class="narrow">
            <h1>{t("profile-title")}</h1>
            {notice.map(|n| view! { <p class="notice notice--success" role="status">{n}</p> })}
            <p class="lead">{t("profile-intro")}</p>
            <p><a class="button button--secondary" href="/mijn-groepen">{t("nav-my-groups")}</a></p>
            <ErrorSummary error=error.clone()/>
            <form class="card form" method="post" action=UpdateProfile::PATH novalidate>
                <p class="field__static"><span class="field__static-label">{t("field-email")}</span>" "{profile.email.clone()}</p>
                <TextField name="display_name" label=t("field-display-name") autocomplete="nickname"
                    value=profile.display_name.clone() required=true error=error.clone()/>
                <SelectField name="role" label=t("field-role") options=role_options()
                    selected=profile.role.as_str().to_owned() hint=role_hint(&profile).unwrap_or_default() error=error.clone()/>
                <TextField name="neighbourhood" label=t("field-neighbourhood") autocomplete="address-level3"
                    value=profile.neighbourhood.clone() hint=t("field-optional") error=error.clone()/>
                <TextField name="municipality" label=t("field-municipality") autocomplete="address-level2"
                    value=profile.municipality.clone() hint=t("field-optional") error=error.clone()/>
                <button class="button button--primary button--wide" type="submit">{t("profile-submit")}</button>
            </form>
            <LoginDetails/>
            <YourData/>
            <section class="card form" aria-labelledby="sessies-titel">
                <h2 id="sessies-titel">{t("sessions-title")}</h2>
                <p>{t("sessions-intro")}</p>
                <form method="post" action=super::api::LogOutEverywhere::PATH>
                    <button class="button button--secondary" type="submit">{t("sessions-end-all")}</button>
                </form>
            </section>
        </div>
    }
}

/// Under a professional role: confirmed (by whom it was, where), or said by
/// the person themselves and therefore without extra rights.
fn role_hint(profile: &Profile) -> Option<String> {
    if !profile.role.is_professional() {
        return None;
    }
    Some(match &profile.confirmed {
        Some(place) => format!("{}: {place}", t("role-verified")),
        None => t("role-self-described-hint"),
    })
}

/// Changing the password and the email address; both ask for the current
/// password.
#[component]
fn LoginDetails() -> impl IntoView {
    use super::credentials_api::{ChangeEmail, ChangePassword};
    let password_error = refused(ChangePassword::PATH);
    let email_error = refused(ChangeEmail::PATH);
    view! {
        <section class="card form" aria-labelledby="wachtwoord-titel">
            <h2 id="wachtwoord-titel">{t("password-change-title")}</h2>
            <p>{t("password-change-intro")}</p>
            <ErrorSummary error=password_error.clone()/>
            <form class="form" method="post" action=ChangePassword::PATH novalidate>
                <TextField name="current_password" label=t("field-current-password") kind="password"
                    autocomplete="current-password" required=true error=password_error.clone()/>
                <TextField name="new_password" label=t("field-new-password") kind="password"
                    autocomplete="new-password" hint=t("field-password-hint") required=true
                    error=password_error.clone()/>
                <button class="button button--secondary" type="submit">{t("password-change-submit")}</button>
            </form>
        </section>
        <section class="card form" aria-labelledby="email-titel">
            <h2 id="email-titel">{t("email-change-title")}</h2>
            <ErrorSummary error=email_error.clone()/>
            <form class="form" method="post" action=ChangeEmail::PATH novalidate>
                <TextField name="new_email" label=t("field-new-email") kind="email" autocomplete="email"
                    required=true error=email_error.clone()/>
                <TextField name="email_password" label=t("field-password") kind="password"
                    autocomplete="current-password" required=true error=email_error.clone()/>
                <button class="button button--secondary" type="submit">{t("email-change-submit")}</button>
            </form>
        </section>
    }
}

/// Downloading one's data and deleting the account.
#[component]
fn YourData() -> impl IntoView {
    use crate::privacy::api::{DeleteAccount, DOWNLOAD_PATH};
    let error = refused(DeleteAccount::PATH);
    let confirm_error = error.as_ref().and_then(|e| e.field_message("confirm"));
    view! {
        <section class="card form" aria-labelledby="gegevens-titel">
            <h2 id="gegevens-titel">{t("data-title")}</h2>
            <p>{t("data-download-intro")}</p>
            <p><a class="button button--secondary" href=DOWNLOAD_PATH download="wijkplein-mijn-gegevens.json">{t("data-download")}</a></p>
            <h3>{t("delete-title")}</h3>
            <p>{t("delete-intro")}</p>
            <ErrorSummary error=error.clone()/>
            <form class="form" method="post" action=DeleteAccount::PATH novalidate>
                <TextField name="delete_password" label=t("field-password") kind="password"
                    autocomplete="current-password" required=true error=error.clone()/>
                <div class="field">
                    {confirm_error.map(|m| view! { <p class="field__error" id="veld-confirm-fout">{m}</p> })}
                    <label class="check">
                        <input type="checkbox" name="confirm" value="ja" id="veld-confirm"/>
                        " "{t("delete-confirm")}
                    </label>
                </div>
                <button class="button button--danger" type="submit">{t("delete-submit")}</button>
            </form>
        </section>
    }
}
