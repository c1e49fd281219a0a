//! Load from `wrk` (Debian's), at 64 connections, and the reference it is
//! compared with: `nginx` (Debian's) serving the same HTML bytes as files.

use std::{
    error::Error,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

/// What `wrk` measured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Load {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Requests answered in the run.
    pub requests: u64,
    /// Answers that were neither 2xx nor 3xx, and socket errors.
    pub failures: u64,
}

/// A cookie that names no session: the server renders the page as for a
/// guest, but its page cache (for requests without a session cookie) is
/// passed by, so this measures rendering itself.
pub const PAST_THE_CACHE: &str = "Cookie: wijkplein_sessie=bench-rendert-elke-keer";

/// Runs `wrk` against `url`: 64 connections over two threads, for `seconds`;
/// `script` (Lua) shapes the requests when given.
pub fn wrk(url: &str, seconds: u64, script: Option<&Path>) -> Result<Load, Box<dyn Error>> {
    wrk_with(url, seconds, script, None)
}

/// [`wrk`] with one extra request header.
pub fn wrk_with(
    url: &str,
    seconds: u64,
    script: Option<&Path>,
    header: Option<&str>,
) -> Result<Load, Box<dyn Error>> {
    let mut command = Command::new("wrk");
    command.args([
        "-t2",
        "-c64",
        &format!("-d{seconds}s"),
        "--latency",
        "--timeout",
        "10s",
    ]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    if let Some(header) = header {
        command.arg("-H").arg(header);
    }
    let out = command.arg(url).output()?;
    if !out.status.success() {
        return Err(format!("wrk failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// Reads `wrk --latency` output.
fn parse(out: &str) -> Result<Load, Box<dyn Error>> {
    let mut load = Load::default();
    for line in out.lines().map(str::trim) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            ["Requests/sec:", n] => load.requests_per_second = n.parse()?,
            ["50%", t] => load.p50_ms = millis(t)?,
            ["99%", t] => load.p99_ms = millis(t)?,
            [n, "requests", "in", ..] => load.requests = n.parse()?,
            ["Non-2xx", "or", "3xx", "responses:", n] => load.failures += n.parse::<u64>()?,
            ["Socket", "errors:", rest @ ..] => {
                // "connect 0, read 0, write 0, timeout 3"
                load.failures += rest
                    .iter()
                    .filter_map(|f| f.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>();
            }
            _ => {}
        }
    }
    if load.requests_per_second == 0.0 {
        return Err(format!("wrk printed no requests per second:\n{out}").into());
    }
    Ok(load)
}

fn millis(t: &str) -> Result<f64, Box<dyn Error>> {
    let (number, factor) = if let Some(n) = t.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = t.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return Err(format!("unknown time {t:?}").into());
    };
    Ok(number.parse::<f64>()? * factor)
}

/// nginx serving a folder of pages as static files.
pub struct Nginx {
    child: Child,
    pub base: String,
}

impl Nginx {
    /// Writes `pages` (path, bytes) under `dir` and serves them on `port`.
    pub fn serve(
        dir: &Path,
        port: u16,
        pages: &[(String, Vec<u8>)],
    ) -> Result<Nginx, Box<dyn Error>> {
        let root = dir.join("pages");
        for (path, bytes) in pages {
            let file: PathBuf = root.join(format!("{}.html", path.trim_start_matches('/')));
            if let Some(parent) = file.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(file, bytes)?;
        }
        let config = dir.join("nginx.conf");
        std::fs::write(
            &config,
            format!(
                "worker_processes 2;\ndaemon off;\nuser root;\npid {dir}/nginx.pid;\n\
                 error_log {dir}/error.log;\nevents {{ worker_connections 4096; }}\n\
                 http {{\n  access_log off;\n  default_type text/html;\n  \
                 client_body_temp_path {dir}/tmp;\n  proxy_temp_path {dir}/tmp;\n  \
                 fastcgi_temp_path {dir}/tmp;\n  uwsgi_temp_path {dir}/tmp;\n  scgi_temp_path {dir}/tmp;\n  \
                 server {{\n    listen 127.0.0.1:{port};\n    root {root};\n    \
                 location / {{ try_files $uri.html =404; }}\n  }}\n}}\n",
                dir = dir.display(),
                root = root.display(),
            ),
        )?;
        std::fs::create_dir_all(dir.join("tmp"))?;
        let child = Command::new("nginx")
            .arg("-c")
            .arg(&config)
            .arg("-p")
            .arg(dir)
            .stderr(Stdio::null())
            .spawn()?;
        let nginx = Nginx {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        for _ in 0..200 {
            if let Some((path, _)) = pages.first() {
                if crate::http::status(&format!("{}{path}", nginx.base)).is_ok_and(|s| s == 200) {
                    return Ok(nginx);
                }
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Err(format!(
            "nginx did not serve the pages; see {}/error.log",
            dir.display()
        )
        .into())
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers first (SIGKILL left them running).
        let stopped = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        if !stopped {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output() {
        let out = "Running 20s test @ http://127.0.0.1:3000/manifest
  2 threads and 64 connections
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.00ms
     99%   12.50ms
  121234 requests in 20.00s, 1.23GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 5
Requests/sec:   6061.70
Transfer/sec:     61.23MB";
        let load = parse(out).unwrap();
        assert_eq!(load.requests_per_second, 6061.70);
        assert!((load.p50_ms - 0.812).abs() < 1e-9);
        assert_eq!(load.p99_ms, 12.5);
        assert_eq!(load.failures, 10);
        assert_eq!(load.requests, 121_234);
    }

    #[test]
    fn output_without_a_rate_is_an_error() {
        assert!(parse("unable to connect").is_err());
    }
}
