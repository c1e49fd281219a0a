-- A reaction may be sent more than once by the same browser: a retry after an
-- answer was lost, or the offline outbox of the service worker. The browser
-- gives each reaction a random key; the same key is the same reaction.
ALTER TABLE reactions ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX reactions_by_client_key ON reactions (client_key) WHERE client_key IS NOT NULL;
