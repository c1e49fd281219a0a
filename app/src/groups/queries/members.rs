//! Who belongs to a group and in what role, who hid their name, and who
//! is banned.

use super::{summary_columns, SummaryRow};
use crate::groups::model::{Ban, Member, MemberRole, MyGroup};
use sqlx::AnyPool;

crate::statements! {
    /// `$2` is the coordinator role's stored value (from `MemberRole`).
    COORDINATOR_COUNT = "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND role = $2";
    INSERT_MEMBER = "INSERT INTO group_members (group_id, user_id, role, name_hidden, joined_at) \
         VALUES ($1, $2, $3, 0, $4)";
    DELETE_MEMBER = "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2";
    /// Before a member who hid their name leaves: they stay unnamed.
    KEEP_NAME_HIDDEN = "INSERT INTO hidden_former_members (group_id, user_id)
         SELECT group_id, user_id FROM group_members
         WHERE group_id = $1 AND user_id = $2 AND name_hidden = 1
         ON CONFLICT (group_id, user_id) DO NOTHING";
    SET_ROLE = "UPDATE group_members SET role = $3 WHERE group_id = $1 AND user_id = $2";
    SET_NAME_HIDDEN = "UPDATE group_members SET name_hidden = $3 WHERE group_id = $1 AND user_id = $2";
    /// Coordinators (`$2`) first, then by name.
    MEMBERS = r#"SELECT m.user_id, u.display_name AS name, m.role, m.name_hidden, m.joined_at
           FROM group_members m JOIN users u ON u.id = m.user_id
           WHERE m.group_id = $1
           ORDER BY CASE WHEN m.role = $2 THEN 0 ELSE 1 END, u.display_name, m.user_id"#;
    GROUPS_OF_USER = concat!("SELECT ", summary_columns!(), ", m.role FROM groups g \
         JOIN group_members m ON m.group_id = g.id AND m.user_id = $1 ORDER BY g.sort_key, g.id");
    DELETE_BAN = "DELETE FROM group_bans WHERE group_id = $1 AND user_id = $2";
    INSERT_BAN = "INSERT INTO group_bans (group_id, user_id, reason, banned_by, banned_at) \
         VALUES ($1, $2, $3, $4, $5)";
    BANS = r#"SELECT b.user_id, u.display_name AS name, b.reason, b.banned_at
           FROM group_bans b JOIN users u ON u.id = b.user_id
           WHERE b.group_id = $1 ORDER BY b.banned_at DESC, b.user_id"#;
}

/// Number of coordinators of a group.
pub async fn coordinator_count(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(COORDINATOR_COUNT)
        .bind(group_id)
        .bind(MemberRole::Coordinator.as_str())
        .fetch_one(conn)
        .await
}

/// Adds a member; a second insert for the same person violates the key.
pub async fn insert_member(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    role: MemberRole,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(INSERT_MEMBER)
        .bind(group_id)
        .bind(user_id)
        .bind(role.as_str())
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Removes a member; returns whether they were one. A member who hid their
/// name stays unnamed in the group's activity afterwards.
pub async fn delete_member(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(KEEP_NAME_HIDDEN)
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query(DELETE_MEMBER)
        .bind(group_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Changes a member's role; returns whether they were a member.
pub async fn set_role(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    role: MemberRole,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(SET_ROLE)
        .bind(group_id)
        .bind(user_id)
        .bind(role.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Shows or hides a member's name on the public list.
pub async fn set_name_hidden(
    pool: &AnyPool,
    group_id: i64,
    user_id: i64,
    hidden: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(SET_NAME_HIDDEN)
        .bind(group_id)
        .bind(user_id)
        .bind(i64::from(hidden))
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// All members, coordinators first, then by name.
pub async fn members(pool: &AnyPool, group_id: i64) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query_as(MEMBERS)
        .bind(group_id)
        .bind(MemberRole::Coordinator.as_str())
        .fetch_all(pool)
        .await
}

/// The groups a person is in, by name.
pub async fn groups_of_user(pool: &AnyPool, user_id: i64) -> Result<Vec<MyGroup>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        group: SummaryRow,
        #[sqlx(try_from = "String")]
        role: MemberRole,
    }
    let rows: Vec<Row> = sqlx::query_as(GROUPS_OF_USER)
        .bind(user_id)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| MyGroup {
            group: r.group.into(),
            role: r.role,
        })
        .collect())
}

/// Records a ban (replacing an earlier one).
pub async fn insert_ban(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    reason: &str,
    by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(DELETE_BAN)
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(INSERT_BAN)
        .bind(group_id)
        .bind(user_id)
        .bind(reason)
        .bind(by)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Lifts a ban; returns whether there was one.
pub async fn delete_ban(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(DELETE_BAN)
        .bind(group_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The bans of a group, newest first.
pub async fn bans(pool: &AnyPool, group_id: i64) -> Result<Vec<Ban>, sqlx::Error> {
    sqlx::query_as(BANS).bind(group_id).fetch_all(pool).await
}
