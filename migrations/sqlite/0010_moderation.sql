-- Reports and moderation (SQLite). Anyone logged in reports a plan or a
-- reaction with a reason. A plan's group coordinators handle reports about
-- that group's plans and their discussion; platform admins handle all of
-- them. Hiding keeps the row (and the thread) with a reason its author sees.

ALTER TABLE reactions ADD COLUMN hidden_reason TEXT;
ALTER TABLE plans ADD COLUMN hidden_reason TEXT;

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    target      TEXT    NOT NULL CHECK (target IN ('plan', 'reaction')),
    target_id   INTEGER NOT NULL,
    -- The group whose coordinators may handle it; NULL for the manifest (admins only).
    group_id    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'dismissed')),
    created_at  INTEGER NOT NULL,
    handled_at  INTEGER
);
CREATE INDEX reports_open ON reports (status, group_id, created_at);
-- One open report per person per item.
CREATE UNIQUE INDEX reports_once ON reports (target, target_id, reporter_id) WHERE status = 'open';

-- Every moderation action, for admins to read back.
CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action      TEXT    NOT NULL CHECK (action IN ('hide', 'restore', 'dismiss')),
    target      TEXT    NOT NULL,
    target_id   INTEGER NOT NULL,
    group_id    INTEGER,
    reason      TEXT    NOT NULL DEFAULT '',
    at          INTEGER NOT NULL
);
CREATE INDEX moderation_log_by_time ON moderation_log (at, id);
