//! `/wachtwoord-vergeten` (ask for a reset link) and
//! `/wachtwoord-herstellen?code=…` (choose a new password with it).

use super::credentials_api::{RequestPasswordReset, ResetPassword};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::form::{query_param, refused, ErrorSummary, TextField},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Whether this server sends e-mail at all (server only; a reset needs it).
pub(crate) fn sends_mail() -> bool {
    #[cfg(feature = "ssr")]
    {
        crate::state::use_mailer().is_some()
    }
    #[cfg(not(feature = "ssr"))]
    false
}

/// Ask for a reset link by email address.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let error = refused(RequestPasswordReset::PATH);
    let sent = query_param("verstuurd").is_some();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("reset-request-title"))/>
        <div class="narrow">
            <h1>{t("reset-request-title")}</h1>
            {if sent {
                view! { <p class="notice notice--success" role="status">{t("reset-request-sent")}</p> }.into_any()
            } else if !sends_mail() {
                view! { <p class="notice">{t("reset-no-mail")}</p> }.into_any()
            } else {
                view! {
                    <p class="lead">{t("reset-request-intro")}</p>
                    <ErrorSummary error=error.clone()/>
                    <form class="card form" method="post" action=RequestPasswordReset::PATH novalidate>
                        <TextField name="email" label=t("field-email") kind="email" autocomplete="email"
                            required=true error=error.clone()/>
                        <button class="button button--primary button--wide" type="submit">{t("reset-request-submit")}</button>
                    </form>
                }.into_any()
            }}
            <p class="aside"><a href="/inloggen">{t("reset-back-to-login")}</a></p>
        </div>
    }
}

/// Whether the link's code still works (server only).
async fn load_usable(code: String) -> Result<bool, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        super::credentials::reset_is_usable(&db, &code).await
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = code;
        Ok(false)
    }
}

/// Choose a new password with the code from the mail.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let code = query_param("code").unwrap_or_default();
    let usable = PageData::new(load_usable(code.clone()));
    let error = refused(ResetPassword::PATH);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("reset-title"))/>
        <div class="narrow">
            <h1>{t("reset-title")}</h1>
            {loaded(usable, move |usable| {
                if usable {
                    view! {
                        <p class="lead">{t("reset-intro")}</p>
                        <ErrorSummary error=error.clone()/>
                        <form class="card form" method="post" action=ResetPassword::PATH novalidate>
                            <input type="hidden" name="code" value=code.clone()/>
                            <TextField name="new_password" label=t("field-new-password") kind="password"
                                autocomplete="new-password" hint=t("field-password-hint")
                                required=true error=error.clone()/>
                            <button class="button button--primary button--wide" type="submit">{t("reset-submit")}</button>
                        </form>
                    }.into_any()
                } else {
                    view! {
                        <p class="notice">{t("error-reset-link-invalid")}</p>
                        <p><a class="button button--secondary" href="/wachtwoord-vergeten">{t("reset-ask-again")}</a></p>
                    }.into_any()
                }
            })}
        </div>
    }
}
