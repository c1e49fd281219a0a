-- Reactions (PostgreSQL): on the manifest, on one principle, later on plans.

CREATE TABLE reactions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What it is about: 'manifest' or 'manifest:<principle-slug>' (later 'plan:<id>').
    subject     TEXT    NOT NULL,
    -- Replies point at a top-level reaction; threads are one level deep.
    parent_id   BIGINT  REFERENCES reactions (id),
    kind        TEXT    NOT NULL
                CHECK (kind IN ('herkenning', 'aanvulling', 'vraag', 'zorg', 'voorbeeld')),
    -- The Markdown as written (for editing) and the sanitised HTML shown.
    source      TEXT    NOT NULL,
    html        TEXT    NOT NULL,
    -- A member's reaction has user_id; a guest's has a name and email instead.
    user_id     BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    guest_name  TEXT    NOT NULL DEFAULT '',
    guest_email TEXT    NOT NULL DEFAULT '',
    -- pending: a guest's reaction waiting for approval; deleted: kept as
    -- "verwijderd" for its replies; rejected: refused by a moderator.
    status      TEXT    NOT NULL CHECK (status IN ('published', 'pending', 'deleted', 'rejected')),
    created_at  BIGINT  NOT NULL,
    edited_at   BIGINT
);
CREATE INDEX reactions_by_subject ON reactions (subject, created_at, id);
CREATE INDEX reactions_pending ON reactions (status, created_at);

-- Guest reactions per IP address, for the rate limit (shared by all instances).
CREATE TABLE guest_posts (
    ip TEXT    NOT NULL,
    at BIGINT  NOT NULL
);
CREATE INDEX guest_posts_by_ip ON guest_posts (ip, at);
