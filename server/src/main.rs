//! The Wijkplein server: reads configuration, opens the database, and serves
//! the Leptos app with sessions, compression and request logging.
//!
//! Commands for whoever runs the server (never reachable over the web):
//! - `wijkplein publish-manifest <file.toml>` publishes a new manifest version;
//! - `wijkplein admin add <email>` makes an account a platform admin (the
//!   first one included), `wijkplein admin remove <email>` takes that away,
//!   and `wijkplein admin list` shows who is one;
//! - `wijkplein backup <file>` writes a consistent backup while the site runs,
//!   `wijkplein restore <file>` puts one into an empty database.

use server::{config::Config, routes};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    return_big_buffers_at_once();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => serve().await,
        [command, file] if command == "publish-manifest" => publish_manifest(file).await,
        [command, rest @ ..] if command == "admin" => admin(rest).await,
        [command, file] if command == "backup" => backup_or_restore(file, true).await,
        [command, file] if command == "restore" => backup_or_restore(file, false).await,
        _ => Err(USAGE.into()),
    };
    if let Err(err) = result {
        tracing::error!("Wijkplein stopped with an error: {err}");
        std::process::exit(1);
    }
}

async fn open_database(config: &Config) -> Result<app::db::Db, Box<dyn std::error::Error>> {
    let mut db = app::db::Db::connect(&config.database_url, config.max_connections).await?;
    db.limits = app::limits::Limits {
        factor: config.limit_factor,
    };
    // Other instances' live updates arrive through PostgreSQL (no-op on SQLite).
    app::live::listen(&db, &config.database_url).await?;
    app::manifest::content::ensure_loaded(&db).await?;
    if let Some(secret) = &config.secret {
        app::discussion::guest_challenge::set_key(&db, secret).await?;
    }
    // A database from before search existed gets its index once.
    app::search::rebuild::build_if_empty(&db).await?;
    Ok(db)
}

async fn serve() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let db = open_database(&config).await?;
    if config.demo {
        app::demo::seed(&db).await?;
        tracing::warn!("demo data is on (WIJKPLEIN_DEMO=1): never use this for real people");
    }
    tokio::spawn(forget_old_limit_counts(db.clone()));
    let leptos_options = leptos::config::get_configuration(None)?.leptos_options;
    let addr = config.listen.unwrap_or(leptos_options.site_addr);
    let images = match &config.image_dir {
        Some(dir) => app::media::store::ImageStore::Disk(dir.clone()),
        None => app::media::store::ImageStore::Database,
    };
    let mailer = match &config.mail {
        Some(mail) => {
            let mailer =
                app::email::sender::Mailer::new(&mail.smtp_url, &mail.from, &mail.public_url)?;
            tracing::info!(?mailer, "notification e-mail is on");
            tokio::spawn(app::email::sender::run(
                db.clone(),
                mailer.clone(),
                mail.every,
            ));
            Some(mailer)
        }
        None => None,
    };
    let state = app::state::AppState {
        leptos_options,
        db,
        images,
        mailer,
    };
    let router = routes::build(&config, state).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Wijkplein listens on http://{addr}");
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("Wijkplein stopped");
    Ok(())
}

/// Every hour, forgets rate-limit counts that no window needs any more, the
/// used answers of expired guest challenges, and sign-ups never confirmed
/// within 48 hours. An error (the database away
/// for a moment) is logged and the loop goes on.
async fn forget_old_limit_counts(db: app::db::Db) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        if let Err(err) = app::limits::forget_old(&db).await {
            tracing::warn!(error = %err, "old rate-limit counts not removed this hour");
        }
        if let Err(err) = app::discussion::guest_challenge::forget_expired(&db).await {
            tracing::warn!(error = %err, "used guest challenges not removed this hour");
        }
        if let Err(err) = app::accounts::signup::forget_expired(&db).await {
            tracing::warn!(error = %err, "unconfirmed sign-ups not removed this hour");
        }
    }
}

const USAGE: &str = "usage: wijkplein [publish-manifest <file.toml> | admin add <email> | admin remove <email> | admin list \
     | admin verify <email> <municipality> <organisation> | admin unverify <email> | admin professionals \
     | backup <file> | restore <file>]";

/// Backs the database up to `file`, or restores `file` into it (see
/// `server::backup`).
async fn backup_or_restore(file: &str, backup: bool) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let path = std::path::Path::new(file);
    if backup {
        server::backup::backup(&config.database_url, path).await?;
        println!("backup written to {file}");
    } else {
        server::backup::restore(&config.database_url, path).await?;
        println!("{file} restored");
    }
    Ok(())
}

/// Manages platform admins from the server's command line.
async fn admin(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    use app::accounts::{admins, professionals};
    let config = Config::from_env()?;
    let db = open_database(&config).await?;
    match args {
        [action, email] if action == "add" => {
            admins::set_admin(&db, email, true).await?;
            println!("{email} is now a platform admin");
        }
        [action, email] if action == "remove" => {
            admins::set_admin(&db, email, false).await?;
            println!("{email} is no longer a platform admin");
        }
        [action] if action == "list" => {
            for (email, name) in admins::list(&db).await? {
                println!("{email}\t{name}");
            }
        }
        [action, email, municipality, organisation @ ..]
            if action == "verify" && !organisation.is_empty() =>
        {
            let organisation = organisation.join(" ");
            let role = professionals::verify(&db, email, &organisation, municipality, None).await?;
            println!(
                "{email}: {} at {organisation} ({municipality}) confirmed",
                role.as_str()
            );
        }
        [action, email] if action == "unverify" => {
            professionals::unverify(&db, email).await?;
            println!("{email}: professional role no longer confirmed");
        }
        [action] if action == "professionals" => {
            for p in professionals::list(&db).await? {
                let state = if p.verified {
                    "confirmed"
                } else {
                    "self-described"
                };
                println!(
                    "{}\t{}\t{}\t{}\t{state}\t{}",
                    p.email,
                    p.display_name,
                    p.role.as_str(),
                    p.municipality,
                    p.organisation
                );
            }
        }
        _ => return Err(USAGE.into()),
    }
    Ok(())
}

async fn publish_manifest(file: &str) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let db = open_database(&config).await?;
    let text = std::fs::read_to_string(file)?;
    let doc = app::manifest::content::parse(&text)?;
    app::manifest::content::publish(&db, &doc, None).await?;
    tracing::info!(version = doc.version, "manifest version published");
    Ok(())
}
/// Makes glibc give every allocation of 1 MiB or more back to the system when
/// it is freed (see the `libc` dependency in Cargo.toml for the measurement).
/// Password hashing and image decoding allocate tens of MB for a moment; by
/// default glibc raises its threshold after the first such free and keeps
/// them, so a burst of logins could grow the server by hundreds of MB.
fn return_big_buffers_at_once() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a tuning parameter of the allocator; it is
    // called before the server allocates anything big, with valid arguments.
    #[allow(unsafe_code, reason = "one call into glibc's allocator settings")]
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
    }
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
