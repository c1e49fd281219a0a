-- Search (SQLite). One row per findable thing that anyone may see: a group, a
-- plan, a published and not hidden reaction, a manifest principle. Hidden or
-- deleted things have no row, so they can never turn up in results. The
-- application keeps this in step in the same transaction as each change.
CREATE TABLE search_docs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL CHECK (kind IN ('group', 'plan', 'reaction', 'principle')),
    -- The group, plan or reaction id, or the principle's slug.
    ref_key      TEXT    NOT NULL,
    -- For filters: the group it belongs to, its municipality, a plan's phase.
    group_id     INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    municipality TEXT    NOT NULL DEFAULT '',
    phase        TEXT,
    -- The text as written, for excerpts, and where the result leads.
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    link         TEXT    NOT NULL,
    UNIQUE (kind, ref_key)
);
CREATE INDEX search_docs_by_group ON search_docs (group_id);

-- The words, folded and stemmed in Rust (Snowball Dutch) before they are
-- stored, so "speeltuinen" and "speeltuin" are the same word here. The row id
-- is the search_docs id. `facets` holds the filter tags (kind, group,
-- municipality, phase, postcode area: see search::facets), so filters are part
-- of the match; it has weight 0 in ranking.
CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, facets, tokenize = 'unicode61 remove_diacritics 2');
