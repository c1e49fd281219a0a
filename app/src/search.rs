//! Search across groups, plans, reactions and the manifest's principles, in
//! plain Dutch: words are folded and stemmed (`text`), the index is kept in
//! step by each write (`index`). PostgreSQL uses its `dutch` full-text
//! configuration with a GIN index; SQLite uses FTS5 over words stemmed in Rust.
//!
//! Work in progress (issue #9): the index and the text rules exist; the write
//! paths, the query, the page and the header box are not wired yet.

#[cfg(feature = "ssr")]
pub mod index;
pub mod page;
#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod text;
