//! Wijkplein: a platform for neighbourhood development, after the LSA's
//! "Manifest voor een succesvolle wijkaanpak".
//!
//! The server renders every page; only `#[island]` components are hydrated in
//! the browser. Modules are split by domain (see `../shared/STYLE.md`).

#![recursion_limit = "256"]

pub mod accounts;
pub mod discussion;
pub mod email;
pub mod error;
pub mod groups;
pub mod home;
pub mod i18n;
pub mod live;
pub mod manifest;
pub mod moderation;
pub mod notifications;
pub mod pages;
pub mod plans;
pub mod privacy;
pub mod pwa;
pub mod search;
pub mod statements;
pub mod stored;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod assets;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "testing")]
pub mod testing;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Link};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around every page.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = i18n::current_lang();
    assets::provide_request_nonce();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1d5c55"/>
                <meta name="color-scheme" content="light dark"/>
                // Installable: the web app manifest, and what iOS reads instead.
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>
                <meta name="mobile-web-app-capable" content="yes"/>
                <meta name="apple-mobile-web-app-capable" content="yes"/>
                <meta name="apple-mobile-web-app-title" content="Wijkplein"/>
                // Names with a hash of their content (cargo-leptos
                // `hash-files`), so browsers may keep them for good.
                <assets::BuildAssets options/>
                <script nonce=leptos::nonce::use_nonce()>{pwa::LOAD_SCRIPT}</script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// public/favicon.svg as a data URL.
const FAVICON: &str = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect x='1' y='1' width='30' height='30' rx='9' fill='%231d5c55'/%3E%3Cpath d='M8 15l4-4 4 4v8H8zM16 15l4-4 4 4v8h-8z' fill='%23fff'/%3E%3Ccircle cx='16' cy='25.5' r='1.6' fill='%23f2a541'/%3E%3C/svg%3E";

/// The routes of the site.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // Inline: one request less on every first visit (the file stays for
        // whoever asks for it).
        <Link rel="icon" type_="image/svg+xml" href=FAVICON/>
        <Router>
            <ui::layout::PageFrame>
                <Routes fallback=pages::NotFoundPage>
                    <Route path=path!("") view=home::HomePage/>
                    <Route path=path!("registreren") view=accounts::register_page::RegisterPage/>
                    <Route path=path!("bevestigen") view=accounts::register_page::ConfirmSignupPage ssr=SsrMode::Async/>
                    <Route path=path!("inloggen") view=accounts::login_page::LoginPage/>
                    <Route path=path!("wachtwoord-vergeten") view=accounts::reset_pages::ForgotPasswordPage/>
                    <Route path=path!("wachtwoord-herstellen") view=accounts::reset_pages::ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("profiel") view=accounts::profile_page::ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("manifest") view=manifest::page::ManifestPage ssr=SsrMode::Async/>
                    <Route path=path!("manifest/principes/:slug") view=manifest::principle_page::PrincipleEntryPage ssr=SsrMode::Async/>
                    <Route path=path!("beheer/rollen") view=accounts::professionals_page::ProfessionalsPage ssr=SsrMode::Async/>
                    <Route path=path!("beheer/reacties") view=discussion::moderation_page::ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("groepen") view=groups::directory_page::DirectoryPage ssr=SsrMode::Async/>
                    <Route path=path!("groepen/nieuw") view=groups::edit_page::NewGroupPage/>
                    <Route path=path!("groepen/:slug") view=groups::group_page::GroupPage ssr=SsrMode::Async/>
                    <Route path=path!("groepen/:slug/beheer") view=groups::manage_page::ManageGroupPage ssr=SsrMode::Async/>
                    <Route path=path!("groepen/:slug/plannen/nieuw") view=plans::new_page::NewPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("plannen/:id") view=plans::plan_page::PlanPage ssr=SsrMode::Async/>
                    <Route path=path!("plannen/:id/bewerken") view=plans::edit_page::EditPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("groepen/:slug/bewerken") view=groups::edit_page::EditGroupPage ssr=SsrMode::Async/>
                    <Route path=path!("mijn-groepen") view=groups::mine_page::MyGroupsPage ssr=SsrMode::Async/>
                    <Route path=path!("plannen") view=plans::list_page::PlanListPage ssr=SsrMode::Async/>
                    <Route path=path!("meldingen") view=notifications::page::NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("meldingen/instellingen") view=email::settings_page::EmailSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("zoeken") view=search::page::SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("offline") view=pages::OfflinePage/>
                    <Route path=path!("privacy") view=statements::PrivacyPage/>
                    <Route path=path!("account-verwijderd") view=privacy::api::AccountDeletedPage/>
                    <Route path=path!("toegankelijkheid") view=statements::AccessibilityPage/>
                    <Route path=path!("moderatie") view=moderation::queue_page::QueuePage ssr=SsrMode::Async/>
                    <Route path=path!("moderatie/logboek") view=moderation::log_page::LogPage ssr=SsrMode::Async/>
                </Routes>
            </ui::layout::PageFrame>
        </Router>
    }
}
