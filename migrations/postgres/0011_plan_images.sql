-- Images on plans (PostgreSQL). The image bytes live behind one storage interface
-- (app::media::store): in stored_images by default, or in a folder.

CREATE TABLE stored_images (
    key          TEXT    PRIMARY KEY,
    content_type TEXT    NOT NULL,
    bytes        BYTEA   NOT NULL,
    created_at   BIGINT  NOT NULL
);

CREATE TABLE plan_images (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id     BIGINT  NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    storage_key TEXT    NOT NULL,
    width       BIGINT  NOT NULL,
    height      BIGINT  NOT NULL,
    -- What the image shows, for people who cannot see it.
    alt         TEXT    NOT NULL,
    uploaded_by BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX plan_images_by_plan ON plan_images (plan_id, id);
