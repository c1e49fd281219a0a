//! The Wijkplein server as a library, so integration tests can build the
//! same router the binary serves.

pub mod backup;
pub mod client_address;
pub mod config;
pub mod live;
pub mod my_data;
pub mod page_cache;
pub mod refused_forms;
pub mod request_limits;
pub mod routes;
pub mod uploads;
pub mod web_guard;
