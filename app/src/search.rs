//! Search across groups, plans, reactions and the manifest's principles, in
//! plain Dutch: words are folded and stemmed (`text`), quotes, `-` and `or`
//! read as web search engines do (`syntax`), filters are tags in the
//! index (`facets`), the index is kept in step by each write (`index`) and
//! read by `query`; `service` builds what the page (`page`) and the results as
//! you type (`live`) show. PostgreSQL uses its `dutch` full-text
//! configuration with a GIN index; SQLite uses FTS5 over words stemmed in Rust.

#[cfg(feature = "ssr")]
pub mod entry;
#[cfg(feature = "ssr")]
pub mod facets;
#[cfg(feature = "ssr")]
pub mod index;
pub mod live;
pub mod model;
pub mod page;
#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod rebuild;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod syntax;
#[cfg(feature = "ssr")]
pub mod text;
