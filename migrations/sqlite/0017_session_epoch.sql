-- Every session remembers the account's epoch at login; raising it ends all
-- of that person's sessions at once, on every server instance ("log out on
-- all devices", and later a password change or account deletion).
ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
