//! Simulated people who post reactions to one plan and keep the id of every
//! reaction the server acknowledged, so a later count can prove that none of
//! them was lost.

use crate::client::{Answer, Client};

/// The form of one reaction; `mark` makes its text unique.
pub fn reaction_form(plan: i64, mark: &str) -> String {
    format!(
        "subject=plan%3A{plan}&kind=aanvulling&body=Betrouwbaarheid+{mark}%3A+ik+help+mee+met+de+bankjes.&back=%2Fplannen%2F{plan}"
    )
}

/// The reaction id in an acknowledgement (a server function answers `200`
/// with its result, the new id, as JSON).
pub fn acknowledged_id(answer: &Answer) -> Option<i64> {
    if answer.status != 200 {
        return None;
    }
    std::str::from_utf8(&answer.body).ok()?.trim().parse().ok()
}

/// Registers `count` people (eight at a time) and returns their cookies.
pub async fn register(
    db: &app::db::Db,
    port: u16,
    count: usize,
    label: &str,
) -> Result<Vec<String>, crate::client::Failure> {
    let mut cookies = Vec::with_capacity(count);
    let people: Vec<usize> = (0..count).collect();
    for batch in people.chunks(8) {
        let mut tasks = Vec::new();
        for &n in batch {
            let label = label.to_owned();
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let mut client = Client::new(port);
                client
                    .register(
                        &db,
                        &format!("{label}{n}@betrouwbaar.wijkplein.nl"),
                        &format!("Buurtgenoot+{n}"),
                    )
                    .await
                    .map(|()| client.cookie.unwrap_or_default())
            }));
        }
        for task in tasks {
            cookies.push(task.await??);
        }
    }
    Ok(cookies)
}

/// The ids of the plan's reactions now in the database.
pub async fn stored_ids(
    db: &app::db::Db,
    plan: i64,
) -> Result<std::collections::HashSet<i64>, sqlx::Error> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM reactions WHERE subject = $1")
        .bind(format!("plan:{plan}"))
        .fetch_all(&db.pool)
        .await?;
    Ok(ids.into_iter().collect())
}

/// How many of `acknowledged` are not stored.
pub async fn missing(
    db: &app::db::Db,
    plan: i64,
    acknowledged: &[i64],
) -> Result<usize, sqlx::Error> {
    let stored = stored_ids(db, plan).await?;
    Ok(acknowledged
        .iter()
        .filter(|id| !stored.contains(id))
        .count())
}
