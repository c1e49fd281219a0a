//! The wasm client: it hydrates only the `#[island]` components of a page.

// The app crate must be linked in, or the linker drops the island exports and
// the browser reports "Could not find WASM function for the island".
#[allow(unused_imports)]
use app::*;

/// Entry point called by the hydration script that the server renders.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panics in the console while developing; left out of release
    // builds, where its formatting code would cost several KB of wasm.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
