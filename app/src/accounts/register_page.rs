//! `/registreren`: make an account.

use super::{api::Register, role_options, Role};
use crate::ui::title::PageTitle;
use crate::{
    i18n::t,
    ui::form::{error_from_url, ErrorSummary, SelectField, TextField},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// The registration form.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let error = error_from_url(Register::PATH);
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("register-title"))/>
        <div class="narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-intro")}</p>
            <ErrorSummary error=error.clone()/>
            <form class="card form" method="post" action=Register::PATH novalidate>
                <TextField name="display_name" label=t("field-display-name") autocomplete="nickname"
                    hint=t("field-display-name-hint") required=true error=error.clone()/>
                <TextField name="email" label=t("field-email") kind="email" autocomplete="email"
                    required=true error=error.clone()/>
                <TextField name="password" label=t("field-password") kind="password" autocomplete="new-password"
                    hint=t("field-password-hint") required=true error=error.clone()/>
                <SelectField name="role" label=t("field-role") options=role_options()
                    selected=Role::Bewoner.as_str().to_owned() error=error.clone()/>
                <button class="button button--primary button--wide" type="submit">{t("register-submit")}</button>
            </form>
            <p class="aside">{t("register-have-account")}" "<a href="/inloggen">{t("nav-log-in")}</a></p>
        </div>
    }
}
