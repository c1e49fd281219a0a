//! The database tests of the app, on SQLite and PostgreSQL, as one test
//! binary: linking each file as a binary of its own cost minutes per CI run.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

mod common;

mod accounts;
mod bans;
mod credentials;
mod discussion;
mod discussion_guests;
mod email;
mod groups;
mod manifest;
mod moderation;
mod notifications;
mod plan_discussion;
mod plan_images;
mod plan_list;
mod plan_updates;
mod plans;
mod privacy;
mod properties;
mod query_plans;
mod reaction_retries;
mod search;
mod search_follows;
mod signup;
mod sqlite_integrity;
mod statements;
