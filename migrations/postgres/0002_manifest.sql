-- The manifest and its signatures (PostgreSQL).

-- Each published version of the manifest, kept forever: signatures and
-- reactions point at the version they were made on. The document is the
-- whole version as JSON (pillars, principles, texts in both languages); it is
-- read as one piece and never queried inside.
CREATE TABLE manifest_versions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version      BIGINT  NOT NULL UNIQUE,
    document     TEXT    NOT NULL,
    published_at BIGINT  NOT NULL,
    -- NULL when loaded from the content file at first start.
    published_by BIGINT  REFERENCES users (id) ON DELETE SET NULL
);

-- One signature per person (withdrawing deletes it; signing again makes a new
-- one on the newest version).
CREATE TABLE signatures (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT  NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    version_id   BIGINT  NOT NULL REFERENCES manifest_versions (id),
    -- The role they sign with (may differ from their profile role).
    role         TEXT    NOT NULL
                 CHECK (role IN ('bewoner', 'ambtenaar', 'opbouwwerker',
                                 'woningcorporatie', 'politicus', 'anders')),
    organisation TEXT    NOT NULL DEFAULT '',
    motivation   TEXT    NOT NULL DEFAULT '',
    -- 1: name shown in the public list; 0: only counted.
    is_public    BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL
);
-- The public list, newest first, paged by (created_at, id).
CREATE INDEX signatures_public_newest ON signatures (is_public, created_at DESC, id DESC);
