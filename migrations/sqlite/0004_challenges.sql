-- Proof-of-work challenges for guest reactions (SQLite). Kept in the
-- database so any server instance can check a challenge another one issued;
-- each is used once, and rows older than a day are pruned.
CREATE TABLE challenges (
    id         TEXT    PRIMARY KEY,
    difficulty INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    used       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX challenges_by_age ON challenges (created_at);
