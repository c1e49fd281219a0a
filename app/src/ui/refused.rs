//! A form post the server refused, shown again with everything the person
//! entered. After a plain form post (no JavaScript, or a form no island
//! takes over) fails, the server keeps the error and the submitted values in
//! the person's session under a one-time key and sends the browser back to
//! the form with only that key in the address (`?formulier=…`). The page
//! takes them out of the session once, shows the errors beside the fields
//! and fills the fields in again. Nothing in the address can put text on a
//! page: a key that is not in this person's session shows nothing.
//!
//! Passwords are never kept: a refused form asks for them again.

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// The query parameter that carries the one-time key.
pub const KEY_PARAM: &str = "formulier";

/// A refused post: which server function, its error, what was entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// The server function's path (`/api/register`): the form it belongs to.
    pub path: String,
    /// What the server answered.
    pub error: AppError,
    /// The submitted fields in order (a name may repeat, as for checkboxes),
    /// passwords left out.
    pub values: Vec<(String, String)>,
}

impl Refused {
    /// The message for one field, if the error names it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        self.error.field_message(field)
    }

    /// What was entered in `field` (the first value of that name).
    pub fn value(&self, field: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.clone())
    }

    /// Whether `value` was among the values sent for `field` (a ticked box).
    pub fn has(&self, field: &str, value: &str) -> bool {
        self.values.iter().any(|(n, v)| n == field && v == value)
    }
}

/// Whether a field holds a secret that must not be kept or shown again.
pub fn is_secret(field: &str) -> bool {
    field.contains("password")
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::{is_secret, Refused, KEY_PARAM};
    use crate::error::AppError;
    use tower_sessions::Session;

    /// A refused form taken out of the session for this page view; a request
    /// extension set by the session middleware.
    #[derive(Debug, Clone)]
    pub struct ShownAgain(pub Refused);

    fn session_key(key: &str) -> String {
        format!("{KEY_PARAM}:{key}")
    }

    /// The fields of a URL-encoded form body, in order.
    pub fn fields_of(body: &[u8]) -> Vec<(String, String)> {
        form_urlencoded::parse(body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    /// The server function's path and error in the redirect Leptos answers a
    /// refused plain form post with (`…?__path=…&__err=…`).
    pub fn refusal_in(location: &str) -> Option<(String, AppError)> {
        let query = location.split_once('?')?.1.split('#').next()?;
        let pairs = fields_of(query.as_bytes());
        let last = |name: &str| {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let error = server_fn::error::ServerFnUrlError::<AppError>::decode_err(&last("__err")?);
        Some((last("__path")?, error))
    }

    /// Keeps a refused post in the session and returns the one-time key.
    pub async fn keep(
        session: &Session,
        path: &str,
        error: AppError,
        fields: Vec<(String, String)>,
    ) -> Result<String, tower_sessions::session::Error> {
        let key = crate::accounts::token::new_code()[..16].to_owned();
        let values = fields
            .into_iter()
            .filter(|(name, _)| !is_secret(name))
            .collect();
        let refused = Refused {
            path: path.to_owned(),
            error,
            values,
        };
        session.insert(&session_key(&key), refused).await?;
        Ok(key)
    }

    /// The path and query of an absolute URL (`http://host/path?query#x`).
    fn path_and_query(url: &str) -> Option<(&str, &str)> {
        let (_, rest) = url.split_once("://")?;
        let rest = &rest[rest.find('/')?..];
        let rest = rest.split('#').next().unwrap_or(rest);
        Some(rest.split_once('?').unwrap_or((rest, "")))
    }

    /// Takes the refused post under `key` out of the session (once).
    pub async fn take(session: &Session, key: &str) -> Option<Refused> {
        let valid = key.len() == 16 && key.bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            return None;
        }
        match session.remove::<Refused>(&session_key(key)).await {
            Ok(found) => found,
            Err(err) => {
                tracing::warn!(error = %err, "could not read a refused form from the session");
                None
            }
        }
    }

    /// Where to send the browser back to: the local page it came from (the
    /// `Referer`), without an older key, with the new one, at the errors.
    pub fn back_to(referer: Option<&str>, key: &str) -> String {
        let page = referer
            .and_then(path_and_query)
            .map(|(path, query)| {
                let kept = form_urlencoded::parse(query.as_bytes())
                    .filter(|(k, _)| k != KEY_PARAM && k != "__path" && k != "__err");
                let mut query = form_urlencoded::Serializer::new(String::new());
                query.extend_pairs(kept);
                query.append_pair(KEY_PARAM, key);
                format!("{path}?{}", query.finish())
            })
            .unwrap_or_else(|| format!("/?{KEY_PARAM}={key}"));
        crate::ui::safe_local_path(Some(&format!("{page}#foutmeldingen")))
    }
}

/// The refused post of `fn_path` shown on this page, if the person was just
/// sent back here with one; gives the page the error's status. On the
/// client (islands) there is none: refused forms are server-rendered.
pub fn refused(fn_path: &str) -> Option<Refused> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
        let shown = parts.extensions.get::<ShownAgain>()?;
        if shown.0.path != fn_path {
            return None;
        }
        crate::ui::form::set_status(shown.0.error.status());
        Some(shown.0.clone())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = fn_path;
        None
    }
}

/// The refused post of any of these server functions shown on this page.
pub fn first_refused(fn_paths: &[&str]) -> Option<Refused> {
    fn_paths.iter().find_map(|path| refused(path))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]
mod tests {
    use super::*;

    fn sample() -> Refused {
        Refused {
            path: "/api/create_plan".into(),
            error: AppError::field("title", "plan_title_length"),
            values: vec![
                ("title".into(), "Ab".into()),
                ("principles[]".into(), "lange-termijn".into()),
                ("principles[]".into(), "gelijkwaardig".into()),
            ],
        }
    }

    #[test]
    fn values_are_found_by_name_and_boxes_by_value() {
        let r = sample();
        assert_eq!(r.value("title").as_deref(), Some("Ab"));
        assert_eq!(r.value("place"), None);
        assert!(r.has("principles[]", "gelijkwaardig"));
        assert!(!r.has("principles[]", "waarderend"));
    }

    #[test]
    fn passwords_are_secrets() {
        for name in [
            "password",
            "new_password",
            "current_password",
            "delete_password",
        ] {
            assert!(is_secret(name), "{name}");
        }
        assert!(!is_secret("email"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_leptos_form_redirect_names_the_function_and_its_error() {
        let error = AppError::field("title", "plan_title_length");
        let url = server_fn::error::ServerFnUrlError::new("/api/create_plan", error.clone())
            .to_url("http://127.0.0.1:3000/groepen/x/plannen/nieuw?a=1")
            .unwrap();
        let (path, found) = refusal_in(url.as_str()).unwrap();
        assert_eq!(path, "/api/create_plan");
        assert_eq!(found, error);
        assert!(refusal_in("/plannen/7").is_none());
        assert!(refusal_in("/profiel?welkom=1").is_none());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_way_back_is_local_and_carries_only_the_new_key() {
        let back = back_to(
            Some("http://127.0.0.1:3000/groepen/x/plannen/nieuw?formulier=0123456789abcdef&__err=eA&q=a%20b"),
            "fedcba9876543210",
        );
        assert_eq!(
            back,
            "/groepen/x/plannen/nieuw?q=a+b&formulier=fedcba9876543210#foutmeldingen"
        );
        assert_eq!(
            back_to(None, "fedcba9876543210"),
            "/?formulier=fedcba9876543210#foutmeldingen"
        );
        let elsewhere = back_to(Some("https://kwaad.example//evil"), "fedcba9876543210");
        assert!(
            elsewhere.starts_with('/') && !elsewhere.starts_with("//"),
            "{elsewhere}"
        );
    }
}
