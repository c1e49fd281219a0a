//! Page weight: what a first visit to a page costs on the wire (compressed as
//! the server sends it to a browser that accepts brotli), split by kind, and
//! what a second visit costs when the browser keeps what it may keep.

use std::error::Error;

/// Bytes on the wire for one visit.
#[derive(Debug, Default, Clone)]
pub struct Weight {
    pub html: u64,
    pub css: u64,
    pub js: u64,
    pub wasm: u64,
    /// A second visit: the HTML again; assets marked cacheable (`max-age`,
    /// `immutable`) cost nothing, others are asked for again with
    /// `If-Modified-Since` (measured).
    pub second_visit: u64,
}

impl Weight {
    pub fn total(&self) -> u64 {
        self.html + self.css + self.js + self.wasm
    }
}

/// The assets a page asks for on load: its stylesheet, its script and the
/// wasm that script loads (the names the page links to).
fn assets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for part in html.split(['"', '\'']) {
        if part.starts_with("/pkg/")
            && (part.ends_with(".css") || part.ends_with(".js") || part.ends_with(".wasm"))
            && !found.iter().any(|f| f == part)
        {
            found.push(part.to_owned());
        }
    }
    found
}

/// Measures a first and a second visit to `path`.
pub fn visit(base: &str, path: &str) -> Result<Weight, Box<dyn Error>> {
    let html = String::from_utf8(crate::http::body(&format!("{base}{path}"))?)?;
    let mut weight = Weight::default();
    let page = crate::http::wire(&format!("{base}{path}"), None)?;
    weight.html = page.bytes;
    weight.second_visit = page.bytes;
    for asset in assets(&html) {
        let url = format!("{base}{asset}");
        let first = crate::http::wire(&url, None)?;
        match asset.rsplit('.').next() {
            Some("css") => weight.css += first.bytes,
            Some("js") => weight.js += first.bytes,
            _ => weight.wasm += first.bytes,
        }
        let cached =
            first.cache_control.contains("immutable") || first.cache_control.contains("max-age");
        if !cached {
            let since = Some(first.last_modified.as_str()).filter(|s| !s.is_empty());
            weight.second_visit += crate::http::wire(&url, since)?.bytes;
        }
    }
    Ok(weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_assets_a_page_loads() {
        let html = r#"<link rel="stylesheet" href="/pkg/wijkplein.css"><link rel="modulepreload" href="/pkg/wijkplein.js"><link rel="preload" href="/pkg/wijkplein.wasm" as="fetch"><script type="module">import('/pkg/wijkplein.js')</script><a href="/pkg/notes.txt">"#;
        assert_eq!(
            assets(html),
            [
                "/pkg/wijkplein.css",
                "/pkg/wijkplein.js",
                "/pkg/wijkplein.wasm"
            ]
        );
    }
}
