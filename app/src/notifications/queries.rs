//! Notification queries (server only).

crate::statements! {
    GROUP_MEMBER_IDS = "SELECT user_id FROM group_members WHERE group_id = $1";
    PLAN_FOLLOWER_IDS = "SELECT user_id FROM plan_supports WHERE plan_id = $1
         UNION SELECT author_id FROM plans WHERE id = $1 AND author_id IS NOT NULL";
    LIST_FOR_READER = "SELECT id, kind, actor_name, title, detail, link, created_at, read_at
         FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";
    MARK_READ = "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND user_id = $3";
    MARK_ALL_READ = "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL";
}
