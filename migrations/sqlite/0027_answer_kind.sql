-- A reply to a question can be an answer ('antwoord'). SQLite cannot widen
-- a CHECK in place and sqlx runs this file inside a transaction, where
-- foreign keys cannot be turned off for a rebuild: app/src/db/sqlite_rebuild.rs
-- rebuilds the table just before this migration is recorded.
SELECT 1;
