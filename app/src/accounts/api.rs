//! Account server functions: thin wrappers that find the caller, check, and
//! call [`super::service`]. Each works from a plain HTML form too.

#[cfg(feature = "ssr")]
use crate::error::respond;
use crate::error::AppError;
use leptos::prelude::*;

/// Where a sign-up's link leads; the code follows as `?code=`.
pub const CONFIRM_PATH: &str = "/bevestigen";

/// Where a sign-up ends: the same page whether the address was new or taken.
pub const SIGNED_UP_PATH: &str = "/registreren?verstuurd=1";

/// Takes a sign-up and mails its address: a link that makes the account, or,
/// when the address has one, a note to its owner. The answer is the same
/// either way, so the form tells no one which addresses are known.
#[server(endpoint = "register")]
pub async fn register(
    email: String,
    display_name: String,
    password: String,
    role: String,
    next: Option<String>,
) -> Result<(), AppError> {
    respond(
        async {
            use super::{session, signup};
            use crate::limits;
            let db = crate::state::use_db()?;
            // Every attempt counts, also one with a taken address: each
            // costs a password hash.
            limits::take(&db, limits::REGISTRATIONS_PER_IP, &session::client_ip()).await?;
            let form = signup::Registration {
                email,
                display_name,
                password,
                role,
            };
            if let Some(mail) = signup::sign_up(&db, form).await? {
                send_signup_mail(mail, next.as_deref());
            }
            leptos_axum::redirect(SIGNED_UP_PATH);
            Ok(())
        }
        .await,
    )
}

/// Sends a sign-up's mail after the answer, so that how long the answer
/// takes does not tell which mail it was. A server without mail writes the
/// link to its log instead: the only way in for a local try-out, and on a
/// real site only its operator reads that.
#[cfg(feature = "ssr")]
fn send_signup_mail(mail: super::signup::SignupMail, next: Option<&str>) {
    use super::signup::SignupMail;
    use crate::email::compose;
    let lang = crate::i18n::current_lang();
    // Where the person was going, carried by the link (a local path only).
    let onward = next
        .filter(|n| !n.is_empty())
        .map(|n| {
            format!(
                "&volgende={}",
                crate::ui::urlencode(&crate::ui::safe_local_path(Some(n)))
            )
        })
        .unwrap_or_default();
    let Some(mailer) = crate::state::use_mailer() else {
        if let SignupMail::Confirm { code, email, .. } = mail {
            tracing::warn!("mail is off (no WIJKPLEIN_SMTP_URL): the sign-up of {email} is confirmed at {CONFIRM_PATH}?code={code}{onward}");
        }
        return;
    };
    let (email, name, letter) = match mail {
        SignupMail::Confirm { code, email, name } => {
            let link = format!("{}{CONFIRM_PATH}?code={code}{onward}", mailer.base_url);
            let letter = compose::signup_confirm(lang, &name, &link);
            (email, name, letter)
        }
        SignupMail::AlreadyRegistered { email, name } => {
            let letter = compose::already_registered(lang, &name, &mailer.base_url);
            (email, name, letter)
        }
    };
    tokio::spawn(async move {
        if let Err(err) = mailer.send_to(&email, &name, letter).await {
            tracing::warn!("sign-up mail not sent: {err}");
        }
    });
}

/// Makes the account of a sign-up through the link in its mail, logs the
/// person in, and takes them where they were going (`next`, a local path),
/// or to their new profile.
#[server(endpoint = "confirm_registration")]
pub async fn confirm_registration(code: String, next: Option<String>) -> Result<(), AppError> {
    respond(
        async {
            use super::{session, signup};
            let db = crate::state::use_db()?;
            let id = signup::confirm(&db, &code).await?;
            session::start(id).await?;
            match next.filter(|n| !n.is_empty()) {
                Some(next) => leptos_axum::redirect(&crate::ui::safe_local_path(Some(&next))),
                None => leptos_axum::redirect("/profiel?welkom=1"),
            }
            Ok(())
        }
        .await,
    )
}

/// Logs in and returns to `next` (a local path) or the home page.
#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    respond(
        async {
            use super::{service, session};
            let db = crate::state::use_db()?;
            let viewer =
                service::authenticate(&db, &email, &password, &session::client_ip()).await?;
            session::start(viewer.id).await?;
            leptos_axum::redirect(&crate::ui::safe_local_path(next.as_deref()));
            Ok(())
        }
        .await,
    )
}

/// Logs out and returns to the home page.
#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    respond(
        async {
            super::session::end().await?;
            leptos_axum::redirect("/");
            Ok(())
        }
        .await,
    )
}

/// Ends every session of the logged-in person, on every device and server
/// instance, this one included, and sends them to the login page.
#[server(endpoint = "log_out_everywhere")]
pub async fn log_out_everywhere() -> Result<(), AppError> {
    respond(
        async {
            let viewer = super::session::require_viewer()?;
            let db = crate::state::use_db()?;
            super::service::log_out_everywhere(&db, &viewer).await?;
            super::session::end().await?;
            leptos_axum::redirect("/inloggen?overal=1");
            Ok(())
        }
        .await,
    )
}

/// Saves the logged-in person's own profile.
#[server(endpoint = "update_profile")]
pub async fn update_profile(
    display_name: String,
    role: String,
    neighbourhood: String,
    municipality: String,
) -> Result<(), AppError> {
    respond(
        async {
            use super::{service, session};
            let viewer = session::require_viewer()?;
            let db = crate::state::use_db()?;
            service::update_profile(
                &db,
                &viewer,
                service::ProfileUpdate {
                    display_name,
                    role,
                    neighbourhood,
                    municipality,
                },
            )
            .await?;
            leptos_axum::redirect("/profiel?opgeslagen=1");
            Ok(())
        }
        .await,
    )
}
