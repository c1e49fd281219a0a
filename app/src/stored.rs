//! Values that are kept in the database as text (a phase, a role, a kind).
//!
//! Each such enum has `as_str` and `parse`; [`stored_text!`] gives it the
//! `TryFrom<String>` that rows decode through, so a value this release does
//! not know (a broken row, or one written by a newer release during a deploy)
//! is an error that names the column, never a silent default.

/// A stored text that names no known value.
#[derive(Debug, thiserror::Error)]
#[error("unknown {what} {value:?} in the database")]
pub struct UnknownValue {
    /// What was read (`phase`, `role`, ...).
    pub what: &'static str,
    /// The text found.
    pub value: String,
}

/// Implements `TryFrom<String>` through the type's `parse(&str) -> Option<Self>`.
#[macro_export]
macro_rules! stored_text {
    ($ty:ty, $what:literal) => {
        impl TryFrom<String> for $ty {
            type Error = $crate::stored::UnknownValue;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                <$ty>::parse(&value).ok_or($crate::stored::UnknownValue { what: $what, value })
            }
        }
    };
}
