//! `/live/plannen/{id}`: a server-sent-event stream that says "this plan
//! changed" (a reaction, a phase, support, an update). The browser island
//! then reloads the changed parts itself. Events come from this instance's
//! live channel, which on PostgreSQL also carries other instances' changes.

use app::{live::LiveEvent, state::AppState};
use axum::{
    extract::{Path, State},
    http::{header, HeaderValue, StatusCode},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
};
use std::{convert::Infallible, time::Duration};
use tokio::sync::broadcast::error::RecvError;

/// Streams the events of one plan; an unknown plan is a 404.
pub async fn plan_events(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Err(err) = app::plans::service::plan(&state.db, id).await {
        return StatusCode::from_u16(err.status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response();
    }
    let topic = LiveEvent::plan(id, "").topic;
    let receiver = state.db.live.subscribe();
    let stream = futures_util::stream::unfold((receiver, topic), |(mut rx, topic)| async move {
        loop {
            match rx.recv().await {
                Ok(event) if event.topic == topic => {
                    let sse = Event::default().data(event.kind);
                    return Some((Ok::<_, Infallible>(sse), (rx, topic)));
                }
                // Another plan's news, or this reader fell behind: in both
                // cases the next event refreshes everything anyway.
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    let mut res = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
        .into_response();
    // Proxies such as nginx must pass events on at once.
    res.headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
