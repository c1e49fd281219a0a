//! Requests to join a group "on request", and their decisions.

use crate::groups::model::{JoinRequest, RequestStatus};
use sqlx::{Any, AnyPool, Executor};

/// The columns of a [`JoinRequest`], for `r` = join_requests.
macro_rules! request_columns {
    () => {
        "SELECT r.id, g.slug AS group_slug, g.name AS group_name, r.user_id, \
         u.display_name AS user_name, r.answer, r.status, r.message, r.created_at, r.decided_at"
    };
}

/// The tables behind [`request_columns`].
macro_rules! request_tables {
    () => {
        " FROM join_requests r JOIN groups g ON g.id = r.group_id JOIN users u ON u.id = r.user_id"
    };
}

crate::statements! {
    FIND_REQUEST = concat!(request_columns!(), ", r.group_id", request_tables!(), " WHERE r.id = $1");
    PENDING_FOR_GROUP = concat!(request_columns!(), request_tables!(),
        " WHERE r.group_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id");
    REQUESTS_OF_USER = concat!(request_columns!(), request_tables!(),
        " WHERE r.user_id = $1 AND (r.status = 'pending' \
               OR (r.status IN ('approved', 'declined') AND r.decided_at >= $2)) \
         ORDER BY r.created_at DESC, r.id DESC");
    PENDING_REQUEST = "SELECT id FROM join_requests WHERE group_id = $1 AND user_id = $2 AND status = 'pending'";
    INSERT_REQUEST = "INSERT INTO join_requests (group_id, user_id, answer, status, created_at) \
         VALUES ($1, $2, $3, 'pending', $4) RETURNING id";
    CLOSE_REQUEST = "UPDATE join_requests SET status = $2, message = $3, decided_by = $4, decided_at = $5 \
         WHERE id = $1 AND status = 'pending'";
    DECLINE_OPEN_REQUESTS = "UPDATE join_requests SET status = 'declined', decided_by = $3, decided_at = $4 \
         WHERE group_id = $1 AND user_id = $2 AND status = 'pending'";
    PENDING_COUNT = "SELECT COUNT(*) FROM join_requests WHERE group_id = $1 AND status = 'pending'";
}

/// The person's open request to join, if any.
pub async fn pending_request<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    group_id: i64,
    user_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(PENDING_REQUEST)
        .bind(group_id)
        .bind(user_id)
        .fetch_optional(ex)
        .await
}

/// Records a request to join; a second open one violates the unique index.
pub async fn insert_request(
    conn: &mut sqlx::AnyConnection,
    group_id: i64,
    user_id: i64,
    answer: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(INSERT_REQUEST)
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
    let done = sqlx::query(CLOSE_REQUEST)
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
    sqlx::query(DECLINE_OPEN_REQUESTS)
        .bind(group_id)
        .bind(user_id)
        .bind(by)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// One request by id (with its group id), for deciding or withdrawing it.
pub async fn find_request<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<(i64, JoinRequest)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        group_id: i64,
        #[sqlx(flatten)]
        request: JoinRequest,
    }
    let row: Option<Row> = sqlx::query_as(FIND_REQUEST)
        .bind(id)
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| (r.group_id, r.request)))
}

/// Open requests of a group, oldest first.
pub async fn pending_for_group(
    pool: &AnyPool,
    group_id: i64,
) -> Result<Vec<JoinRequest>, sqlx::Error> {
    sqlx::query_as(PENDING_FOR_GROUP)
        .bind(group_id)
        .fetch_all(pool)
        .await
}

/// How many requests of a group are open (the coordinator's reminder).
pub async fn pending_count(pool: &AnyPool, group_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(PENDING_COUNT)
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
    sqlx::query_as(REQUESTS_OF_USER)
        .bind(user_id)
        .bind(since)
        .fetch_all(pool)
        .await
}
