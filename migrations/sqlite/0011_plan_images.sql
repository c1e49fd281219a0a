-- Images on plans (SQLite). The image bytes live behind one storage interface
-- (app::media::store): in stored_images by default, or in a folder.

CREATE TABLE stored_images (
    key          TEXT    PRIMARY KEY,
    content_type TEXT    NOT NULL,
    bytes        BLOB    NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE plan_images (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    storage_key TEXT    NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    -- What the image shows, for people who cannot see it.
    alt         TEXT    NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX plan_images_by_plan ON plan_images (plan_id, id);
