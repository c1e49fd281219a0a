//! A PostgreSQL outage under the real router: while the database cannot be
//! reached, people get a 503 that says to try again (never a 500, never a
//! hang), and afterwards the same server instance serves them again within
//! five seconds and its live updates resume, without a restart.
//!
//! The outage is made by a TCP relay between the app and PostgreSQL that
//! cuts every connection and drops new ones, so the test needs no control
//! over the shared test server. The same check against a stopped server
//! (`pg_ctl stop`, 10 s, under load) is the `bench outage` command.

use crate::common::*;
use app::{db::Db, live::LiveEvent};
use axum::http::StatusCode;
use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};
use tokio::{net::TcpListener, sync::broadcast};
use tower::ServiceExt;

/// Relays TCP to `target` until told to cut; while down it drops every new
/// connection at once, like a database host that went away.
struct Relay {
    port: u16,
    down: Arc<AtomicBool>,
    cut: broadcast::Sender<()>,
}

impl Relay {
    async fn start(target: String) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let down = Arc::new(AtomicBool::new(false));
        let (cut, _) = broadcast::channel(1);
        let (is_down, cuts) = (down.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if is_down.load(Ordering::SeqCst) {
                    continue; // dropped: the client sees the connection end
                }
                let target = target.clone();
                let mut cut = cuts.subscribe();
                tokio::spawn(async move {
                    let Ok(mut server) = tokio::net::TcpStream::connect(target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.recv() => {}
                    }
                });
            }
        });
        Relay { port, down, cut }
    }

    fn go_down(&self) {
        self.down.store(true, Ordering::SeqCst);
        let _ = self.cut.send(());
    }

    fn come_back(&self) {
        self.down.store(false, Ordering::SeqCst);
    }
}

/// `postgres://user@host:port/db` with host and port replaced by the relay.
fn through(url: &str, port: u16) -> (String, String) {
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let (host_port, db) = rest.split_once('/').unwrap();
    (
        format!("{scheme_user}@127.0.0.1:{port}/{db}"),
        host_port.to_owned(),
    )
}

/// The answer's status and text; a plain form post's redirect back to the
/// form is followed, since that page shows the error.
async fn status_of(
    app: &axum::Router,
    req: axum::http::Request<axum::body::Body>,
) -> (StatusCode, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    if res.status().is_redirection() {
        let location = res.headers()[axum::http::header::LOCATION]
            .to_str()
            .unwrap();
        let next = app.clone().oneshot(get(location, None)).await.unwrap();
        let status = next.status();
        return (status, text(next).await);
    }
    let status = res.status();
    (status, text(res).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_an_outage_people_get_a_503_and_afterwards_all_works_again() {
    let Some((direct, url)) = app::testing::postgres_with_url().await else {
        return;
    };
    let relay_target = through(&url, 0).1;
    let relay = Relay::start(relay_target).await;
    let (relayed, _) = through(&url, relay.port);
    let db = Db::connect(&relayed, 4).await.unwrap();
    app::live::listen(&db, &relayed).await.unwrap();
    let app = router(&db, relayed.clone()).await;
    let cookie = register(&app, &db, REGISTRATION).await;
    let mut events = db.live.subscribe();

    relay.go_down();
    let outage = Instant::now();
    let asks = [
        ("a logged-in page", get("/profiel", Some(&cookie))),
        ("a guest page", get("/groepen?q=tuin", None)),
        (
            "a server function",
            script_post("/api/log_in", "email=noor%40buurt.nl&password=x", None),
        ),
        ("a form post", form_post("/api/register", OTHER, None)),
    ];
    for (what, req) in asks {
        let (status, body) = status_of(&app, req).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{what}: {body}");
        assert!(
            body.contains("kan even niet bij zijn gegevens"),
            "{what} says why: {body}"
        );
    }
    assert!(
        outage.elapsed() < Duration::from_secs(4 * 7),
        "each refusal within the connection wait"
    );

    relay.come_back();
    let back = Instant::now();
    loop {
        let (status, _) = status_of(&app, get("/profiel", Some(&cookie))).await;
        if status == StatusCode::OK {
            break;
        }
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "still {status} five seconds after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Live updates: an event another instance sends now reaches this one.
    // Others may come first (a change made before the outage tells every
    // page "site changed" once the listener is back): they are skipped.
    let event = LiveEvent::plan(7, "reaction");
    let heard = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            direct.publish(event.clone()).await;
            if let Ok(Ok(got)) =
                tokio::time::timeout(Duration::from_millis(200), events.recv()).await
            {
                if got == event {
                    return got;
                }
            }
        }
    })
    .await;
    assert_eq!(heard.ok(), Some(event), "live updates resume within 5 s");
}
