//! Where personal data lives. Every table of the schema is in exactly one of
//! the two lists (a test checks this against the live schema of both
//! backends), so a new table cannot be forgotten by the export or deletion.

/// Tables with rows about one person, and how to find that person's rows
/// (`$1` is the account's id).
pub const PERSONAL: &[(&str, &str)] = &[
    ("users", "id = $1"),
    ("signatures", "user_id = $1"),
    ("group_members", "user_id = $1"),
    ("join_requests", "user_id = $1"),
    ("group_bans", "user_id = $1"),
    ("groups", "created_by = $1"),
    ("group_activity", "actor_id = $1 OR target_id = $1"),
    ("plans", "author_id = $1"),
    ("plan_supports", "user_id = $1"),
    ("plan_updates", "author_id = $1"),
    ("plan_phase_changes", "by_id = $1"),
    ("plan_images", "uploaded_by = $1"),
    ("reactions", "user_id = $1"),
    (
        "reaction_versions",
        "reaction_id IN (SELECT id FROM reactions WHERE user_id = $1)",
    ),
    ("reports", "reporter_id = $1"),
    ("hidden_former_members", "user_id = $1"),
    ("professional_verifications", "user_id = $1"),
    ("moderation_log", "actor_id = $1"),
    ("manifest_versions", "published_by = $1"),
    ("notifications", "user_id = $1"),
    ("email_preferences", "user_id = $1"),
    ("email_settings", "user_id = $1"),
    ("password_resets", "user_id = $1"),
    // Sign-ups with the account's address still waiting for confirmation
    // (someone tried the address again within 48 hours).
    (
        "pending_registrations",
        "email = (SELECT email FROM users WHERE id = $1)",
    ),
    // No longer written: failed logins are counted in `rate_events` now.
    // Dropped a release later, while an older instance may still write it.
    (
        "login_failures",
        "email = (SELECT email FROM users WHERE id = $1)",
    ),
    // Limits counted by the person's e-mail address (failed logins, reset
    // mails), by that address with a client address after a space, or by
    // account id (reactions).
    (
        "rate_events",
        "(subject = (SELECT email FROM users WHERE id = $1) OR subject = CAST($1 AS TEXT) \
          OR substr(subject, 1, length((SELECT email FROM users WHERE id = $1)) + 1) \
             = (SELECT email FROM users WHERE id = $1) || ' ')",
    ),
];

/// Columns never shown, not even to the person: secrets that prove
/// nothing to them and would help an attacker who got the file.
pub const SECRET_COLUMNS: &[(&str, &str)] = &[
    ("users", "password_hash"),
    ("password_resets", "token_hash"),
    ("pending_registrations", "token_hash"),
    ("pending_registrations", "password_hash"),
];

/// Tables with nothing about a person, and why.
pub const NOT_PERSONAL: &[(&str, &str)] = &[
    ("_sqlx_migrations", "which migrations ran"),
    (
        "challenges",
        "one-time puzzles for guests, not linked to anyone; no longer written",
    ),
    (
        "challenge_uses",
        "used answers to guest puzzles, not linked to anyone, kept an hour",
    ),
    ("server_keys", "the server's own secrets"),
    ("group_images", "a group's photo"),
    ("group_postcodes", "a group's area"),
    (
        "guest_posts",
        "an IP address per guest reaction, kept for a day; no longer written",
    ),
    ("plan_principles", "which principles a plan builds on"),
    ("search_docs", "copies of public texts for search"),
    ("signature_counts", "numbers per role"),
    (
        "stored_images",
        "image files; who uploaded is in plan_images",
    ),
    ("tower_sessions", "sessions; they end when the account does"),
    ("sqlite_sequence", "SQLite's id counters"),
    ("search_fts", "SQLite's search index over search_docs"),
    ("search_fts_config", "SQLite's search index"),
    ("search_fts_content", "SQLite's search index"),
    ("search_fts_data", "SQLite's search index"),
    ("search_fts_docsize", "SQLite's search index"),
    ("search_fts_idx", "SQLite's search index"),
];
