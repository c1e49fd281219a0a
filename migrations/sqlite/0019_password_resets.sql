-- Password reset links. Only a SHA-256 of the token is kept, so a copy of the
-- database cannot be used to take over accounts; a link works once and for
-- an hour (the service checks `used_at` and `expires_at`).
CREATE TABLE password_resets (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
