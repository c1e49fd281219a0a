//! Single requests through `curl` (Debian's): fetching a page, its status,
//! its compressed size, a login. The load itself comes from `wrk`.

use std::{error::Error, process::Command};

fn curl(args: &[&str]) -> Result<Vec<u8>, Box<dyn Error>> {
    let out = Command::new("curl").arg("-s").args(args).output()?;
    if !out.status.success() {
        return Err(format!("curl {args:?} failed: {}", out.status).into());
    }
    Ok(out.stdout)
}

/// The HTTP status of a GET.
pub fn status(url: &str) -> Result<u16, Box<dyn Error>> {
    let out = curl(&["-o", "/dev/null", "-w", "%{http_code}", url])?;
    Ok(String::from_utf8_lossy(&out).trim().parse()?)
}

/// The body of a GET, as a browser without compression gets it.
pub fn body(url: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    curl(&["-f", "-H", "Accept: text/html", url])
}

/// What one compressed GET cost.
pub struct Wire {
    /// Body bytes as sent (compressed), not decompressed.
    pub bytes: u64,
    pub cache_control: String,
    pub last_modified: String,
}

/// Bytes on the wire for a GET that accepts brotli and gzip, optionally
/// conditional (`If-Modified-Since`), as a browser sends it.
pub fn wire(url: &str, if_modified_since: Option<&str>) -> Result<Wire, Box<dyn Error>> {
    let condition = if_modified_since.map(|since| format!("If-Modified-Since: {since}"));
    let mut args = vec![
        "-o",
        "/dev/null",
        "-H",
        "Accept-Encoding: br, gzip",
        "-w",
        "%{size_download}\n%header{cache-control}\n%header{last-modified}",
    ];
    if let Some(condition) = &condition {
        args.extend(["-H", condition]);
    }
    args.push(url);
    let out = String::from_utf8_lossy(&curl(&args)?).to_string();
    let mut lines = out.lines();
    Ok(Wire {
        bytes: lines.next().unwrap_or_default().trim().parse()?,
        cache_control: lines.next().unwrap_or_default().trim().to_owned(),
        last_modified: lines.next().unwrap_or_default().trim().to_owned(),
    })
}

/// Logs in through the login form; returns the session cookie.
pub fn login(base: &str, email: &str, password: &str) -> Result<String, Box<dyn Error>> {
    let out = curl(&[
        "-o",
        "/dev/null",
        "-D",
        "-",
        "-H",
        "Accept: text/html",
        "--data-urlencode",
        &format!("email={email}"),
        "--data-urlencode",
        &format!("password={password}"),
        &format!("{base}/api/log_in"),
    ])?;
    String::from_utf8_lossy(&out)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, value)| value.trim())
        .find(|v| v.starts_with("wijkplein_sessie="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("no session cookie after logging in as {email}").into())
}
