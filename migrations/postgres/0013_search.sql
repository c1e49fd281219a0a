-- Search (PostgreSQL). One row per findable thing that anyone may see: a
-- group, a plan, a published and not hidden reaction, a manifest principle.
-- Hidden or deleted things have no row, so they can never turn up in results.
-- The application keeps this in step in the same transaction as each change.
CREATE TABLE search_docs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('group', 'plan', 'reaction', 'principle')),
    -- The group, plan or reaction id, or the principle's slug.
    ref_key      TEXT    NOT NULL,
    -- For filters: the group it belongs to, its municipality, a plan's phase.
    group_id     BIGINT  REFERENCES groups (id) ON DELETE CASCADE,
    municipality TEXT    NOT NULL DEFAULT '',
    phase        TEXT,
    -- The text as written, for excerpts, and where the result leads.
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    link         TEXT    NOT NULL,
    -- Title (weight A) and body (weight B) in the `dutch` text search
    -- configuration, over the text with accents removed (done in Rust), and
    -- the filter tags (weight D, `simple`: see search::facets), so filters are
    -- part of the match. Searches for what people typed ask for A and B only.
    words        TSVECTOR NOT NULL,
    UNIQUE (kind, ref_key)
);
CREATE INDEX search_docs_by_group ON search_docs (group_id);
CREATE INDEX search_docs_words ON search_docs USING GIN (words);
