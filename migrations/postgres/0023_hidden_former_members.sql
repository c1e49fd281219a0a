-- A member who hid their name stays unnamed, to guests, in the group's
-- activity for what they did while a member: also after they leave or are
-- removed (the membership row, which holds the choice, is gone then).
-- Written when such a member leaves; never removed, so hiding holds for good.
CREATE TABLE hidden_former_members (
    group_id BIGINT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
