-- Guest challenges are signed by the server (an HMAC, see
-- discussion::guest_challenge) instead of stored when a page is shown, so a
-- guest's page is the same for every guest and the page cache can serve it.
-- Only the use of a solution is written, once, when the reaction is posted.

-- Secrets the server made itself at first start, shared by every instance
-- on this database (WIJKPLEIN_SECRET, when set, takes the row's place).
CREATE TABLE server_keys (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A solution (challenge and nonce) that was used: a second post with it is
-- a replay. Forgotten by the hourly job once the challenge has expired.
CREATE TABLE challenge_uses (
    solution TEXT    PRIMARY KEY,
    used_at  BIGINT  NOT NULL
);
CREATE INDEX challenge_uses_by_time ON challenge_uses (used_at);

-- The stored challenges of before are no longer written or read; the table
-- is dropped a release later, while an older instance may still use it.
