//! The browser side of live updates: an island that listens to the page's
//! event stream and, on each event, fetches the page again and swaps in the
//! parts that changed. The server renders those parts exactly as on a normal
//! load (in the reader's language, with their own buttons), so nothing is
//! rendered twice in two ways. Without JavaScript the page simply shows the
//! news on the next load.

use leptos::prelude::*;

/// Listens on `source` (an SSE path) and refreshes the elements with the ids
/// in `regions`. A region the reader is busy in (focus inside, or an open
/// reply form) is left alone; `busy_note` then says there is news. `announce`
/// is read out by screen readers after an update.
#[island]
pub fn LiveRefresh(
    source: String,
    regions: Vec<String>,
    announce: String,
    busy_note: String,
) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let connected = RwSignal::new(false);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        browser::listen(
            &source,
            regions.clone(),
            (announce.clone(), busy_note.clone()),
            message,
            connected,
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = (&source, &regions, &announce, &busy_note, connected);
    });
    // `data-connected` tells tests (and the curious) the stream is open.
    view! {
        <p
            class=move || if message.get().is_empty() { "live-note" } else { "live-note live-note--shown" }
            aria-live="polite"
            data-connected=move || connected.get().then_some("1")
        >
            {move || message.get()}
        </p>
    }
}

#[cfg(feature = "hydrate")]
pub(crate) mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::{closure::Closure, JsCast};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DomParser, Element, EventSource, Response, SupportedType};

    pub fn listen(
        source: &str,
        regions: Vec<String>,
        (announce, busy_note): (String, String),
        message: RwSignal<String>,
        connected: RwSignal<bool>,
    ) {
        let Ok(events) = EventSource::new(source) else {
            return;
        };
        let on_open = Closure::<dyn FnMut()>::new(move || connected.set(true));
        events.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();
        let on_message = Closure::<dyn FnMut()>::new(move || {
            let (regions, announce, busy_note) =
                (regions.clone(), announce.clone(), busy_note.clone());
            leptos::task::spawn_local(async move {
                let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
                    return;
                };
                if let Ok(fresh) = fetch_page(&href).await {
                    let all_swapped = swap(&fresh, &regions);
                    message.set(if all_swapped { announce } else { busy_note });
                }
            });
        });
        events.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The stream lives as long as the page; so do its handler and source.
        on_message.forget();
        std::mem::forget(events);
    }

    /// Fetches the page at `href` as the server renders it.
    pub async fn fetch_page(href: &str) -> Result<web_sys::Document, ()> {
        let window = web_sys::window().ok_or(())?;
        let response: Response = JsFuture::from(window.fetch_with_str(href))
            .await
            .map_err(|_| ())?
            .dyn_into()
            .map_err(|_| ())?;
        let html = JsFuture::from(response.text().map_err(|_| ())?)
            .await
            .map_err(|_| ())?
            .as_string()
            .ok_or(())?;
        DomParser::new()
            .map_err(|_| ())?
            .parse_from_string(&html, SupportedType::TextHtml)
            .map_err(|_| ())
    }

    /// Swaps each region of this page for the same one in `fresh`; `false`
    /// when a region was skipped because the reader is working in it.
    pub fn swap(fresh: &web_sys::Document, regions: &[String]) -> bool {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let mut all = true;
        for id in regions {
            let (Some(old), Some(new)) =
                (document.get_element_by_id(id), fresh.get_element_by_id(id))
            else {
                continue;
            };
            if busy(&document, &old) {
                all = false;
            } else {
                old.set_inner_html(&new.inner_html());
            }
        }
        all
    }

    /// Whether the reader is typing or has a reply form open in `region`.
    fn busy(document: &web_sys::Document, region: &Element) -> bool {
        let focused = document
            .active_element()
            .is_some_and(|el| region.contains(Some(&el)));
        focused
            || region
                .query_selector("details[open]")
                .ok()
                .flatten()
                .is_some()
    }
}
