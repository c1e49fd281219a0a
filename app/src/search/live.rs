//! Results as you type: after a short pause in typing (or a changed filter)
//! the results page is fetched for what the form now says and its results
//! (`#zoekresultaten`) are put in place: on the results page itself, where
//! the address follows so back and reload keep the search, and under the
//! search box in the header of every other page. The server renders the
//! results exactly as on a normal load; this island only moves them. Without
//! JavaScript the form simply submits.

use leptos::prelude::*;

/// How long typing must pause before a search goes out.
#[cfg(feature = "hydrate")]
const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// The id of the results on the results page.
pub const RESULTS: &str = "zoekresultaten";

/// Follows the form with id `form` and fills the element with id `region`
/// with the results; `follow_address` makes the address follow too (on the
/// results page). `announce` is read out by screen readers after an update
/// (the results themselves are not, which would be a flood).
#[island]
pub fn SearchAsYouType(
    form: String,
    region: String,
    follow_address: bool,
    announce: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        browser::follow(
            &form,
            region.clone(),
            (follow_address, announce.clone()),
            message,
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = (&form, &region, follow_address, &announce);
    });
    view! { <p class="visually-hidden" aria-live="polite">{move || message.get()}</p> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{PAUSE, RESULTS};
    use crate::live::refresh::browser::fetch_page;
    use leptos::prelude::*;
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{FormData, HtmlFormElement, UrlSearchParams};

    pub fn follow(
        form_id: &str,
        region: String,
        (follow_address, announce): (bool, String),
        message: RwSignal<String>,
    ) {
        let Some(form) = document()
            .get_element_by_id(form_id)
            .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        // Only the latest change counts: earlier timers and answers that
        // arrive late are dropped.
        let latest = Rc::new(Cell::new(0u32));
        let target = form.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            let turn = latest.get().wrapping_add(1);
            latest.set(turn);
            let (latest, form, region, announce) = (
                latest.clone(),
                target.clone(),
                region.clone(),
                announce.clone(),
            );
            set_timeout(
                move || {
                    if latest.get() != turn {
                        return;
                    }
                    let (Some((href, typed)), Some(target)) =
                        (address(&form), document().get_element_by_id(&region))
                    else {
                        return;
                    };
                    // An emptied box in the header closes its results.
                    if !typed && !follow_address {
                        target.set_inner_html("");
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        let Ok(fresh) = fetch_page(&href).await else {
                            return;
                        };
                        let Some(results) = fresh.get_element_by_id(RESULTS) else {
                            return;
                        };
                        if latest.get() != turn {
                            return;
                        }
                        target.set_inner_html(&results.inner_html());
                        if follow_address {
                            if let Ok(history) = window().history() {
                                let _ = history.replace_state_with_url(
                                    &wasm_bindgen::JsValue::NULL,
                                    "",
                                    Some(&href),
                                );
                            }
                        }
                        message.set(announce);
                    });
                },
                PAUSE,
            );
        });
        for event in ["input", "change"] {
            let _ =
                form.add_event_listener_with_callback(event, on_change.as_ref().unchecked_ref());
        }
        // The form lives as long as the page; so does its listener.
        on_change.forget();
    }

    /// The results page's address for what the form says now, and whether
    /// anything was typed.
    fn address(form: &HtmlFormElement) -> Option<(String, bool)> {
        let data = FormData::new_with_form(form).ok()?;
        let typed = data
            .get("q")
            .as_string()
            .is_some_and(|q| !q.trim().is_empty());
        let params = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        Some((
            format!("/zoeken?{}", String::from(params.to_string())),
            typed,
        ))
    }
}
