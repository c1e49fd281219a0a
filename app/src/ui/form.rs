//! Form parts with visible labels, errors beside the field and a summary at
//! the top. Forms are plain HTML posts to server functions, so they work with
//! and without JavaScript alike.

pub use super::refused::{first_refused, refused, Refused};
use crate::{error::AppError, i18n::t};
use leptos::prelude::*;

/// Sets the HTTP status of the page being rendered.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        res.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// A query parameter of the current page.
pub fn query_param(name: &str) -> Option<String> {
    current_query()?.get(name)
}

/// The query of the page being rendered. Page loaders read it after awaiting
/// the database; by then a reader who went away has taken the page's router
/// with them, so on the server it comes from the request itself, and is
/// simply absent then (the router's hook would panic).
fn current_query() -> Option<leptos_router::params::ParamsMap> {
    #[cfg(feature = "ssr")]
    {
        // Read as the router reads it (`url`'s query pairs into a ParamsMap).
        let parts = use_context::<axum::http::request::Parts>()?;
        let query = parts.uri.query().unwrap_or_default().as_bytes();
        Some(
            form_urlencoded::parse(query)
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
        )
    }
    #[cfg(not(feature = "ssr"))]
    {
        Some(leptos_router::hooks::use_query_map().get_untracked())
    }
}

/// The summary of problems at the top of a form; each item links to its field.
#[component]
pub fn ErrorSummary(error: Option<Refused>) -> impl IntoView {
    error.map(|refused| {
        let items = match &refused.error {
            AppError::Validation { fields, .. } => fields
                .iter()
                .map(|f| view! { <li><a href=format!("#veld-{}", f.field)>{f.message.clone()}</a></li> })
                .collect_view()
                .into_any(),
            other => view! { <li>{other.to_string()}</li> }.into_any(),
        };
        view! {
            <div class="error-summary" role="alert" tabindex="-1" id="foutmeldingen">
                <h2 class="error-summary__title">{t("form-error-title")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// A field's hint followed by its length limits, so people know them
/// before they post ("… Tussen 5 en 120 tekens."); `min` 0 states only
/// the most.
pub fn with_length(hint: &str, min: usize, max: usize) -> String {
    let limits = if min > 0 {
        crate::i18n::t_args(
            "field-length",
            &[("min", min.to_string()), ("max", max.to_string())],
        )
    } else {
        crate::i18n::t_args("field-length-max", &[("max", max.to_string())])
    };
    if hint.is_empty() {
        limits
    } else {
        format!("{hint} {limits}")
    }
}

/// What the person entered in `name` before the form was refused (never a
/// password: those are not kept).
pub fn entered(refused: &Option<Refused>, name: &str) -> Option<String> {
    refused.as_ref().and_then(|r| r.value(name))
}

/// What every labelled field shares: its id (`veld-<name>`), its hint and
/// error (each with an id the control points to), so the three kinds of
/// field below differ only in their control.
struct Frame {
    id: String,
    hint: Option<(String, String)>,
    error: Option<(String, String)>,
}

impl Frame {
    fn new(name: &str, hint: Option<String>, error: &Option<Refused>) -> Frame {
        let id = format!("veld-{name}");
        Frame {
            // An empty hint is none (a caller's way to leave it out).
            hint: hint
                .filter(|h| !h.is_empty())
                .map(|h| (format!("{id}-hint"), h)),
            error: error
                .as_ref()
                .and_then(|e| e.field_message(name))
                .map(|m| (format!("{id}-fout"), m)),
            id,
        }
    }

    /// `aria-describedby`: the hint and the error, when there are any.
    fn described(&self) -> Option<String> {
        let ids: Vec<&str> = [&self.hint, &self.error]
            .into_iter()
            .flatten()
            .map(|(id, _)| id.as_str())
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// `aria-invalid`, set only when the field has an error.
    fn invalid(&self) -> Option<&'static str> {
        self.error.as_ref().map(|_| "true")
    }

    /// The label, hint and error around `control`.
    fn wrap(self, label: String, control: impl IntoView) -> impl IntoView {
        let has_error = self.error.is_some();
        view! {
            <div class="field" class:field--error=has_error>
                <label for=self.id>{label}</label>
                {self.hint.map(|(id, h)| view! { <p class="field__hint" id=id>{h}</p> })}
                {self.error.map(|(id, m)| view! { <p class="field__error" id=id>{m}</p> })}
                {control}
            </div>
        }
    }
}

/// One labelled input with an optional hint and error.
#[component]
pub fn TextField(
    /// The form field's `name`, also used for its id (`veld-<name>`).
    name: &'static str,
    /// Visible label.
    label: String,
    /// Input type (`text`, `email`, `password`, …).
    #[prop(default = "text")]
    kind: &'static str,
    /// `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Current value.
    #[prop(optional)]
    value: String,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// Fewest characters allowed (checked by the browser before posting).
    #[prop(optional)]
    minlength: Option<usize>,
    /// Most characters allowed (the browser stops typing there).
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The refused post of this form, if any: its error and what was typed.
    #[prop(default = None)]
    error: Option<Refused>,
) -> impl IntoView {
    let frame = Frame::new(name, hint, &error);
    let value = entered(&error, name).unwrap_or(value);
    let control = view! {
        <input id=frame.id.clone() name=name type=kind autocomplete=autocomplete value=value
            required=required minlength=minlength maxlength=maxlength
            aria-invalid=frame.invalid() aria-describedby=frame.described()/>
    };
    frame.wrap(label, control)
}

/// A choice from a fixed list, as a native select.
#[component]
pub fn SelectField(
    /// The form field's `name`.
    name: &'static str,
    /// Visible label.
    label: String,
    /// `(value, label)` pairs.
    options: Vec<(String, String)>,
    /// The selected value.
    selected: String,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The error to show, if any.
    #[prop(default = None)]
    error: Option<Refused>,
) -> impl IntoView {
    let frame = Frame::new(name, hint, &error);
    let selected = entered(&error, name).unwrap_or(selected);
    let control = view! {
        <select id=frame.id.clone() name=name aria-invalid=frame.invalid() aria-describedby=frame.described()>
            {options.into_iter().map(|(value, text)| {
                let is_selected = value == selected;
                view! { <option value=value selected=is_selected>{text}</option> }
            }).collect_view()}
        </select>
    };
    frame.wrap(label, control)
}

/// A labelled multi-line text field with an optional hint and error.
#[component]
pub fn TextArea(
    /// The form field's `name`, also used for its id (`veld-<name>`).
    name: &'static str,
    /// Visible label.
    label: String,
    /// Current value.
    #[prop(optional)]
    value: String,
    /// Visible rows.
    #[prop(default = 5)]
    rows: u32,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// Most characters allowed (the browser stops typing there).
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Help text under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// The error to show, if any.
    #[prop(default = None)]
    error: Option<Refused>,
) -> impl IntoView {
    let frame = Frame::new(name, hint, &error);
    let value = entered(&error, name).unwrap_or(value);
    let control = view! {
        <textarea id=frame.id.clone() name=name rows=rows required=required maxlength=maxlength
            aria-invalid=frame.invalid() aria-describedby=frame.described()>{value}</textarea>
    };
    frame.wrap(label, control)
}

/// A choice shown as radio buttons in a fieldset, each with an explanation.
#[component]
pub fn RadioGroup(
    /// The form field's `name`.
    name: &'static str,
    /// The question (legend).
    legend: String,
    /// `(value, label, explanation)` triples; an empty explanation shows none.
    options: Vec<(String, String, String)>,
    /// The chosen value.
    selected: String,
    /// The error to show, if any.
    #[prop(default = None)]
    error: Option<Refused>,
) -> impl IntoView {
    let message = error.as_ref().and_then(|e| e.field_message(name));
    let has_error = message.is_some();
    let selected = entered(&error, name).unwrap_or(selected);
    view! {
        <fieldset class="field radios" class:field--error=has_error id=format!("veld-{name}")>
            <legend>{legend}</legend>
            {message.map(|m| view! { <p class="field__error">{m}</p> })}
            {options.into_iter().map(|(value, label, explanation)| {
                let id = format!("veld-{name}-{value}");
                // An empty explanation leaves out the hint.
                let hint_id = (!explanation.is_empty()).then(|| format!("{id}-hint"));
                let checked = value == selected;
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=name value=value checked=checked
                            aria-describedby=hint_id.clone()/>
                        <label for=id>{label}</label>
                        {hint_id.map(|hint_id| view! { <p class="field__hint" id=hint_id>{explanation}</p> })}
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
