-- Who did what a notification tells (PostgreSQL). Deleting an account
-- renames that person to "Oud-lid" in other people's notifications; by id,
-- so that a neighbour who happens to have the same name keeps theirs.
-- Notifications from before this column have no id and are still matched by
-- name.
ALTER TABLE notifications ADD COLUMN actor_id BIGINT REFERENCES users (id);
CREATE INDEX notifications_by_actor ON notifications (actor_id);
