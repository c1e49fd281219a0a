-- In-app notifications (SQLite): replies to my reactions, mentions, new plans
-- in my groups, phase changes and updates on plans I support or wrote, and
-- decisions on my join requests. The text is composed when shown (in the
-- reader's language) from the kind, who did it and what it is about.

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL
                CHECK (kind IN ('reply', 'mention', 'new_plan', 'plan_phase', 'plan_update', 'join_decision')),
    -- What it is about, so digests can group per group and per plan.
    group_id    INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    plan_id     INTEGER REFERENCES plans (id) ON DELETE CASCADE,
    -- Who did it and the title of what it is about, as they were then.
    actor_name  TEXT    NOT NULL DEFAULT '',
    title       TEXT    NOT NULL,
    -- Extra words for the text: the new phase, or 'approved' / 'declined'.
    detail      TEXT    NOT NULL DEFAULT '',
    -- A local path, e.g. /plannen/12#reactie-40.
    link        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    read_at     INTEGER
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
