-- Progress and accountability on plans (PostgreSQL). Members tell what happened,
-- what comes next and who does it (voortgang). Professionals working in the
-- group's municipality give account of what they did (verantwoording). The
-- writer's role is stored as it was then, so the record reads true later.

CREATE TABLE plan_updates (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id      BIGINT  NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    author_id    BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    author_role  TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('voortgang', 'verantwoording')),
    -- What happened: Markdown as written and the sanitised HTML shown.
    body_source  TEXT    NOT NULL,
    body_html    TEXT    NOT NULL,
    next_steps   TEXT    NOT NULL DEFAULT '',
    responsible  TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL
);
CREATE INDEX plan_updates_by_plan ON plan_updates (plan_id, created_at, id);

-- The plan list filters on a municipality.
CREATE INDEX groups_by_municipality ON groups (municipality);
