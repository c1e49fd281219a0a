//! The Wijkplein server: reads configuration, opens the database, and serves
//! the Leptos app with sessions, compression and request logging.

use server::{config::Config, routes};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .init();
    if let Err(err) = run().await {
        tracing::error!("Wijkplein could not start: {err}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let db = app::db::Db::connect(&config.database_url, config.max_connections).await?;
    if config.demo {
        app::demo::seed(&db).await?;
    }
    let leptos_options = leptos::config::get_configuration(None)?.leptos_options;
    let addr = config.listen.unwrap_or(leptos_options.site_addr);
    let router = routes::build(&config, app::state::AppState { leptos_options, db }).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Wijkplein listens on http://{addr}");
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("Wijkplein stopped");
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C, so in-flight requests can finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
