//! `/inloggen`: log in.

use super::api::LogIn;
use crate::ui::title::PageTitle;
use crate::{
    i18n::t,
    ui::{
        form::{query_param, refused, ErrorSummary, TextField},
        safe_local_path,
    },
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The login form; `?volgende=/pad` says where to go afterwards.
#[component]
pub fn LoginPage() -> impl IntoView {
    let error = refused(LogIn::PATH);
    let next = safe_local_path(query_param("volgende").as_deref());
    let next_for_link = next.clone();
    let everywhere = query_param("overal").is_some();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("login-title"))/>
        <div class="narrow">
            <h1>{t("login-title")}</h1>
            <p class="lead">{t("login-intro")}</p>
            {everywhere.then(|| view! { <p class="notice notice--success" role="status">{t("sessions-ended")}</p> })}
            <ErrorSummary error=error.clone()/>
            <form class="card form" method="post" action=LogIn::PATH novalidate>
                <input type="hidden" name="next" value=next/>
                <TextField name="email" label=t("field-email") kind="email" autocomplete="username"
                    required=true error=error.clone()/>
                <TextField name="password" label=t("field-password") kind="password"
                    autocomplete="current-password" required=true error=error.clone()/>
                <button class="button button--primary button--wide" type="submit">{t("login-submit")}</button>
            </form>
            <p class="aside"><a href="/wachtwoord-vergeten">{t("login-forgot")}</a></p>
            <p class="aside">{t("login-no-account")}" "<a href=format!("/registreren?volgende={}", crate::ui::urlencode(&next_for_link))>{t("nav-register")}</a></p>
        </div>
    }
}
