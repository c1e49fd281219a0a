-- A professional role (civil servant, community worker, housing corporation)
-- carries weight only once a platform admin has confirmed it: until then the
-- profile calls it self-described and it gives no extra rights. The row
-- holds the role that was confirmed; when the person changes their role,
-- the confirmation no longer applies (queries compare the two).
CREATE TABLE professional_verifications (
    user_id      INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL,
    organisation TEXT    NOT NULL,
    -- The municipality the person works for: where their accountability
    -- updates may appear.
    municipality TEXT    NOT NULL,
    verified_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    verified_at  INTEGER NOT NULL
);
