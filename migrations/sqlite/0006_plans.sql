-- Neighbourhood plans (SQLite): a plan belongs to a group, moves through
-- phases (each change kept with who, when and why), and gathers support.

CREATE TABLE plans (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id         INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title            TEXT    NOT NULL,
    summary          TEXT    NOT NULL,
    -- The Markdown as written (for editing) and the sanitised HTML shown.
    body_source      TEXT    NOT NULL,
    body_html        TEXT    NOT NULL,
    -- Optional place in the neighbourhood: an address or an area, as text.
    place            TEXT    NOT NULL DEFAULT '',
    phase            TEXT    NOT NULL
                     CHECK (phase IN ('idee', 'in_gesprek', 'besloten', 'in_uitvoering',
                                      'afgerond', 'gepauzeerd', 'gestopt')),
    -- Kept up to date with each change, so lists sort and show them cheaply.
    support_count    INTEGER NOT NULL DEFAULT 0,
    reaction_count   INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL
);
CREATE INDEX plans_newest   ON plans (created_at, id);
CREATE INDEX plans_support  ON plans (support_count, id);
CREATE INDEX plans_active   ON plans (last_activity_at, id);
CREATE INDEX plans_by_group ON plans (group_id, created_at, id);

-- The manifest principles a plan puts into practice (by principle slug).
CREATE TABLE plan_principles (
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    principle TEXT    NOT NULL,
    PRIMARY KEY (principle, plan_id)
);

-- Every phase change: the plan's timeline.
CREATE TABLE plan_phase_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    from_phase TEXT,
    to_phase   TEXT    NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    by_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX plan_phase_changes_by_plan ON plan_phase_changes (plan_id, id);

CREATE TABLE plan_supports (
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at      INTEGER NOT NULL,
    PRIMARY KEY (plan_id, user_id)
);
