-- Deeper threads and kept versions (SQLite). Plans are discussed three
-- levels deep; every reply records the top-level reaction of its thread, so a
-- page of threads is read with one query for the tops and one for the rest.

ALTER TABLE reactions ADD COLUMN root_id INTEGER REFERENCES reactions (id);
ALTER TABLE reactions ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
-- Until now replies were one level deep: their parent is their root.
UPDATE reactions SET root_id = parent_id, depth = 1 WHERE parent_id IS NOT NULL;

-- Top-level reactions of a subject, newest first, for keyset pages.
CREATE INDEX reactions_tops ON reactions (subject, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX reactions_by_root ON reactions (root_id, created_at, id);

-- The earlier text of an edited reaction: moderators can read what was said.
CREATE TABLE reaction_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    reaction_id INTEGER NOT NULL REFERENCES reactions (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    -- When this text was written (the reaction's creation or previous edit).
    written_at  INTEGER NOT NULL,
    replaced_at INTEGER NOT NULL
);
CREATE INDEX reaction_versions_by_reaction ON reaction_versions (reaction_id, id);
