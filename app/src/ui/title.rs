//! The page's `<title>`. leptos_meta 0.8 writes the title into the page's
//! head as it is, unescaped: a plan or group named `</title><meta …>` would
//! add markup to the head of its own page (found by the XSS corpus test).
//! Every page sets its title through [`PageTitle`], which escapes it first.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page title; `text` is plain text, shown as typed.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=escape(&text)/> }
}

/// HTML-escapes the text on the server, where it becomes markup; in the
/// browser `document.title` takes plain text.
fn escape(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text.to_owned()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn markup_in_a_title_stays_text() {
        assert_eq!(
            super::escape("Bomen & </title><script>"),
            "Bomen &amp; &lt;/title&gt;&lt;script&gt;"
        );
    }
}
