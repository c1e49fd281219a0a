//! Group queries (server only), written once for SQLite and PostgreSQL.
//! Functions that may run inside a transaction take any executor. The group
//! itself is here; its members and bans, join requests and activity lines
//! each have a file of their own.

use super::model::{Cursor, GroupDetail, GroupSummary, MembershipMode};
use crate::db::SqlBuilder;
use sqlx::{Any, AnyPool, Executor};

pub mod activity;
pub mod members;
pub mod requests;

pub use activity::{activity, record, Audience};
pub use members::{
    bans, coordinator_count, delete_ban, delete_member, groups_of_user, insert_ban, insert_member,
    members, set_name_hidden, set_role,
};
pub use requests::{
    close_request, decline_open_requests, find_request, insert_request, pending_count,
    pending_for_group, pending_request, requests_of_user,
};

/// Columns of a [`GroupSummary`], for `g` = groups.
macro_rules! summary_columns {
    () => {
        "g.id, g.slug, g.name, g.neighbourhood, g.municipality, \
         g.postcodes, g.membership_mode, g.member_count, g.sort_key, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM group_images i WHERE i.group_id = g.id) \
         THEN 1 ELSE 0 END AS BIGINT) AS has_image"
    };
}
pub(crate) use summary_columns;

crate::statements! {
    ROLE_OF = "SELECT m.role, m.name_hidden, \
                (SELECT COUNT(*) FROM group_bans WHERE group_id = $1 AND user_id = $2) \
         FROM (SELECT 1 AS one) AS asked \
         LEFT JOIN group_members m ON m.group_id = $1 AND m.user_id = $2";
    /// `$2` is the coordinator role's stored value.
    COORDINATES_ANY = "SELECT COUNT(*) FROM group_members WHERE user_id = $1 AND role = $2";
    SLUG_TAKEN = "SELECT COUNT(*) FROM groups WHERE slug = $1";
    INSERT_GROUP = r#"INSERT INTO groups (slug, name, neighbourhood, municipality, postcodes, description,
               membership_mode, join_question, search_text, sort_key, member_count,
               created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $12)
           RETURNING id"#;
    UPDATE_GROUP = r#"UPDATE groups SET name = $2, neighbourhood = $3, municipality = $4, postcodes = $5,
               description = $6, membership_mode = $7, join_question = $8, search_text = $9,
               sort_key = $10, updated_at = $11
           WHERE id = $1"#;
    CLEAR_POSTCODES = "DELETE FROM group_postcodes WHERE group_id = $1";
    INSERT_POSTCODE = "INSERT INTO group_postcodes (group_id, postcode) VALUES ($1, $2)";
    /// An UPDATE that changes nothing: it takes the row's write lock.
    LOCK_GROUP = "UPDATE groups SET member_count = member_count WHERE id = $1";
    RECOUNT = r#"UPDATE groups SET updated_at = $2,
               member_count = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = $1)
           WHERE id = $1"#;
    FIND_BY_SLUG = concat!("SELECT ", summary_columns!(),
        ", g.description, g.join_question, g.created_at, g.updated_at FROM groups g WHERE g.slug = $1");
    IMAGE = "SELECT i.content_type, i.bytes FROM group_images i JOIN groups g ON g.id = i.group_id \
         WHERE g.slug = $1";
    DELETE_IMAGE = "DELETE FROM group_images WHERE group_id = $1";
    INSERT_IMAGE = "INSERT INTO group_images (group_id, content_type, bytes, updated_at) VALUES ($1, $2, $3, $4)";
}

/// A row read with [`summary_columns`].
#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    id: i64,
    slug: String,
    name: String,
    neighbourhood: String,
    municipality: String,
    /// Space-separated postcode areas.
    postcodes: String,
    #[sqlx(try_from = "String")]
    membership_mode: MembershipMode,
    member_count: i64,
    pub(super) sort_key: String,
    #[sqlx(try_from = "crate::db::Flag")]
    has_image: bool,
}

impl From<SummaryRow> for GroupSummary {
    fn from(r: SummaryRow) -> GroupSummary {
        GroupSummary {
            id: r.id,
            slug: r.slug,
            name: r.name,
            neighbourhood: r.neighbourhood,
            municipality: r.municipality,
            postcodes: r.postcodes.split_whitespace().map(str::to_owned).collect(),
            mode: r.membership_mode,
            member_count: r.member_count,
            has_image: r.has_image,
        }
    }
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
    let n: i64 = sqlx::query_scalar(SLUG_TAKEN)
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
    let id: i64 = sqlx::query_scalar(INSERT_GROUP)
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
    sqlx::query(UPDATE_GROUP)
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
    sqlx::query(CLEAR_POSTCODES)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for code in postcodes {
        sqlx::query(INSERT_POSTCODE)
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
    let done = sqlx::query(LOCK_GROUP).bind(id).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// Recounts a group's members after a change and marks it as updated.
pub async fn recount(conn: &mut sqlx::AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(RECOUNT)
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// A group's page row: its summary and the rest.
#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    description: String,
    join_question: String,
    created_at: i64,
    updated_at: i64,
}

/// A group by its slug.
pub async fn find_by_slug(pool: &AnyPool, slug: &str) -> Result<Option<GroupDetail>, sqlx::Error> {
    let row: Option<DetailRow> = sqlx::query_as(FIND_BY_SLUG)
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| GroupDetail {
        summary: r.summary.into(),
        description: r.description,
        join_question: r.join_question,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }))
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
    let (sql, args) = search_query(search, after, limit).finish()?;
    let rows: Vec<SummaryRow> = sqlx::query_as_with(&sql, args).fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let cursor = Cursor {
                sort_key: r.sort_key.clone(),
                id: r.id,
            };
            (r.into(), cursor)
        })
        .collect())
}

/// The directory query for a search. Public so a test can ask the database
/// how it runs it.
pub fn search_query<'q>(search: &Search, after: Option<&Cursor>, limit: i64) -> SqlBuilder<'q> {
    let mut sql = SqlBuilder::new(concat!("SELECT ", summary_columns!(), " FROM groups g"));
    if let Some(code) = &search.postcode {
        sql.push(" JOIN group_postcodes p ON p.group_id = g.id AND p.postcode = ")
            .push_bind(code.clone());
    }
    sql.push(" WHERE 1 = 1");
    for word in &search.words {
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        sql.push(" AND g.search_text LIKE ")
            .push_bind(format!("%{escaped}%"))
            .push(" ESCAPE '\\'");
    }
    if let Some(c) = after {
        // A row-value comparison: both engines walk the (sort_key, id) index
        // from this point on, however deep the page.
        sql.push(" AND (g.sort_key, g.id) > (")
            .push_bind(c.sort_key.clone())
            .push(", ")
            .push_bind(c.id)
            .push(")");
    }
    sql.push(" ORDER BY g.sort_key, g.id LIMIT ")
        .push_bind(limit);
    sql
}

/// The group's image: content type and bytes.
pub async fn image(pool: &AnyPool, slug: &str) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as(IMAGE).bind(slug).fetch_optional(pool).await
}

/// Stores or replaces the group's image.
pub async fn put_image(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    content_type: &str,
    bytes: &[u8],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(DELETE_IMAGE)
        .bind(group_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(INSERT_IMAGE)
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
    sqlx::query(DELETE_IMAGE)
        .bind(group_id)
        .execute(conn)
        .await
        .map(|_| ())
}
