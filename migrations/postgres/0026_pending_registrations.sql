-- A sign-up waits here until its address is confirmed through the link that
-- was mailed to it; only then does it become a row in `users`. So a sign-up
-- with someone else's address gives no account to anyone, an address may
-- have several sign-ups waiting (each link makes the account with its own
-- details, the first one used wins), and the answer to a sign-up never says
-- whether the address has an account. Rows older than 48 hours are removed.
CREATE TABLE pending_registrations (
    -- SHA-256 of the link's code; the code itself is only in the mail.
    token_hash    TEXT   NOT NULL PRIMARY KEY,
    email         TEXT   NOT NULL,
    display_name  TEXT   NOT NULL,
    password_hash TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX pending_registrations_by_expiry ON pending_registrations (expires_at);
CREATE INDEX pending_registrations_by_email ON pending_registrations (email);
