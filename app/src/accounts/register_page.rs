//! `/registreren` (sign up; afterwards the same "look in your inbox" answer
//! for every address) and `/bevestigen?code=…` (the link from the mail: one
//! button makes the account, so a mail program that opens links to check
//! them uses nothing up).

use super::validate::{NAME_MAX, NAME_MIN};
use super::{
    api::{ConfirmRegistration, Register},
    reset_pages::sends_mail,
    role_options, Role,
};
use crate::error::AppError;
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    i18n::{t, t_args},
    ui::form::{query_param, refused, with_length, ErrorSummary, SelectField, TextField},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The sign-up form, or what happens next once it was sent.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let error = refused(Register::PATH);
    let sent = query_param("verstuurd").is_some();
    // Where the person was going: kept through the mail's link.
    let next = query_param("volgende").map(|n| crate::ui::safe_local_path(Some(&n)));
    let login = match &next {
        Some(next) => format!("/inloggen?volgende={}", crate::ui::urlencode(next)),
        None => "/inloggen".to_owned(),
    };
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("register-title"))/>
        <div class="narrow">
            {if sent {
                view! {
                    <h1>{t("signup-sent-title")}</h1>
                    <p class="notice notice--success" role="status">{t("signup-sent")}</p>
                    <p>{t("signup-sent-nothing")}</p>
                    <p><a class="button button--secondary" href="/registreren">{t("confirm-signup-again")}</a></p>
                }.into_any()
            } else {
                view! {
                    <h1>{t("register-title")}</h1>
                    <p class="lead">{t("register-intro")}</p>
                    {(!sends_mail()).then(|| view! { <p class="notice">{t("signup-no-mail")}</p> })}
                    <ErrorSummary error=error.clone()/>
                    <form class="card form" method="post" action=Register::PATH novalidate>
                        {next.clone().map(|next| view! { <input type="hidden" name="next" value=next/> })}
                        <TextField name="display_name" label=t("field-display-name") autocomplete="nickname"
                            hint=with_length(&t("field-display-name-hint"), NAME_MIN, NAME_MAX)
                            minlength=NAME_MIN maxlength=NAME_MAX required=true error=error.clone()/>
                        <TextField name="email" label=t("field-email") kind="email" autocomplete="email"
                            required=true error=error.clone()/>
                        <TextField name="password" label=t("field-password") kind="password" autocomplete="new-password"
                            hint=t("field-password-hint") required=true error=error.clone()/>
                        <SelectField name="role" label=t("field-role") options=role_options()
                            selected=Role::Bewoner.as_str().to_owned() error=error.clone()/>
                        <button class="button button--primary button--wide" type="submit">{t("register-submit")}</button>
                    </form>
                    <p class="aside">{t("register-have-account")}" "<a href=login.clone()>{t("nav-log-in")}</a></p>
                }.into_any()
            }}
        </div>
    }
}

/// The name and address of the sign-up behind `code`, while its link works
/// (server only).
async fn load_waiting(code: String) -> Result<Option<(String, String)>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        Ok(super::signup::waiting(&db, &code)
            .await?
            .map(|w| (w.display_name, w.email)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = code;
        Ok(None)
    }
}

/// Confirm a sign-up with the code from the mail.
#[component]
pub fn ConfirmSignupPage() -> impl IntoView {
    let code = query_param("code").unwrap_or_default();
    let next = query_param("volgende").map(|n| crate::ui::safe_local_path(Some(&n)));
    let waiting = PageData::new(load_waiting(code.clone()));
    let error = refused(ConfirmRegistration::PATH);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("confirm-title"))/>
        <div class="narrow">
            <h1>{t("confirm-title")}</h1>
            <ErrorSummary error=error.clone()/>
            {loaded(waiting, move |waiting| match waiting {
                Some((name, email)) => view! {
                    <p class="lead">{t_args("confirm-intro", &[("name", name), ("email", email)])}</p>
                    <form class="card form" method="post" action=ConfirmRegistration::PATH>
                        <input type="hidden" name="code" value=code.clone()/>
                        {next.clone().map(|next| view! { <input type="hidden" name="next" value=next/> })}
                        <button class="button button--primary button--wide" type="submit">{t("confirm-submit")}</button>
                    </form>
                }.into_any(),
                None => view! {
                    // A refused confirmation already says why above.
                    {error.is_none().then(|| view! { <p class="notice">{t("error-signup-link-invalid")}</p> })}
                    <p>
                        <a class="button button--secondary" href="/registreren">{t("confirm-signup-again")}</a>
                        " "
                        <a class="button button--quiet" href="/inloggen">{t("nav-log-in")}</a>
                    </p>
                }.into_any(),
            })}
        </div>
    }
}
