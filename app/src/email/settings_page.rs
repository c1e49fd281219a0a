//! `/meldingen/instellingen`: per kind of notification, whether it also comes
//! by e-mail, at once or in the daily digest. One plain form with a radio
//! group per kind, so it works without JavaScript and with the keyboard.

use super::{api::SaveEmailPreferences, model::Delivery};
use crate::ui::page_data::{loaded_or, ErrorNotice, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::{t, t_args},
    notifications::model::Kind,
    ui::form::{first_refused, query_param, ErrorSummary, RadioGroup},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// What the page shows: the address mail goes to and the current choices.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct EmailSettings {
    /// The reader's e-mail address.
    pub email: String,
    /// Per kind, the current choice.
    pub choices: Vec<(Kind, Delivery)>,
}

async fn load() -> Result<EmailSettings, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = crate::state::use_db()?;
        let viewer = crate::accounts::viewer();
        let choices = super::service::preferences(&db, viewer.as_ref()).await?;
        let email = match &viewer {
            Some(v) => super::service::address(&db, v.id).await?,
            None => String::new(),
        };
        Ok(EmailSettings { email, choices })
    }
    #[cfg(not(feature = "ssr"))]
    Err(AppError::NotFound(String::new()))
}

/// The settings page; guests get a 401 with a way to log in.
#[component]
pub fn EmailSettingsPage() -> impl IntoView {
    let data = PageData::new(load());
    let error = first_refused(&[SaveEmailPreferences::PATH]);
    let saved = query_param("opgeslagen").is_some();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("email-settings-title"))/>
        <div class="narrow">
            <nav class="breadcrumb" aria-label=t("breadcrumb")>
                <a href="/meldingen">{t("notifications-title")}</a>
            </nav>
            <h1>{t("email-settings-title")}</h1>
            {saved.then(|| view! { <p class="notice notice--success" role="status">{t("email-settings-saved")}</p> })}
            <ErrorSummary error=error.clone()/>
            {loaded_or(data, move |settings| view! { <SettingsForm settings error=error.clone()/> }, move |e| view! {
                <ErrorNotice error=e/>
                <p><a class="button button--primary" href="/inloggen?volgende=/meldingen/instellingen">{t("nav-log-in")}</a></p>
            })}
        </div>
    }
}

#[component]
fn SettingsForm(settings: EmailSettings, error: Option<crate::ui::form::Refused>) -> impl IntoView {
    view! {
        <p class="lead">{t("email-settings-intro")}</p>
        <p>{t_args("email-settings-address", &[("email", settings.email)])}</p>
        <form method="post" action=SaveEmailPreferences::PATH class="card email-choices">
            {settings.choices.into_iter().map(|(kind, current)| {
                let options = Delivery::ALL
                    .into_iter()
                    .map(|d| (d.as_str().to_owned(), t(&d.label_key()), String::new()))
                    .collect();
                view! {
                    <RadioGroup name=kind.as_str() legend=t(&format!("email-kind-{}", kind.as_str()))
                        options selected=current.as_str().to_owned() error=error.clone()/>
                }
            }).collect_view()}
            <button class="button button--primary" type="submit">{t("email-settings-save")}</button>
        </form>
    }
}
