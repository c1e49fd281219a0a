//! Group queries (server only), written once for SQLite and PostgreSQL.
//! Functions that may run inside a transaction take any executor.

use super::model::{
    Activity, Ban, Cursor, GroupDetail, GroupSummary, JoinRequest, Member, MemberRole,
    MembershipMode, MyGroup, RequestStatus,
};
use sqlx::{any::AnyRow, Any, AnyPool, Executor, Row};

/// Columns of a [`GroupSummary`], for `g` = groups.
const SUMMARY_COLUMNS: &str = "g.id, g.slug, g.name, g.neighbourhood, g.municipality, \
     g.postcodes, g.membership_mode, g.member_count, g.sort_key, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM group_images i WHERE i.group_id = g.id) \
     THEN 1 ELSE 0 END AS BIGINT) AS has_image";

fn summary(r: &AnyRow) -> Result<GroupSummary, sqlx::Error> {
    let postcodes: String = r.try_get("postcodes")?;
    Ok(GroupSummary {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        neighbourhood: r.try_get("neighbourhood")?,
        municipality: r.try_get("municipality")?,
        postcodes: postcodes.split_whitespace().map(str::to_owned).collect(),
        mode: MembershipMode::parse(r.try_get("membership_mode")?).unwrap_or_default(),
        member_count: r.try_get("member_count")?,
        has_image: r.try_get::<i64, _>("has_image")? != 0,
    })
}

/// The fields of a new or edited group, already validated.
pub struct GroupFields<'a> {
    /// Name.
    pub name: &'a str,
    /// Wijk or buurt.
    pub neighbourhood: &'a str,
    /// Gemeente.
    pub municipality: &'a str,
    /// Postcode areas.
    pub postcodes: &'a [String],
    /// About.
    pub description: &'a str,
    /// How to join.
    pub mode: MembershipMode,
    /// Question for requests.
    pub join_question: &'a str,
}

impl GroupFields<'_> {
    fn search_text(&self) -> String {
        super::model::fold(&format!(
            "{} {} {}",
            self.name, self.neighbourhood, self.municipality
        ))
    }
}

/// Whether a slug is in use.
pub async fn slug_taken<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    slug: &str,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM groups WHERE slug = $1")
        .bind(slug)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

/// Inserts a group and returns its id.
pub async fn insert_group(
    conn: &mut sqlx::AnyConnection,
    slug: &str,
    f: &GroupFields<'_>,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        r#"INSERT INTO groups (slug, name, neighbourhood, municipality, postcodes, description,
               membership_mode, join_question, search_text, sort_key, member_count,
               created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $12)
           RETURNING id"#,
    )
    .bind(slug)
    .bind(f.name)
    .bind(f.neighbourhood)
    .bind(f.municipality)
    .bind(f.postcodes.join(" "))
    .bind(f.description)
    .bind(f.mode.as_str())
    .bind(f.join_question)
    .bind(f.search_text())
    .bind(super::model::fold(f.name))
    .bind(by)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    replace_postcodes(conn, id, f.postcodes).await?;
    Ok(id)
}

/// Updates a group's fields (its slug stays, so links keep working).
pub async fn update_group(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    f: &GroupFields<'_>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        r#"UPDATE groups SET name = $2, neighbourhood = $3, municipality = $4, postcodes = $5,
               description = $6, membership_mode = $7, join_question = $8, search_text = $9,
               sort_key = $10, updated_at = $11
           WHERE id = $1"#,
    )
    .bind(id)
    .bind(f.name)
    .bind(f.neighbourhood)
    .bind(f.municipality)
    .bind(f.postcodes.join(" "))
    .bind(f.description)
    .bind(f.mode.as_str())
    .bind(f.join_question)
    .bind(f.search_text())
    .bind(super::model::fold(f.name))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    replace_postcodes(conn, id, f.postcodes).await
}

async fn replace_postcodes(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    postcodes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM group_postcodes WHERE group_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for code in postcodes {
        sqlx::query("INSERT INTO group_postcodes (group_id, postcode) VALUES ($1, $2)")
            .bind(id)
            .bind(code)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes the group's row lock for the rest of the transaction, so that
/// membership changes of one group happen one after the other (PostgreSQL
/// locks the updated row; SQLite's write transaction already excludes other
/// writers). Returns whether the group exists.
pub async fn lock_group(conn: &mut sqlx::AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE groups SET member_count = member_count WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Recounts a group's members after a change and marks it as updated.
pub async fn recount(conn: &mut sqlx::AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        r#"UPDATE groups SET updated_at = $2,
               member_count = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = $1)
           WHERE id = $1"#,
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A group by its slug.
pub async fn find_by_slug(pool: &AnyPool, slug: &str) -> Result<Option<GroupDetail>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, g.description, g.join_question, g.created_at, g.updated_at \
         FROM groups g WHERE g.slug = $1"
    );
    let row = sqlx::query(&sql).bind(slug).fetch_optional(pool).await?;
    row.map(|r| {
        Ok(GroupDetail {
            summary: summary(&r)?,
            description: r.try_get("description")?,
            join_question: r.try_get("join_question")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    })
    .transpose()
}

/// What to look for in the directory.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Folded words that must all occur in name, neighbourhood or municipality.
    pub words: Vec<String>,
    /// A postcode area to match exactly.
    pub postcode: Option<String>,
}

/// One page of the directory, in name order, after `after`.
pub async fn search(
    pool: &AnyPool,
    search: &Search,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<(GroupSummary, Cursor)>, sqlx::Error> {
    let sql = search_sql(search, after.is_some());
    let mut query = sqlx::query(&sql);
    if let Some(code) = &search.postcode {
        query = query.bind(code);
    }
    for word in &search.words {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        query = query.bind(format!("%{escaped}%"));
    }
    if let Some(c) = after {
        query = query.bind(&c.sort_key).bind(c.id);
    }
    let rows = query.bind(limit).fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            let cursor = Cursor {
                sort_key: r.try_get("sort_key")?,
                id: r.try_get("id")?,
            };
            Ok((summary(r)?, cursor))
        })
        .collect()
}

/// The directory query for a search: placeholders in the order postcode,
/// words, cursor (sort key, id), limit. Public so a test can ask the database
/// how it runs it.
pub fn search_sql(search: &Search, with_cursor: bool) -> String {
    let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM groups g");
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    if search.postcode.is_some() {
        sql += &format!(
            " JOIN group_postcodes p ON p.group_id = g.id AND p.postcode = {}",
            next()
        );
    }
    sql += " WHERE 1 = 1";
    for _ in &search.words {
        sql += &format!(" AND g.search_text LIKE {} ESCAPE '\\'", next());
    }
    if with_cursor {
        let (key, id) = (next(), next());
        // A row-value comparison: both engines walk the (sort_key, id) index
        // from this point on, however deep the page.
        sql += &format!(" AND (g.sort_key, g.id) > ({key}, {id})");
    }
    sql += &format!(" ORDER BY g.sort_key, g.id LIMIT {}", next());
    sql
}

/// The person's membership of a group: role and whether the name is hidden.
pub async fn membership<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    user_id: i64,
) -> Result<Option<(MemberRole, bool)>, sqlx::Error> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT role, name_hidden FROM group_members WHERE group_id = $1 AND user_id = $2",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(role, hidden)| (MemberRole::parse(&role), hidden != 0)))
}

/// Whether the person is banned from the group.
pub async fn is_banned<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM group_bans WHERE group_id = $1 AND user_id = $2")
            .bind(group_id)
            .bind(user_id)
            .fetch_one(ex)
            .await?;
    Ok(n > 0)
}

/// The person's open request to join, if any.
pub async fn pending_request<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    user_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM join_requests WHERE group_id = $1 AND user_id = $2 AND status = 'pending'",
    )
    .bind(group_id)
    .bind(user_id)
    .fetch_optional(ex)
    .await
}

/// Number of coordinators of a group.
pub async fn coordinator_count(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM group_members WHERE group_id = $1 AND role = 'coordinator'",
    )
    .bind(group_id)
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
    sqlx::query(
        "INSERT INTO group_members (group_id, user_id, role, name_hidden, joined_at) \
         VALUES ($1, $2, $3, 0, $4)",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Removes a member; returns whether they were one.
pub async fn delete_member(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
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
    let done =
        sqlx::query("UPDATE group_members SET role = $3 WHERE group_id = $1 AND user_id = $2")
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
    let done = sqlx::query(
        "UPDATE group_members SET name_hidden = $3 WHERE group_id = $1 AND user_id = $2",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(i64::from(hidden))
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// All members, coordinators first, then by name.
pub async fn members(pool: &AnyPool, group_id: i64) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        r#"SELECT m.user_id, u.display_name, m.role, m.name_hidden, m.joined_at
           FROM group_members m JOIN users u ON u.id = m.user_id
           WHERE m.group_id = $1
           ORDER BY CASE WHEN m.role = 'coordinator' THEN 0 ELSE 1 END, u.display_name, m.user_id"#,
    )
    .bind(group_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Member {
                user_id: r.try_get("user_id")?,
                name: r.try_get("display_name")?,
                role: MemberRole::parse(r.try_get("role")?),
                name_hidden: r.try_get::<i64, _>("name_hidden")? != 0,
                joined_at: r.try_get("joined_at")?,
            })
        })
        .collect()
}

/// Records a request to join; a second open one violates the unique index.
pub async fn insert_request(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    answer: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO join_requests (group_id, user_id, answer, status, created_at) \
         VALUES ($1, $2, $3, 'pending', $4) RETURNING id",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(answer)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Closes an open request; returns whether it was still open.
pub async fn close_request(
    conn: &mut sqlx::AnyConnection,
    request_id: i64,
    status: RequestStatus,
    message: &str,
    by: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE join_requests SET status = $2, message = $3, decided_by = $4, decided_at = $5 \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(request_id)
    .bind(status.as_str())
    .bind(message)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Declines every open request of a person for a group (used by a ban).
pub async fn decline_open_requests(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE join_requests SET status = 'declined', decided_by = $3, decided_at = $4 \
         WHERE group_id = $1 AND user_id = $2 AND status = 'pending'",
    )
    .bind(group_id)
    .bind(user_id)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

const REQUEST_COLUMNS: &str = "r.id, g.slug, g.name AS group_name, r.user_id, \
     u.display_name, r.answer, r.status, r.message, r.created_at, r.decided_at";

fn request(r: &AnyRow) -> Result<JoinRequest, sqlx::Error> {
    Ok(JoinRequest {
        id: r.try_get("id")?,
        group_slug: r.try_get("slug")?,
        group_name: r.try_get("group_name")?,
        user_id: r.try_get("user_id")?,
        user_name: r.try_get("display_name")?,
        answer: r.try_get("answer")?,
        status: RequestStatus::parse(r.try_get("status")?),
        message: r.try_get("message")?,
        created_at: r.try_get("created_at")?,
        decided_at: r.try_get("decided_at")?,
    })
}

/// One request by id (with its group id), for deciding or withdrawing it.
pub async fn find_request<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<(i64, JoinRequest)>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS}, r.group_id FROM join_requests r \
         JOIN groups g ON g.id = r.group_id JOIN users u ON u.id = r.user_id WHERE r.id = $1"
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(ex).await?;
    row.map(|r| Ok((r.try_get("group_id")?, request(&r)?)))
        .transpose()
}

/// Open requests of a group, oldest first.
pub async fn pending_for_group(
    pool: &AnyPool,
    group_id: i64,
) -> Result<Vec<JoinRequest>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM join_requests r \
         JOIN groups g ON g.id = r.group_id JOIN users u ON u.id = r.user_id \
         WHERE r.group_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id"
    );
    let rows = sqlx::query(&sql).bind(group_id).fetch_all(pool).await?;
    rows.iter().map(request).collect()
}

/// How many requests of a group are open (the coordinator's reminder).
pub async fn pending_count(pool: &AnyPool, group_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM join_requests WHERE group_id = $1 AND status = 'pending'",
    )
    .bind(group_id)
    .fetch_one(pool)
    .await
}

/// A person's requests: open ones and those decided in the last 90 days.
pub async fn requests_of_user(
    pool: &AnyPool,
    user_id: i64,
    since: i64,
) -> Result<Vec<JoinRequest>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM join_requests r \
         JOIN groups g ON g.id = r.group_id JOIN users u ON u.id = r.user_id \
         WHERE r.user_id = $1 AND (r.status = 'pending' \
               OR (r.status IN ('approved', 'declined') AND r.decided_at >= $2)) \
         ORDER BY r.created_at DESC, r.id DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(user_id)
        .bind(since)
        .fetch_all(pool)
        .await?;
    rows.iter().map(request).collect()
}

/// The groups a person is in, by name.
pub async fn groups_of_user(pool: &AnyPool, user_id: i64) -> Result<Vec<MyGroup>, sqlx::Error> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, m.role FROM groups g \
         JOIN group_members m ON m.group_id = g.id AND m.user_id = $1 ORDER BY g.sort_key, g.id"
    );
    let rows = sqlx::query(&sql).bind(user_id).fetch_all(pool).await?;
    rows.iter()
        .map(|r| {
            Ok(MyGroup {
                group: summary(r)?,
                role: MemberRole::parse(r.try_get("role")?),
            })
        })
        .collect()
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
    sqlx::query("DELETE FROM group_bans WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO group_bans (group_id, user_id, reason, banned_by, banned_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
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
    let done = sqlx::query("DELETE FROM group_bans WHERE group_id = $1 AND user_id = $2")
        .bind(group_id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The bans of a group, newest first.
pub async fn bans(pool: &AnyPool, group_id: i64) -> Result<Vec<Ban>, sqlx::Error> {
    let rows = sqlx::query(
        r#"SELECT b.user_id, u.display_name, b.reason, b.banned_at
           FROM group_bans b JOIN users u ON u.id = b.user_id
           WHERE b.group_id = $1 ORDER BY b.banned_at DESC, b.user_id"#,
    )
    .bind(group_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Ban {
                user_id: r.try_get("user_id")?,
                name: r.try_get("display_name")?,
                reason: r.try_get("reason")?,
                banned_at: r.try_get("banned_at")?,
            })
        })
        .collect()
}

/// Who may read an activity line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Everyone.
    Public,
    /// Members (and coordinators).
    Members,
    /// Coordinators only.
    Coordinators,
}

impl Audience {
    fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Members => "members",
            Audience::Coordinators => "coordinators",
        }
    }
}

/// Records one activity line.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    kind: &str,
    actor: i64,
    target: Option<i64>,
    audience: Audience,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO group_activity (group_id, kind, actor_id, target_id, audience, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(group_id)
    .bind(kind)
    .bind(actor)
    .bind(target)
    .bind(audience.as_str())
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The newest activity a reader may see. Names of people who hide theirs are
/// left out unless the reader is a member.
pub async fn activity(
    pool: &AnyPool,
    group_id: i64,
    reader: Audience,
    limit: i64,
) -> Result<Vec<Activity>, sqlx::Error> {
    let audiences = match reader {
        Audience::Public => "('public')",
        Audience::Members => "('public', 'members')",
        Audience::Coordinators => "('public', 'members', 'coordinators')",
    };
    let sql = format!(
        r#"SELECT a.kind, a.created_at, ua.display_name AS actor, ut.display_name AS target,
               COALESCE(ma.name_hidden, 0) AS actor_hidden, COALESCE(mt.name_hidden, 0) AS target_hidden
           FROM group_activity a
           LEFT JOIN users ua ON ua.id = a.actor_id
           LEFT JOIN users ut ON ut.id = a.target_id
           LEFT JOIN group_members ma ON ma.group_id = a.group_id AND ma.user_id = a.actor_id
           LEFT JOIN group_members mt ON mt.group_id = a.group_id AND mt.user_id = a.target_id
           WHERE a.group_id = $1 AND a.audience IN {audiences}
           ORDER BY a.id DESC LIMIT $2"#
    );
    let rows = sqlx::query(&sql)
        .bind(group_id)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    let member = reader != Audience::Public;
    rows.iter()
        .map(|r| {
            let name = |col: &str, hidden: &str| -> Result<Option<String>, sqlx::Error> {
                let name: Option<String> = r.try_get(col)?;
                let hidden = r.try_get::<i64, _>(hidden)? != 0;
                Ok(name.filter(|_| member || !hidden))
            };
            Ok(Activity {
                kind: r.try_get("kind")?,
                actor: name("actor", "actor_hidden")?,
                target: name("target", "target_hidden")?,
                at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// The group's image: content type and bytes.
pub async fn image(pool: &AnyPool, slug: &str) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.content_type, i.bytes FROM group_images i JOIN groups g ON g.id = i.group_id \
         WHERE g.slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// Stores or replaces the group's image.
pub async fn put_image(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    content_type: &str,
    bytes: &[u8],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM group_images WHERE group_id = $1")
        .bind(group_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO group_images (group_id, content_type, bytes, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(group_id)
    .bind(content_type)
    .bind(bytes)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Removes the group's image, if any.
pub async fn delete_image(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM group_images WHERE group_id = $1")
        .bind(group_id)
        .execute(conn)
        .await
        .map(|_| ())
}
