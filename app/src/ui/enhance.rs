//! Progressive enhancement for plain forms inside islands: post the form with
//! `fetch` and hand back the server function's JSON answer, so the island can
//! update the page in place. Written against the browser's own `fetch`
//! instead of Leptos' `ServerAction`: the server-function client would add
//! roughly 80 KB (brotli) to the wasm, more than the page's whole budget.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, Headers, HtmlFormElement, RequestInit, Response, UrlSearchParams};

/// The fields of `form`, URL-encoded, as a browser would send them.
pub fn form_fields(form: &HtmlFormElement) -> Option<UrlSearchParams> {
    let data = FormData::new_with_form(form).ok()?;
    UrlSearchParams::new_with_str_sequence_sequence(&data).ok()
}

/// Posts `form` to its `action` as a URL-encoded body, asking for JSON.
/// Returns the HTTP status and the body text; `Err` when the network failed.
pub async fn post_form(form: &HtmlFormElement) -> Result<(u16, String), ()> {
    let body = form_fields(form).ok_or(())?;
    let headers = Headers::new().map_err(|_| ())?;
    headers.set("Accept", "application/json").map_err(|_| ())?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body);
    let window = web_sys::window().ok_or(())?;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init))
        .await
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let text = JsFuture::from(response.text().map_err(|_| ())?)
        .await
        .map_err(|_| ())?;
    Ok((response.status(), text.as_string().unwrap_or_default()))
}
