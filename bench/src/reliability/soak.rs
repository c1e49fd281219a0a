//! The load test: many simulated people at once, each reading pages and now
//! and then posting a reaction through the real HTTP endpoints, with a short
//! pause between steps as a person has. Counts every answer by status and
//! checks afterwards that every acknowledged reaction is stored.

use super::writers::{acknowledged_id, missing, reaction_form};
use crate::client::Client;
use app::db::Db;
use std::{
    collections::BTreeMap,
    error::Error,
    time::{Duration, Instant},
};

/// What the load run showed.
pub struct Soak {
    pub people: usize,
    pub seconds: u64,
    /// Answers per HTTP status.
    pub statuses: BTreeMap<u16, usize>,
    /// Requests without any answer (connection lost, or over 30 s).
    pub unanswered: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub acknowledged: usize,
    /// Acknowledged reactions not in the database (must be 0).
    pub missing: usize,
}

impl Soak {
    pub fn requests(&self) -> usize {
        self.statuses.values().sum::<usize>() + self.unanswered
    }

    pub fn server_errors(&self) -> usize {
        self.statuses.range(500..).map(|(_, n)| n).sum()
    }
}

/// One person's steps: mostly reading, one in four a reaction.
fn step(rng: &mut fastrand::Rng, plan: i64, person: usize, n: usize) -> (&'static str, String) {
    match rng.u8(0..8) {
        0 | 1 => ("POST", reaction_form(plan, &format!("last+{person}+{n}"))),
        2 | 3 => ("GET", format!("/plannen/{plan}")),
        4 => ("GET", "/groepen".to_owned()),
        5 => ("GET", "/manifest".to_owned()),
        6 => ("GET", "/zoeken?q=speeltuin".to_owned()),
        _ => ("GET", "/plannen".to_owned()),
    }
}

pub async fn run(
    db: &Db,
    port: u16,
    plan: i64,
    cookies: &[String],
    seconds: u64,
) -> Result<Soak, Box<dyn Error>> {
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for (person, cookie) in cookies.iter().enumerate() {
        let cookie = cookie.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = fastrand::Rng::with_seed(person as u64);
            let mut client = Client::new(port);
            client.cookie = Some(cookie);
            let (mut statuses, mut took, mut ids, mut unanswered) =
                (BTreeMap::<u16, usize>::new(), Vec::new(), Vec::new(), 0);
            let mut n = 0;
            while Instant::now() < until {
                tokio::time::sleep(Duration::from_millis(rng.u64(100..=900))).await;
                n += 1;
                let (method, what) = step(&mut rng, plan, person, n);
                let answer = match method {
                    "POST" => client.post("/api/post_reaction", &what).await,
                    _ => client.get(&what).await,
                };
                match answer {
                    Ok(answer) => {
                        *statuses.entry(answer.status).or_default() += 1;
                        took.push(answer.took);
                        if method == "POST" {
                            ids.extend(acknowledged_id(&answer));
                        }
                    }
                    Err(_) => unanswered += 1,
                }
            }
            (statuses, took, ids, unanswered)
        }));
    }
    let (mut statuses, mut took, mut ids, mut unanswered) =
        (BTreeMap::new(), Vec::new(), Vec::new(), 0);
    for task in tasks {
        let (s, t, i, u) = task.await?;
        for (status, count) in s {
            *statuses.entry(status).or_default() += count;
        }
        took.extend(t);
        ids.extend(i);
        unanswered += u;
    }
    took.sort();
    let at = |q: f64| {
        took.get(((took.len() as f64 * q) as usize).min(took.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Ok(Soak {
        people: cookies.len(),
        seconds,
        statuses,
        unanswered,
        p50: at(0.50),
        p99: at(0.99),
        acknowledged: ids.len(),
        missing: missing(db, plan, &ids).await?,
    })
}
