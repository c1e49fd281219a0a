-- Notifications by e-mail (SQLite). Each person chooses per kind of
-- notification: not by e-mail (no row), at once ('direct') or in the daily
-- digest ('digest'). A notification remembers the choice made when it was
-- handed out, and when it went out by e-mail, so that every server instance
-- can pick up what is due and exactly one of them sends it.

CREATE TABLE email_preferences (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL
             CHECK (kind IN ('reply', 'mention', 'new_plan', 'plan_phase', 'plan_update', 'join_decision')),
    delivery TEXT    NOT NULL CHECK (delivery IN ('direct', 'digest')),
    PRIMARY KEY (user_id, kind)
);

-- The language of someone's e-mails, and the digest day (days since the
-- epoch, counted from the digest hour) of their last digest. An instance
-- claims a digest by moving this day forward; the others then leave it.
CREATE TABLE email_settings (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    lang       TEXT    NOT NULL DEFAULT 'nl' CHECK (lang IN ('nl', 'en')),
    digest_day INTEGER NOT NULL
);

ALTER TABLE notifications ADD COLUMN delivery TEXT CHECK (delivery IN ('direct', 'digest'));
ALTER TABLE notifications ADD COLUMN emailed_at INTEGER;
ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notifications_to_email ON notifications (delivery, user_id)
    WHERE emailed_at IS NULL AND delivery IS NOT NULL;
