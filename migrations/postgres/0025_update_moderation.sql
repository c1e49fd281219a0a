-- Progress and accountability updates can be reported and hidden like plans
-- and reactions: a moderator's reason, readable by the writer; NULL while
-- the update is visible.
ALTER TABLE plan_updates ADD COLUMN hidden_reason TEXT;

-- Reports may now be about an update.
ALTER TABLE reports DROP CONSTRAINT reports_target_check;
ALTER TABLE reports ADD CONSTRAINT reports_target_check
    CHECK (target IN ('plan', 'reaction', 'update'));
