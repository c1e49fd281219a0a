//! The guest challenge, solved in the browser only once a guest starts on a
//! reaction form (focus in one of its fields), in slices of a few
//! milliseconds with the page free in between. Solving at once when the page
//! woke up blocked a phone's main thread for up to a second on every visit
//! (Lighthouse's "total blocking time"), for the many who only read. A guest
//! who sends before it is done waits for the rest at that moment.

use super::challenge::solve_from;
use leptos::{ev, prelude::*};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement};

/// Nonces per slice: about 1,000 hashes, a few milliseconds on a phone.
const SLICE: u64 = 1_000;

/// Everything in one stored value: each stored type costs wasm of its own.
struct State {
    id: String,
    difficulty: u32,
    inputs: Vec<String>,
    next: u64,
    found: Option<u64>,
    started: bool,
}

/// The island's `focusin` and `submit` handlers.
pub fn handlers(
    id: String,
    difficulty: u32,
    inputs: Vec<String>,
) -> (
    impl Fn(ev::FocusEvent) + Copy,
    impl Fn(ev::SubmitEvent) + Copy,
) {
    let state = StoredValue::new(State {
        id,
        difficulty,
        inputs,
        // A random start: guests on one cached page share its challenge,
        // and must not all find the same (then used) solution.
        next: (js_sys::Math::random() * 1e15) as u64,
        found: None,
        started: false,
    });
    let on_focus = move |_: ev::FocusEvent| {
        let start = state.try_update_value(|s| !std::mem::replace(&mut s.started, true));
        if start == Some(true) {
            slice(state);
        }
    };
    let on_submit = move |event: ev::SubmitEvent| {
        let Some(form) = guest_form(&event) else {
            return;
        };
        if state.with_value(|s| s.found.is_none()) {
            event.prevent_default();
            finish(state);
            let _ = form.submit();
        }
    };
    (on_focus, on_submit)
}

/// The form being sent, if it is a guest reaction form (it has a nonce).
fn guest_form(event: &ev::SubmitEvent) -> Option<HtmlFormElement> {
    let form = event.target()?.dyn_into::<HtmlFormElement>().ok()?;
    form.query_selector("input[name=nonce]").ok()??;
    Some(form)
}

fn slice(state: StoredValue<State>) {
    let result = state.with_value(|s| match s.found {
        Some(_) => None,
        None => Some(solve_from(&s.id, s.difficulty, s.next, SLICE)),
    });
    match result {
        Some(Ok(nonce)) => fill(state, nonce),
        Some(Err(next)) => {
            state.update_value(|s| s.next = next);
            set_timeout(move || slice(state), Duration::ZERO);
        }
        None => {}
    }
}

fn finish(state: StoredValue<State>) {
    let found = state.with_value(|s| solve_from(&s.id, s.difficulty, s.next, u64::MAX - s.next));
    if let Ok(nonce) = found {
        fill(state, nonce);
    }
}

fn fill(state: StoredValue<State>, nonce: u64) {
    let value = nonce.to_string();
    state.update_value(|s| {
        s.found = Some(nonce);
        for id in &s.inputs {
            if let Some(input) = document()
                .get_element_by_id(id)
                .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            {
                input.set_value(&value);
            }
        }
    });
}
