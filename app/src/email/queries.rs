//! E-mail queries (server only): choices, and what is due to be sent.

/// The columns of a due mail: the notification and who gets it.
macro_rules! notification_columns {
    () => {
        "SELECT n.id, n.kind, n.actor_name, n.title, n.detail, n.link, \
         n.created_at, n.read_at, n.user_id, u.email, u.display_name, s.lang"
    };
}

/// The tables behind [`notification_columns`].
macro_rules! notification_tables {
    () => {
        " FROM notifications n JOIN users u ON u.id = n.user_id \
         LEFT JOIN email_settings s ON s.user_id = n.user_id"
    };
}

crate::statements! {
    DIRECT_DUE = concat!(notification_columns!(), notification_tables!(),
        " WHERE n.delivery = 'direct' AND n.emailed_at IS NULL AND n.email_attempts < $1
         ORDER BY n.id LIMIT $2");
    /// The group and plan a digest entry is about, as they are now.
    DIGEST_ENTRIES = concat!(notification_columns!(),
        ", g.name AS group_name, g.slug AS group_slug, p.id AS plan_ref, p.title AS plan_title",
        notification_tables!(), "
         LEFT JOIN groups g ON g.id = n.group_id
         LEFT JOIN plans p ON p.id = n.plan_id
         WHERE n.user_id = $1 AND n.delivery = 'digest'
           AND n.emailed_at IS NULL AND n.read_at IS NULL
         ORDER BY n.created_at, n.id");
    PREFERENCES = "SELECT kind, delivery FROM email_preferences WHERE user_id = $1";
    EMAIL_OF = "SELECT email FROM users WHERE id = $1";
    CLEAR_PREFERENCES = "DELETE FROM email_preferences WHERE user_id = $1";
    INSERT_PREFERENCE = "INSERT INTO email_preferences (user_id, kind, delivery) VALUES ($1, $2, $3)";
    UPSERT_SETTINGS = "INSERT INTO email_settings (user_id, lang, digest_day) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang";
    CLAIM_MAIL = "UPDATE notifications SET emailed_at = $1, email_attempts = email_attempts + 1
         WHERE id = $2 AND emailed_at IS NULL";
    RELEASE_MAIL = "UPDATE notifications SET emailed_at = NULL WHERE id = $1";
    DIGEST_DUE = "SELECT u.id AS user_id, u.email, u.display_name, s.lang
         FROM email_settings s JOIN users u ON u.id = s.user_id
         WHERE s.digest_day < $1 AND EXISTS (
             SELECT 1 FROM notifications n
             WHERE n.user_id = s.user_id AND n.delivery = 'digest'
               AND n.emailed_at IS NULL AND n.read_at IS NULL)";
    DIGEST_DAY_BEFORE = "SELECT digest_day FROM email_settings WHERE user_id = $1 AND digest_day < $2";
    MOVE_DIGEST_DAY = "UPDATE email_settings SET digest_day = $1 WHERE user_id = $2 AND digest_day = $3";
    RESET_DIGEST_DAY = "UPDATE email_settings SET digest_day = $1 WHERE user_id = $2";
}
