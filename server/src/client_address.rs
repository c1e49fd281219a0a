//! Works out each request's client address once, before anything else reads
//! it (see `app::accounts::client_address` for the rules behind load
//! balancers).

use app::accounts::client_address::{ClientAddress, TrustedProxies};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::header::HeaderName,
    middleware::Next,
    response::Response,
};
use std::{net::SocketAddr, sync::Arc};

static X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// Marks a request that reached us through a trusted balancer: only then
/// do its `X-Forwarded-*` headers speak for the client (see `web_guard`).
#[derive(Debug, Clone, Copy)]
pub struct FromTrustedProxy;

/// Middleware: stores the client's [`ClientAddress`] in the request's
/// extensions, where `session::client_ip` finds it.
pub async fn attach(
    State(trusted): State<Arc<TrustedProxies>>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let forwarded = request
            .headers()
            .get_all(&X_FORWARDED_FOR)
            .iter()
            .filter_map(|value| value.to_str().ok());
        let client = trusted.client(peer.ip(), forwarded);
        let through_balancer = trusted.trusts(peer.ip());
        request.extensions_mut().insert(ClientAddress(client));
        if through_balancer {
            request.extensions_mut().insert(FromTrustedProxy);
        }
    }
    next.run(request).await
}
