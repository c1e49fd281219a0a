//! Discussion: reactions on a subject (the manifest, one of its principles,
//! or a plan), threaded two levels deep on the manifest and three on plans.
//!
//! Rules: anyone can read published reactions. A logged-in person's reaction
//! is published at once; a guest's (name and email, honeypot empty, at most a
//! few per hour per IP address, and a proof-of-work their browser solves
//! unnoticed) waits for a platform admin's approval. Text is
//! a small Markdown subset, sanitised on the server when it is written. Authors
//! may edit for 15 minutes (the earlier text is kept for moderators) and delete
//! at any time; a deleted reaction that has replies stays as "verwijderd" so
//! the thread still reads. Rules that differ per subject live in `subject`.

pub mod challenge;
pub mod link;
pub mod model;

#[cfg(feature = "ssr")]
pub mod guest_challenge;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod retry;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod subject;

pub mod api;
pub mod card;
pub mod moderation_page;
pub mod paged;
pub mod section;
#[cfg(feature = "hydrate")]
mod solver;
