//! The server's tests through the real router, on SQLite and PostgreSQL, as
//! one test binary: linking each file as a binary of its own cost minutes per
//! CI run.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

mod common;

mod accounts_http;
mod authorization_http;
mod authorization_world;
mod backup;
mod bad_input_http;
mod client_address_http;
mod credentials_http;
mod email_http;
mod groups_http;
mod outage_http;
mod page_cache;
mod plans_http;
mod privacy_http;
mod production_start;
mod professionals_http;
mod random_input_http;
mod search_http;
mod sessions_http;
mod signup_http;
mod web_guard_http;
mod xss_http;
