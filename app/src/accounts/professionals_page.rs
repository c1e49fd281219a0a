//! `/beheer/rollen`: platform admins confirm professional roles. Everyone
//! who calls themselves a civil servant, community worker or
//! housing-corporation worker is listed; an admin who has checked the
//! person's work (a call, a mail from the organisation's own domain) enters
//! the organisation and the municipality and confirms. Only then may the
//! person give account on plans there.

use super::professionals_api::{ConfirmProfessional, EndProfessionalConfirmation};
use crate::ui::page_data::{loaded, PageData};
use crate::ui::title::PageTitle;
use crate::{
    error::AppError,
    i18n::t,
    ui::form::{first_refused, query_param, ErrorSummary},
};
use leptos::prelude::*;
use server_fn::ServerFn;

/// One listed person, as the page shows them.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Professional {
    /// Their address: what the forms name them by.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Translation key of their role.
    pub role_key: String,
    /// Confirmed municipality, or the one on their profile.
    pub municipality: String,
    /// Confirmed organisation ('' when not confirmed).
    pub organisation: String,
    /// Whether the role is confirmed.
    pub confirmed: bool,
}

async fn load() -> Result<Vec<Professional>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let viewer = super::session::require_viewer()?;
        let db = crate::state::use_db()?;
        Ok(super::professionals::list_as(&db, &viewer)
            .await?
            .into_iter()
            .map(|p| Professional {
                email: p.email,
                name: p.display_name,
                role_key: p.role.label_key(),
                municipality: p.municipality,
                organisation: p.organisation,
                confirmed: p.verified,
            })
            .collect())
    }
    #[cfg(not(feature = "ssr"))]
    Ok(Vec::new())
}

/// The list of professional roles; only for platform admins (others get
/// 401/403).
#[component]
pub fn ProfessionalsPage() -> impl IntoView {
    let list = PageData::new(load());
    let error = first_refused(&[ConfirmProfessional::PATH, EndProfessionalConfirmation::PATH]);
    let done = query_param("klaar").is_some();
    view! {
        <PageTitle text=format!("{} · Wijkplein", t("roles-title"))/>
        <div class="narrow">
            <h1>{t("roles-title")}</h1>
            <p class="lead">{t("roles-intro")}</p>
            {done.then(|| view! { <p class="notice notice--success" role="status">{t("roles-saved")}</p> })}
            <ErrorSummary error/>
            {loaded(list, move |list| {
                if list.is_empty() {
                    view! { <p class="empty">{t("roles-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="role-list">
                            {list.into_iter().enumerate().map(|(n, p)| view! { <ProfessionalItem n p/> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </div>
    }
}

#[component]
fn ProfessionalItem(n: usize, p: Professional) -> impl IntoView {
    let (organisation_id, municipality_id) =
        (format!("rol-{n}-organisatie"), format!("rol-{n}-gemeente"));
    let action = if p.confirmed {
        view! {
            <p>{format!("{}, {}", p.organisation, p.municipality)}</p>
            <form method="post" action=EndProfessionalConfirmation::PATH>
                <input type="hidden" name="email" value=p.email.clone()/>
                <button type="submit" class="button button--secondary">{t("roles-end")}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <form class="form" method="post" action=ConfirmProfessional::PATH>
                <input type="hidden" name="email" value=p.email.clone()/>
                <div class="field">
                    <label for=organisation_id.clone()>{t("field-organisation")}</label>
                    <input id=organisation_id name="organisation" type="text" required=true/>
                </div>
                <div class="field">
                    <label for=municipality_id.clone()>{t("field-municipality")}</label>
                    <input id=municipality_id name="municipality" type="text" required=true value=p.municipality.clone()/>
                </div>
                <button type="submit" class="button button--primary">{t("roles-confirm")}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <li class="card role-list__item">
            <h2 class="role-list__name">{p.name.clone()}</h2>
            <p class="muted">{format!("{} · {} ", p.email, t(&p.role_key))}
                {if p.confirmed {
                    view! { <span class="tag tag--success">{t("role-verified")}</span> }.into_any()
                } else {
                    view! { <span class="tag tag--quiet">{t("roles-self-described")}</span> }.into_any()
                }}
            </p>
            {action}
        </li>
    }
}
