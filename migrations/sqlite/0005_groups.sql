-- Resident groups (SQLite): the groups, who is in them, who asked to join,
-- who may not rejoin, and what happened lately.

CREATE TABLE groups (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Short readable address: /groepen/<slug>.
    slug            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    neighbourhood   TEXT    NOT NULL,
    municipality    TEXT    NOT NULL,
    -- Four-digit postcode areas, space separated ("1055 1056"); searched
    -- through group_postcodes.
    postcodes       TEXT    NOT NULL DEFAULT '',
    description     TEXT    NOT NULL,
    -- open: anyone joins at once; request: a coordinator approves.
    membership_mode TEXT    NOT NULL CHECK (membership_mode IN ('open', 'request')),
    join_question   TEXT    NOT NULL DEFAULT '',
    -- Lower-cased, accents removed: name, neighbourhood and municipality, for search.
    search_text     TEXT    NOT NULL,
    -- Lower-cased name: the order of the directory (keyset with id).
    sort_key        TEXT    NOT NULL,
    member_count    INTEGER NOT NULL DEFAULT 0,
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX groups_by_sort_key ON groups (sort_key, id);

CREATE TABLE group_postcodes (
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    postcode TEXT    NOT NULL,
    PRIMARY KEY (postcode, group_id)
);

-- The optional photo or logo, re-encoded by the server.
CREATE TABLE group_images (
    group_id     INTEGER PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
    content_type TEXT    NOT NULL,
    bytes        BLOB    NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE group_members (
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('coordinator', 'member')),
    -- The member chose to keep their name off the public member list.
    name_hidden INTEGER NOT NULL DEFAULT 0,
    joined_at   INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_by_user ON group_members (user_id);

CREATE TABLE join_requests (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    answer      TEXT    NOT NULL,
    status      TEXT    NOT NULL
                CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn')),
    -- The coordinator's optional message with the decision.
    message     TEXT    NOT NULL DEFAULT '',
    decided_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
-- At most one open request per person and group.
CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (group_id, user_id)
    WHERE status = 'pending';
CREATE INDEX join_requests_by_user ON join_requests (user_id, created_at);

CREATE TABLE group_bans (
    group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason    TEXT    NOT NULL,
    banned_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    banned_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- What happened in a group. 'audience' says who may read the line:
-- everyone, members, or coordinators (removals and bans).
CREATE TABLE group_activity (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    target_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    audience   TEXT    NOT NULL CHECK (audience IN ('public', 'members', 'coordinators')),
    created_at INTEGER NOT NULL
);
CREATE INDEX group_activity_by_group ON group_activity (group_id, id);
