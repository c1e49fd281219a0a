-- Accounts (PostgreSQL). Same shape as the SQLite migration: BIGINT ids and
-- unix-second times, 0/1 flags, so one set of queries reads the same types.

-- One row per person. The email is stored lower-cased and trimmed, so the
-- UNIQUE constraint treats "Anna@Buurt.nl" and "anna@buurt.nl" as one address.
CREATE TABLE users (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    -- Argon2id PHC string; never the password itself.
    password_hash TEXT    NOT NULL,
    -- One of the manifest's audiences; checked here as a last line of defence.
    role          TEXT    NOT NULL DEFAULT 'bewoner'
                  CHECK (role IN ('bewoner', 'ambtenaar', 'opbouwwerker',
                                  'woningcorporatie', 'politicus', 'anders')),
    neighbourhood TEXT    NOT NULL DEFAULT '',
    municipality  TEXT    NOT NULL DEFAULT '',
    -- Platform administrators publish manifest versions and moderate.
    is_admin      BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);

-- Failed logins, kept in the database (not in memory) so that the limit holds
-- across several server instances. Old rows are pruned on each failure.
CREATE TABLE login_failures (
    id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email  TEXT   NOT NULL,
    ip     TEXT   NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);
CREATE INDEX login_failures_by_ip    ON login_failures (ip, at);
