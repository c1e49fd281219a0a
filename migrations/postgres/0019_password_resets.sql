-- Password reset links. Only a SHA-256 of the token is kept, so a copy of the
-- database cannot be used to take over accounts; a link works once and for
-- an hour (the service checks `used_at` and `expires_at`).
CREATE TABLE password_resets (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
