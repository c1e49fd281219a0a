//! Results as you type: after a short pause in typing (or a changed filter)
//! the results page is fetched for what the form now says and its results
//! (`#zoekresultaten`) are put in place: on the results page itself, where
//! the address follows so back and reload keep the search, and under the
//! search box in the header of every other page. The server renders the
//! results exactly as on a normal load; this island only moves them. Without
//! JavaScript the form simply submits.
//!
//! One island in the header serves both forms ([`FORMS`]). It takes no
//! props: each form says where its results go in `data-results`, and
//! `data-follow` when the address should follow (props would each cost a
//! deserializer in the wasm, which has no room to spare).

use leptos::prelude::*;

/// The id of the results on the results page.
pub const RESULTS: &str = "zoekresultaten";
/// The id of the (visually hidden) line that tells screen readers the
/// results changed; the results themselves are not read out, which would be
/// a flood.
pub const ANNOUNCE: &str = "zoek-melding";

/// The ids of the forms that search as you type: the header's, the page's.
pub const FORMS: [&str; 2] = ["kopzoeken", "zoekformulier"];

/// Wires up the search forms on the page.
#[island]
pub fn SearchAsYouType() -> impl IntoView {
    // An island's body runs once in the browser, when it wakes up.
    #[cfg(feature = "hydrate")]
    browser::follow_all();
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{ANNOUNCE, FORMS, RESULTS};
    use crate::live::refresh::browser::fetch_page;
    use leptos::prelude::*;
    use std::{cell::Cell, rc::Rc, time::Duration};
    use wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::HtmlFormElement;

    /// How long typing must pause before a search goes out.
    const PAUSE: Duration = Duration::from_millis(300);

    pub fn follow_all() {
        for id in FORMS {
            if let Some(form) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
            {
                follow(form);
            }
        }
    }

    fn follow(form: HtmlFormElement) {
        // Only the latest change counts: earlier timers and answers that
        // arrive late are dropped.
        let latest = Rc::new(Cell::new(0u32));
        let target = form.clone();
        let changed = Rc::new(move || {
            let turn = latest.get().wrapping_add(1);
            latest.set(turn);
            let (latest, form) = (latest.clone(), target.clone());
            set_timeout(move || search(&form, &latest, turn), PAUSE);
        });
        let on_change = Closure::<dyn FnMut()>::new({
            let changed = changed.clone();
            move || changed()
        });
        for event in ["input", "change"] {
            let _ =
                form.add_event_listener_with_callback(event, on_change.as_ref().unchecked_ref());
        }
        // Words typed before the island woke up (the wasm may arrive after
        // the reader started) count as typed now.
        if typed_before_waking(&form) {
            changed();
        }
        // The form lives as long as the page; so does its listener.
        on_change.forget();
    }

    /// Whether the search box no longer says what the server put in it.
    fn typed_before_waking(form: &HtmlFormElement) -> bool {
        let rendered = form
            .query_selector("[name=q]")
            .ok()
            .flatten()
            .and_then(|input| input.get_attribute("value"))
            .unwrap_or_default();
        crate::ui::enhance::form_fields(form)
            .and_then(|params| params.get("q"))
            .is_some_and(|now| now != rendered)
    }

    fn search(form: &HtmlFormElement, latest: &Rc<Cell<u32>>, turn: u32) {
        let region = form.get_attribute("data-results").unwrap_or_default();
        let follow_address = form.get_attribute("data-follow").is_some();
        let (Some((href, typed)), Some(target)) =
            (address(form), document().get_element_by_id(&region))
        else {
            return;
        };
        if latest.get() != turn {
            return;
        }
        // An emptied box in the header closes its results.
        if !typed && !follow_address {
            target.set_inner_html("");
            return;
        }
        let (latest, form) = (latest.clone(), form.clone());
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
            if let Some(line) = document().get_element_by_id(ANNOUNCE) {
                line.set_text_content(form.get_attribute("data-announce").as_deref());
            }
        });
    }

    /// The results page's address for what the form says now, and whether
    /// anything was typed.
    fn address(form: &HtmlFormElement) -> Option<(String, bool)> {
        let params = crate::ui::enhance::form_fields(form)?;
        let typed = params.get("q").is_some_and(|q| !q.trim().is_empty());
        Some((
            format!("/zoeken?{}", String::from(params.to_string())),
            typed,
        ))
    }
}
