//! Accounts: registering, logging in and out, and the profile.
//!
//! Rules: anyone may sign up with an email address, a display name and a
//! password that is long enough and not common; the account exists once the
//! link mailed to that address is used (`signup`), and the answer to a
//! sign-up never tells whether the address had an account. Logging in with an unknown
//! email or a wrong password gives one and the same message; five failures
//! on one account from one address (or thirty from one address) within
//! fifteen minutes stop that address for a while, and failures on an account
//! slow its logins down without ever locking its owner out. Only the person
//! themselves can see and change their profile. A professional role gives
//! rights only once a platform admin has confirmed it (`professionals`).
//! Sessions are stored in the database, and the session id is renewed at
//! every login.

pub mod model;
pub mod validate;

#[cfg(feature = "ssr")]
pub mod admins;
#[cfg(feature = "ssr")]
pub mod client_address;
#[cfg(feature = "ssr")]
pub mod credentials;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod professionals;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod signup;
#[cfg(feature = "ssr")]
pub mod token;

pub mod api;
pub mod credentials_api;
pub mod login_page;
pub mod professionals_api;
pub mod professionals_page;
pub mod profile_page;
pub mod register_page;
pub mod reset_pages;

pub use model::{Role, Viewer};

/// The logged-in person for page rendering (always `None` in the browser,
/// where only islands run and they get what they need as props).
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        session::current_viewer()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The role choices for a form, with their names in the reader's language.
pub fn role_options() -> Vec<(String, String)> {
    Role::ALL
        .into_iter()
        .map(|role| (role.as_str().to_owned(), crate::i18n::t(&role.label_key())))
        .collect()
}
