//! Live fan-out: thousands of readers follow one plan's event stream
//! (`/live/plannen/{id}`), one reaction is posted, and the time until each
//! reader has the event is measured, with the server's memory while they are
//! connected. The readers are plain sockets reading the stream's lines, so the
//! client costs as little as possible beside the server on the same machine.

use std::{
    error::Error,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
    sync::mpsc,
};

/// What the fan-out run measured.
pub struct FanOut {
    pub connections: usize,
    pub p95: Duration,
    pub all: Duration,
    /// Readers that got the event within the wait.
    pub received: usize,
    pub rss_kib: u64,
}

/// Opens `connections` streams to `plan`, then posts one reaction as `cookie`.
pub async fn run(
    port: u16,
    pid: u32,
    plan: i64,
    cookie: &str,
    connections: usize,
) -> Result<FanOut, Box<dyn Error>> {
    let posted = Arc::new(AtomicBool::new(false));
    let (ready_tx, mut ready) = mpsc::channel::<()>(connections);
    let (got_tx, mut got) = mpsc::channel::<Instant>(connections);
    for _ in 0..connections {
        let (posted, ready_tx, got_tx) = (posted.clone(), ready_tx.clone(), got_tx.clone());
        tokio::spawn(async move {
            if let Ok(at) = follow(port, plan, &posted, ready_tx).await {
                let _ = got_tx.send(at).await;
            }
        });
    }
    drop((ready_tx, got_tx));
    let mut open = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while open < connections && Instant::now() < deadline {
        match tokio::time::timeout(Duration::from_secs(10), ready.recv()).await {
            Ok(Some(())) => open += 1,
            _ => break,
        }
    }
    if open < connections {
        return Err(format!("only {open} of {connections} streams opened").into());
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_kib = crate::server::rss_kib(pid);
    posted.store(true, Ordering::SeqCst);
    let start = Instant::now();
    post(port, plan, cookie).await?;
    let mut times = Vec::with_capacity(connections);
    while times.len() < connections {
        match tokio::time::timeout(Duration::from_secs(30), got.recv()).await {
            Ok(Some(at)) => times.push(at.saturating_duration_since(start)),
            _ => break,
        }
    }
    times.sort();
    let at = |share: f64| {
        let needed = ((connections as f64 * share).ceil() as usize).max(1);
        times.get(needed - 1).copied().unwrap_or(Duration::MAX)
    };
    Ok(FanOut {
        connections,
        p95: at(0.95),
        all: at(1.0),
        received: times.len(),
        rss_kib,
    })
}

/// One reader: says when the stream is open, then returns when the first
/// event after the post arrives.
async fn follow(
    port: u16,
    plan: i64,
    posted: &AtomicBool,
    ready: mpsc::Sender<()>,
) -> Result<Instant, Box<dyn Error + Send + Sync>> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream
        .write_all(
            format!(
                "GET /live/plannen/{plan} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
            )
            .as_bytes(),
        )
        .await?;
    let mut lines = BufReader::new(stream).lines();
    let mut in_headers = true;
    while let Some(line) = lines.next_line().await? {
        if in_headers {
            if line.is_empty() {
                in_headers = false;
                let _ = ready.send(()).await;
            }
            continue;
        }
        if line.starts_with("data:") && posted.load(Ordering::SeqCst) {
            return Ok(Instant::now());
        }
    }
    Err("the stream ended".into())
}

/// Posts one reaction as a form, over a plain socket.
async fn post(port: u16, plan: i64, cookie: &str) -> Result<(), Box<dyn Error>> {
    let body = format!(
        "subject=plan%3A{plan}&kind=herkenning&body=Wat+fijn+dat+dit+doorgaat.&back=%2Fplannen%2F{plan}"
    );
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream
        .write_all(
            format!(
                "POST /api/post_reaction HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nCookie: {cookie}\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .await?;
    let mut status = String::new();
    BufReader::new(stream).read_line(&mut status).await?;
    if ![" 200 ", " 302 ", " 303 "]
        .iter()
        .any(|code| status.contains(code))
    {
        return Err(format!("posting the reaction answered {status:?}").into());
    }
    Ok(())
}
