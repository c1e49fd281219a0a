//! Privacy under the AVG (GDPR): a person can download everything Wijkplein
//! keeps about them, and delete their account.
//!
//! Which tables hold rows about a person is written down once, in
//! [`tables`]; the export reads every column of those rows (so a new column
//! is exported without anyone remembering to), and a test fails when a table
//! appears that is in neither list. Deleting keeps what the person wrote
//! (plans, reactions, reports) so discussions still read, under the name
//! "Oud-lid", and removes everything else that points to them.

#[cfg(feature = "ssr")]
pub mod delete;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod tables;

pub mod api;
