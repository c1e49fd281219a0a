-- Proof-of-work challenges for guest reactions (PostgreSQL). Kept in the
-- database so any server instance can check a challenge another one issued;
-- each is used once, and rows older than a day are pruned.
CREATE TABLE challenges (
    id         TEXT    PRIMARY KEY,
    difficulty BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    used       BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX challenges_by_age ON challenges (created_at);
