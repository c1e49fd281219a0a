//! Writes through the real server function: 64 connections post reactions
//! to one plan as plain form posts (what a browser without JavaScript sends),
//! each as one of 64 logged-in people, for a fixed time. The database count
//! before and after proves every answered post was stored.

use crate::load::{wrk, Load};
use std::{error::Error, path::Path};

/// What the write run measured.
pub struct Writes {
    pub load: Load,
    /// Reactions the plan gained during the run.
    pub stored: i64,
}

/// Logs in 64 generated people and has them post for `seconds` to the
/// quietest of the last 100 plans (up to `last_plan`): each run writes to a
/// plan that earlier runs left alone, so runs compare.
pub async fn run(
    db: &app::db::Db,
    base: &str,
    dir: &Path,
    last_plan: i64,
    seconds: u64,
) -> Result<Writes, Box<dyn Error>> {
    let plan = quietest_plan(db, last_plan).await?;
    let mut cookies = Vec::new();
    for person in 1..=64 {
        let email = format!("mens{person}@bench.wijkplein.nl");
        cookies.push(crate::http::login(base, &email, crate::seed::PASSWORD)?);
    }
    let script = dir.join("post.lua");
    std::fs::write(&script, lua(plan, &cookies))?;
    let before = count(db, plan).await?;
    let load = wrk(&format!("{base}/api/post_reaction"), seconds, Some(&script))?;
    let stored = count(db, plan).await? - before;
    Ok(Writes { load, stored })
}

/// The plan among the last 100 with the fewest reactions (the newest if
/// several tie).
pub async fn quietest_plan(db: &app::db::Db, last_plan: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.id FROM plans p WHERE p.id > $1 AND p.id <= $2
         ORDER BY (SELECT COUNT(*) FROM reactions r WHERE r.subject = 'plan:' || CAST(p.id AS TEXT)), p.id DESC
         LIMIT 1",
    )
    .bind(last_plan - 100)
    .bind(last_plan)
    .fetch_one(&db.pool)
    .await
}

async fn count(db: &app::db::Db, plan: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM reactions WHERE subject = $1")
        .bind(format!("plan:{plan}"))
        .fetch_one(&db.pool)
        .await
}

/// The wrk script: each request a form post with the next person's cookie.
fn lua(plan: i64, cookies: &[String]) -> String {
    let list = cookies
        .iter()
        .map(|c| format!("{c:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"local cookies = {{ {list} }}
local body = "subject=plan%3A{plan}&kind=aanvulling&body=Ik+help+graag+mee+met+de+bankjes.&back=%2Fplannen%2F{plan}"
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "text/html",
    ["Cookie"] = cookies[(n % #cookies) + 1],
  }}, body)
end
"#
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_rotates_the_people() {
        let script = super::lua(
            7,
            &["wijkplein_sessie=a".into(), "wijkplein_sessie=b".into()],
        );
        assert!(
            script.contains(r#"local cookies = { "wijkplein_sessie=a", "wijkplein_sessie=b" }"#)
        );
        assert!(script.contains("subject=plan%3A7&"));
    }
}
