//! Inline SVG icons drawn for Wijkplein; decorative ones are hidden from
//! screen readers, since the text next to them says the same.

use leptos::prelude::*;

/// The Wijkplein mark: three roofs around a square.
#[component]
pub fn LogoMark() -> impl IntoView {
    view! {
        <svg class="logo-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="30" height="30" rx="9" fill="currentColor"/>
            <path d="M8 15l4-4 4 4v8H8z M16 15l4-4 4 4v8h-8z" fill="var(--color-on-primary)"/>
            <circle cx="16" cy="25.5" r="1.6" fill="var(--color-accent)"/>
        </svg>
    }
}

/// A small globe for the language switch.
#[component]
pub fn GlobeIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
            <circle cx="12" cy="12" r="9"/>
            <path d="M3 12h18M12 3c3 3.2 3 14.8 0 18M12 3c-3 3.2-3 14.8 0 18"/>
        </svg>
    }
}

/// A magnifier for the header's search button on phones.
#[component]
pub fn SearchIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <circle cx="10.5" cy="10.5" r="6.5"/>
            <path d="M15.5 15.5L20 20"/>
        </svg>
    }
}

/// Three lines for the header's menu button on phones.
#[component]
pub fn MenuIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <path d="M4 7h16M4 12h16M4 17h16"/>
        </svg>
    }
}
