//! The page frame: skip link, header with navigation and language switch,
//! main area and footer. Server-rendered; it needs no JavaScript.

use crate::{
    accounts::{api::LogOut, viewer},
    i18n::{current_lang, t},
    ui::icons::{GlobeIcon, LogoMark, MenuIcon, SearchIcon},
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use server_fn::ServerFn;

/// Wraps every page.
#[component]
pub fn PageFrame(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#inhoud">{t("skip-to-content")}</a>
        <SiteHeader/>
        <main id="inhoud" class="page" tabindex="-1">{children()}</main>
        <SiteFooter/>
    }
}

/// On phones the header is one row: the name, a search button and a menu
/// button. Both are `<details>`, so they open without JavaScript; from
/// 37.5rem on, the stylesheet shows their content in the row and hides the
/// buttons (`fold-on-phone`).
#[component]
fn SiteHeader() -> impl IntoView {
    let unread = viewer().map(|v| v.unread).unwrap_or(0);
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <LogoMark/>
                    <span class="brand__name">"Wijkplein"</span>
                </a>
                <details class="fold-on-phone site-menu" name="kop">
                    <summary class="fold-button">
                        <MenuIcon/><span>{t("nav-menu")}</span>
                        {(unread > 0).then(|| view! {
                            " "<span class="badge">{unread}</span>
                            <span class="visually-hidden">" "{t("nav-notifications-unread")}</span>
                        })}
                    </summary>
                    <div class="site-menu__panel">
                        <nav class="main-nav" aria-label=t("nav-label")>
                            <ul>
                                <li><a href="/manifest">{t("nav-manifest")}</a></li>
                                <li><a href="/groepen">{t("nav-groups")}</a></li>
                                <li><a href="/plannen">{t("nav-plans")}</a></li>
                            </ul>
                        </nav>
                        <div class="header-tools">
                            <AccountLinks/>
                            <LanguageSwitch/>
                        </div>
                    </div>
                </details>
                <details class="fold-on-phone site-search" name="kop">
                    <summary class="fold-button">
                        <SearchIcon/><span class="visually-hidden">{t("search-title")}</span>
                    </summary>
                    <div class="site-search__panel">
                        <form id={crate::search::live::FORMS[0]} class="header-search" role="search" method="get" action="/zoeken"
                            data-results="kop-zoekresultaten" data-announce=t("search-live-done")>
                            <label class="visually-hidden" for="kop-zoekterm">{t("search-label")}</label>
                            <input id="kop-zoekterm" type="search" name="q" placeholder=t("search-placeholder") autocomplete="off"/>
                            <button class="button button--secondary" type="submit">{t("search-submit")}</button>
                        </form>
                        // Filled with results as you type (JavaScript only),
                        // shown over the page rather than pushing it down.
                        <div id="kop-zoekresultaten" class="search-panel"></div>
                    </div>
                </details>
                <p id=crate::search::live::ANNOUNCE class="visually-hidden" aria-live="polite"></p>
                <crate::search::live::SearchAsYouType/>
            </div>
        </header>
    }
}

#[component]
fn AccountLinks() -> impl IntoView {
    match viewer() {
        Some(v) => view! {
            {v.is_admin.then(|| view! { <a class="account-link" href="/moderatie">{t("nav-moderation")}</a> })}
            <a class="account-link" href="/mijn-groepen">{t("nav-my-groups")}</a>
            <NotificationsLink unread=v.unread/>
            <a class="account-link" href="/profiel">{v.display_name}</a>
            <form class="inline-form" method="post" action=LogOut::PATH>
                <button class="button button--quiet" type="submit">{t("nav-log-out")}</button>
            </form>
        }
        .into_any(),
        None => view! {
            <a class="account-link" href="/inloggen">{t("nav-log-in")}</a>
            <a class="button button--small" href="/registreren">{t("nav-register")}</a>
        }
        .into_any(),
    }
}

/// "Meldingen", with the number of unread ones when there are any. The
/// number stays part of the link's name, followed by a word for screen readers.
#[component]
fn NotificationsLink(unread: i64) -> impl IntoView {
    view! {
        <a class="account-link" href="/meldingen">
            {t("nav-notifications")}
            {(unread > 0).then(|| view! {
                " "<span class="badge">{unread}</span>
                <span class="visually-hidden">" "{t("nav-notifications-unread")}</span>
            })}
        </a>
    }
}

/// A plain link, so it works without JavaScript; the server sets a cookie and
/// sends the reader back to the same page.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let other = current_lang().other();
    let here = use_location();
    let back = format!(
        "{}{}",
        here.pathname.get_untracked(),
        here.search
            .get_untracked()
            .is_empty()
            .then(String::new)
            .unwrap_or_else(|| format!("?{}", here.search.get_untracked()))
    );
    let href = format!("/taal/{}?terug={}", other.code(), urlencode(&back));
    view! {
        <a class="lang-switch" href=href hreflang=other.code() lang=other.code()>
            <GlobeIcon/>
            <span>{t("lang-switch")}</span>
        </a>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{t("footer-tagline")}</p>
                <p class="muted">{t("footer-credit")}</p>
                <p class="site-footer__links">
                    <a href="/privacy">{t("privacy-title")}</a>
                    <a href="/toegankelijkheid">{t("accessibility-title")}</a>
                </p>
            </div>
        </footer>
    }
}

/// Percent-encodes a path for use inside a query value.
fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
