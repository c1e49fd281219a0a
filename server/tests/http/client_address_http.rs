//! Limits per address behind load balancers: with the balancers trusted
//! (`WIJKPLEIN_TRUSTED_PROXIES`), each client behind them has a limit of its
//! own, and what a client writes into `X-Forwarded-For` itself changes
//! nothing. Without that setting the header is ignored. Both backends.

#![allow(clippy::unwrap_used, reason = "tests: a panic is a clear failure")]

use crate::common::*;

use app::{db::Db, db_test, limits::REGISTRATIONS_PER_IP};
use axum::{extract::ConnectInfo, http::StatusCode, Router};
use std::net::SocketAddr;
use tower::ServiceExt;

const BALANCER: &str = "10.0.0.7:40000";

/// Registers a new person through a balancer that forwards `forwarded_for`.
async fn register_via(app: &Router, n: i64, forwarded_for: &str) -> StatusCode {
    let body = format!(
        "email=buur{n}%40buurt.nl&display_name=Buur+{n}&password=Fietsbel-Lindeboom-42&role=bewoner"
    );
    let mut req = script_post("/api/register", &body, None);
    req.headers_mut()
        .insert("x-forwarded-for", forwarded_for.parse().unwrap());
    let balancer: SocketAddr = BALANCER.parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(balancer));
    app.clone().oneshot(req).await.unwrap().status()
}

db_test!(
    behind_trusted_balancers_each_client_has_its_own_limit,
    |db: Db| async move {
        let url = url_of(&db).await;
        let app = router_with(&db, url, |config| {
            config.trusted_proxies = "10.0.0.0/8".parse().unwrap();
        })
        .await;
        let max = REGISTRATIONS_PER_IP.max;
        for n in 0..max {
            assert_eq!(register_via(&app, n, "198.51.100.1").await, StatusCode::OK);
        }
        assert_eq!(
            register_via(&app, 100, "198.51.100.1").await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // A new address written in front by the client itself is skipped.
        assert_eq!(
            register_via(&app, 101, "203.0.113.9, 198.51.100.1").await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // Another neighbour behind the same balancer is not held back.
        assert_eq!(
            register_via(&app, 102, "198.51.100.2").await,
            StatusCode::OK
        );
    }
);

db_test!(
    without_trusted_balancers_the_header_changes_nothing,
    |db: Db| async move {
        let app = router(&db, url_of(&db).await).await;
        let max = REGISTRATIONS_PER_IP.max;
        for n in 0..max {
            let someone = format!("198.51.100.{n}");
            assert_eq!(register_via(&app, n, &someone).await, StatusCode::OK);
        }
        assert_eq!(
            register_via(&app, 100, "203.0.113.200").await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
);

db_test!(an_ipv6_client_is_counted_by_its_64, |db: Db| async move {
    let url = url_of(&db).await;
    let app = router_with(&db, url, |config| {
        config.trusted_proxies = "10.0.0.0/8".parse().unwrap();
    })
    .await;
    let max = REGISTRATIONS_PER_IP.max;
    // One home changing addresses inside its /64 uses up one limit.
    for n in 0..max {
        let address = format!("2001:db8:1:2::{:x}", n + 1);
        assert_eq!(register_via(&app, n, &address).await, StatusCode::OK);
    }
    assert_eq!(
        register_via(&app, 100, "2001:db8:1:2:ffff::1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The next /64 is another home.
    assert_eq!(
        register_via(&app, 101, "2001:db8:1:3::1").await,
        StatusCode::OK
    );
});
