//! The outage test (PostgreSQL): under load from logged-in people, the
//! database server is stopped for ten seconds and started again. During the
//! outage every answer must be a 503 (no other 5xx, no hang); afterwards the
//! same server process must serve logged-in pages again within five seconds
//! and its live updates must resume, without a restart.

use super::writers::{acknowledged_id, missing, reaction_form};
use crate::client::Client;
use app::db::Db;
use std::{
    collections::BTreeMap,
    error::Error,
    process::Command,
    time::{Duration, Instant},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    sync::mpsc,
};

/// How to stop and start the database server (shell commands).
pub struct Switch {
    pub stop: String,
    pub start: String,
}

/// What the outage showed.
pub struct Outage {
    pub down_for: Duration,
    /// Answers per status while the database was down.
    pub during: BTreeMap<u16, usize>,
    /// Requests without an answer while it was down.
    pub unanswered: usize,
    /// The slowest answer while it was down.
    pub slowest: Duration,
    /// From the database being up to the first logged-in page served.
    pub recovered_in: Option<Duration>,
    /// From the first post after recovery to its live event.
    pub live_after: Option<Duration>,
    pub acknowledged: usize,
    pub missing: usize,
}

impl Outage {
    pub fn wrong_answers(&self) -> usize {
        self.during
            .range(500..)
            .filter(|(s, _)| **s != 503)
            .map(|(_, n)| n)
            .sum()
    }
}

struct Seen {
    at: Instant,
    status: Option<u16>,
    took: Duration,
    id: Option<i64>,
}

pub async fn run(
    db: &Db,
    port: u16,
    plan: i64,
    cookies: &[String],
    switch: &Switch,
) -> Result<Outage, Box<dyn Error>> {
    let mut events = follow(port, plan).await?;
    let until = Instant::now() + Duration::from_secs(30);
    let mut tasks = Vec::new();
    for (person, cookie) in cookies.iter().enumerate() {
        let cookie = cookie.clone();
        tasks.push(tokio::spawn(async move {
            let mut client = Client::new(port);
            client.cookie = Some(cookie);
            let mut seen = Vec::new();
            let mut n = 0;
            while Instant::now() < until {
                n += 1;
                let answer = if n % 2 == 0 {
                    let form = reaction_form(plan, &format!("storing+{person}+{n}"));
                    client.post("/api/post_reaction", &form).await
                } else {
                    client.get("/profiel").await
                };
                seen.push(match answer {
                    Ok(a) => Seen {
                        at: Instant::now(),
                        status: Some(a.status),
                        took: a.took,
                        id: acknowledged_id(&a),
                    },
                    Err(_) => Seen {
                        at: Instant::now(),
                        status: None,
                        took: Duration::ZERO,
                        id: None,
                    },
                });
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            seen
        }));
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    shell(&switch.stop)?;
    let down = Instant::now();
    tokio::time::sleep(Duration::from_secs(10)).await;
    shell(&switch.start)?;
    let up = Instant::now();
    let mut seen = Vec::new();
    for task in tasks {
        seen.extend(task.await?);
    }
    let (mut during, mut unanswered, mut slowest) = (BTreeMap::new(), 0, Duration::ZERO);
    for s in seen.iter().filter(|s| s.at > down && s.at - s.took < up) {
        match s.status {
            Some(status) => *during.entry(status).or_default() += 1,
            None => unanswered += 1,
        }
        slowest = slowest.max(s.took);
    }
    let recovered_in = seen
        .iter()
        .filter(|s| s.at > up && s.status == Some(200))
        .map(|s| s.at - up)
        .min();
    let ids: Vec<i64> = seen.iter().filter_map(|s| s.id).collect();
    // Live: a post now must reach the stream that stayed open all along.
    // Events of the load's last posts are let through first.
    while let Ok(Some(_)) = tokio::time::timeout(Duration::from_secs(1), events.recv()).await {}
    let mut client = Client::new(port);
    client.cookie = cookies.first().cloned();
    let posted = Instant::now();
    let answer = client
        .post("/api/post_reaction", &reaction_form(plan, "na+de+storing"))
        .await
        .map_err(|e| e.to_string())?;
    let live_after = match tokio::time::timeout(Duration::from_secs(5), events.recv()).await {
        Ok(Some(at)) if answer.status == 200 && at > posted => Some(at - posted),
        _ => None,
    };
    Ok(Outage {
        down_for: up - down,
        during,
        unanswered,
        slowest,
        recovered_in,
        live_after,
        acknowledged: ids.len(),
        missing: missing(db, plan, &ids).await?,
    })
}

fn shell(command: &str) -> Result<(), Box<dyn Error>> {
    let status = Command::new("sh").arg("-c").arg(command).status()?;
    if !status.success() {
        return Err(format!("`{command}` failed: {status}").into());
    }
    Ok(())
}

/// Opens the plan's live stream; sends the moment of each event.
async fn follow(port: u16, plan: i64) -> Result<mpsc::Receiver<Instant>, Box<dyn Error>> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    stream
        .write_all(
            format!("GET /live/plannen/{plan} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .as_bytes(),
        )
        .await?;
    let (tx, rx) = mpsc::channel(64);
    tokio::spawn(async move {
        let mut lines = BufReader::new(stream).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if line.starts_with("data:") && tx.send(Instant::now()).await.is_err() {
                break;
            }
        }
    });
    Ok(rx)
}
