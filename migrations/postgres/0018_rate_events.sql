-- One row per limited action (a registration, a reaction, a reset request),
-- so that every server instance counts the same attempts: limits live in the
-- database, not in a process. Rows older than a day are pruned as new ones
-- arrive. Logins and guest reactions keep their own tables (0001, 0004).
CREATE TABLE rate_events (
    action  TEXT   NOT NULL,
    subject TEXT   NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX rate_events_by_subject ON rate_events (action, subject, at);
CREATE INDEX rate_events_by_age ON rate_events (at);
