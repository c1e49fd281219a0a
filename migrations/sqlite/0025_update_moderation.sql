-- Progress and accountability updates can be reported and hidden like plans
-- and reactions: a moderator's reason, readable by the writer; NULL while
-- the update is visible.
ALTER TABLE plan_updates ADD COLUMN hidden_reason TEXT;

-- Reports may now be about an update. SQLite cannot change a CHECK, so the
-- table is rebuilt with the same columns and indexes (nothing refers to it).
CREATE TABLE reports_with_updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    target      TEXT    NOT NULL CHECK (target IN ('plan', 'reaction', 'update')),
    target_id   INTEGER NOT NULL,
    group_id    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'dismissed')),
    created_at  INTEGER NOT NULL,
    handled_at  INTEGER
);
INSERT INTO reports_with_updates
    SELECT id, target, target_id, group_id, reporter_id, reason, status, created_at, handled_at
    FROM reports;
DROP TABLE reports;
ALTER TABLE reports_with_updates RENAME TO reports;
CREATE INDEX reports_open ON reports (status, group_id, created_at);
CREATE UNIQUE INDEX reports_once ON reports (target, target_id, reporter_id) WHERE status = 'open';
