//! The release server as a child process: started on a database, timed to
//! its first answer, measured (resident memory from `/proc`), stopped.

use std::{
    error::Error,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// A running Wijkplein server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// From the start of the process to its first answer.
    pub start_up: Duration,
}

impl Server {
    /// Starts `target/release/wijkplein` on `database_url` and waits for an
    /// answer on `/`.
    pub fn start(root: &Path, database_url: &str, port: u16) -> Result<Server, Box<dyn Error>> {
        Server::start_with(root, database_url, port, false)
    }

    /// [`Server::start`], with the demo data filled in first when `demo`.
    pub fn start_with(
        root: &Path,
        database_url: &str,
        port: u16,
        demo: bool,
    ) -> Result<Server, Box<dyn Error>> {
        let started = Instant::now();
        let child = Command::new(root.join("target/release/wijkplein"))
            .current_dir(root)
            .env("DATABASE_URL", database_url)
            .env("WIJKPLEIN_DEMO", if demo { "1" } else { "0" })
            // The writes benchmark posts as 64 people, far above a person's limit.
            .env("WIJKPLEIN_LIMIT_FACTOR", "1000000")
            .env("WIJKPLEIN_LISTEN", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", "target/site")
            .env("LEPTOS_SITE_PKG_DIR", "pkg")
            .env("LEPTOS_OUTPUT_NAME", "wijkplein")
            .env("LEPTOS_ENV", "PROD")
            .env("LEPTOS_HASH_FILES", "true")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()?;
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            start_up: Duration::ZERO,
        };
        while started.elapsed() < Duration::from_secs(120) {
            if crate::http::status(&format!("{}/", server.base)).is_ok_and(|s| s == 200) {
                server.start_up = started.elapsed();
                return Ok(server);
            }
            if let Some(status) = server.child.try_wait()? {
                return Err(format!("the server stopped at start-up: {status}").into());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Err("the server did not answer within two minutes".into())
    }

    /// Kills the process at once (SIGKILL: no shutdown of any kind) and
    /// waits for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The process id, for [`rss_kib`].
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Resident memory of a process in KiB (`VmRSS`), 0 when it is gone.
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Samples a process's resident memory while `work` runs; returns the work's
/// result and the highest sample.
pub fn peak_rss_during<T>(pid: u32, work: impl FnOnce() -> T) -> (T, u64) {
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(rss_kib(pid));
                std::thread::sleep(Duration::from_millis(200));
            }
            peak
        })
    };
    let result = work();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(0);
    (result, peak)
}
