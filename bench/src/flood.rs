//! `bench flood`: issue #20's flood on the release server (SQLite, and
//! PostgreSQL when a server is given; demo data, limits raised so that nothing is refused for being too many and
//! every request does its full work). At once: 200 registrations with an
//! address that is taken (each one costs a password hash), 20 uploads of a
//! small PNG that declares 8000 × 8000 pixels, and 20 uploads of a real
//! 4000 × 3000 photo (each decode takes 48 MB). Meanwhile a logged-in
//! person keeps reading the plan list. Passes when the server's memory stays
//! under 400 MB and that person's p99 under 200 ms, the crafted files are
//! refused for their pixel count and the photos stored. Writes
//! `bench/FLOOD.md`.

use crate::{
    client::Client,
    server::{rss_kib, Server},
};
use std::{collections::BTreeMap, error::Error, fmt::Write as _, path::Path, time::Duration};

const PORT: u16 = 3_160;
const REGISTRATIONS: usize = 200;
const CRAFTED_UPLOADS: usize = 20;
const PHOTO_UPLOADS: usize = 20;
const RSS_LIMIT_MB: u64 = 400;
const P99_LIMIT: Duration = Duration::from_millis(200);
const GROUP: &str = "transvaal-samen";

pub async fn run(root: &Path, postgres: Option<&str>) -> Result<(), Box<dyn Error>> {
    let dir = root.join("target/flood");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("vloed.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    let mut backends = vec![("SQLite", format!("sqlite://{}?mode=rwc", file.display()))];
    if let Some(server) = postgres {
        backends.push((
            "PostgreSQL",
            crate::reliability::fresh_postgres(server).await?,
        ));
    }
    let mut report = String::from(
        "# Flood test\n\nWritten by `bench flood` (part of `scripts/reliability.sh`). ",
    );
    let _ = writeln!(
        report,
        "Release server with the demo data, limits raised (`WIJKPLEIN_LIMIT_FACTOR`) so every \
         request does its whole work; {} cores.\n\nAt once: {REGISTRATIONS} sign-ups with a taken address, \
         {CRAFTED_UPLOADS} uploads of a PNG declaring 8000 × 8000 pixels, {PHOTO_UPLOADS} uploads of a real \
         4000 × 3000 PNG. Meanwhile one logged-in person reads `/plannen` over and over. An answer \
         that sends the browser on says where: `stored`, or the problem the page then explains.",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let mut passed = true;
    for (name, url) in &backends {
        println!("flood on {name}");
        let (section, ok) = one(root, name, url).await?;
        report.push_str(&section);
        passed &= ok;
    }
    let _ = writeln!(
        report,
        "\nVerdict: {}",
        if passed { "passed." } else { "**failed.**" }
    );
    std::fs::write(root.join("bench/FLOOD.md"), &report)?;
    println!("{report}");
    if passed {
        Ok(())
    } else {
        Err("the flood test failed (see bench/FLOOD.md)".into())
    }
}

/// The flood on one database: its section of the report, and whether it
/// stayed within the limits with every answer as expected.
async fn one(root: &Path, name: &str, url: &str) -> Result<(String, bool), Box<dyn Error>> {
    let server = Server::start_with(root, url, PORT, true)?;
    let db = app::db::Db::connect(url, 2).await?;
    let mut taken = Client::new(PORT);
    taken
        .register(&db, "bezet@buurt.nl", "Bezet")
        .await
        .map_err(|e| e.to_string())?;
    let mut coordinator = Client::new(PORT);
    let login = "email=fatima%40demo.wijkplein.nl&password=buurt-demo-2026";
    coordinator
        .post("/api/log_in", login)
        .await
        .map_err(|e| e.to_string())?;
    let mut reader = Client::new(PORT);
    reader
        .register(&db, "lezer@buurt.nl", "Lezer")
        .await
        .map_err(|e| e.to_string())?;
    let photo = png(4000, 3000);
    let crafted = claims(8000, 8000);
    let pid = server.pid();
    let before = rss_kib(pid);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        tokio::spawn(async move {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = rss_kib(pid).max(peak);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            peak
        })
    };
    let (statuses, reads) = flood(coordinator.cookie.clone(), reader, &photo, &crafted).await;
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.await.unwrap_or_default();
    drop(server);
    let mut reads = reads;
    reads.sort();
    let p = |q: f64| {
        reads
            .get(((reads.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    let (p50, p99) = (p(0.5), p(0.99));
    let peak_mb = peak / 1024;
    let mut report = format!("\n## {name}\n\n");
    let _ = writeln!(report, "| what | answers |\n|---|---|");
    for (what, counts) in &statuses {
        let list: Vec<String> = counts.iter().map(|(s, n)| format!("{n} × {s}")).collect();
        let _ = writeln!(report, "| {what} | {} |", list.join(", "));
    }
    let _ = writeln!(
        report,
        "\n| measure | value | limit |\n|---|---:|---:|\n| server memory before | {} MB | |\n\
         | server memory, highest during | **{peak_mb} MB** | {RSS_LIMIT_MB} MB |\n\
         | reader's requests | {} | |\n| reader p50 | {:.1} ms | |\n| reader p99 | **{:.1} ms** | {} ms |",
        before / 1024,
        reads.len(),
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0,
        P99_LIMIT.as_millis()
    );
    // Every crafted file refused for its pixel count, every photo stored
    // (or told to try again when the decoders stay busy), every sign-up
    // answered as for a new address.
    let all = |what: &str, ok: &dyn Fn(&str) -> bool| {
        statuses
            .get(what)
            .is_some_and(|answers| answers.keys().all(|k| ok(k)))
    };
    let expected = all(CRAFTED, &|k| k.ends_with("image_too_many_pixels"))
        && all(PHOTO, &|k| k.ends_with("stored") || k.starts_with("503"))
        && all(SIGN_UP, &|k| k == "200 to /registreren?verstuurd=1");
    let passed = peak_mb < RSS_LIMIT_MB && p99 < P99_LIMIT && !reads.is_empty() && expected;
    Ok((report, passed))
}

/// Per kind of request, how many got each outcome.
type Statuses = BTreeMap<&'static str, BTreeMap<String, usize>>;

const SIGN_UP: &str = "sign-up, taken address";
const CRAFTED: &str = "upload, 8000 × 8000 declared";
const PHOTO: &str = "upload, 4000 × 3000 photo";

/// An answer as the report shows it: the status, and for a redirect after
/// an upload whether the image was stored or which problem the page shows.
fn outcome(answer: &crate::client::Answer) -> String {
    match answer.location.as_deref() {
        Some(to) if to.contains("beeld=opgeslagen") => format!("{} stored", answer.status),
        Some(to) => match to.split_once("beeldfout=") {
            Some((_, code)) => format!(
                "{} refused: {}",
                answer.status,
                code.split('#').next().unwrap_or(code)
            ),
            None => format!("{} to {to}", answer.status),
        },
        None => answer.status.to_string(),
    }
}

/// Runs the flood and the reader side by side; the reader stops when the
/// flood is over.
async fn flood(
    cookie: Option<String>,
    mut reader: Client,
    photo: &[u8],
    crafted: &[u8],
) -> (Statuses, Vec<Duration>) {
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..REGISTRATIONS {
        tasks.spawn(async move {
            let mut client = Client::new(PORT);
            let form = format!(
                "email=bezet%40buurt.nl&display_name=Buur+{n}&password=Fietsbel-Lindeboom-42&role=bewoner"
            );
            (SIGN_UP, client.post("/api/register", &form).await.map(|a| outcome(&a)))
        });
    }
    for (count, what, file) in [
        (CRAFTED_UPLOADS, CRAFTED, crafted.to_vec()),
        (PHOTO_UPLOADS, PHOTO, photo.to_vec()),
    ] {
        for _ in 0..count {
            let (cookie, file) = (cookie.clone(), file.clone());
            tasks.spawn(async move {
                let mut client = Client::new(PORT);
                client.cookie = cookie;
                let path = format!("/groepen/{GROUP}/beeld");
                (
                    what,
                    client
                        .upload(&path, "beeld", &file)
                        .await
                        .map(|a| outcome(&a)),
                )
            });
        }
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reading = {
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut took = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(answer) = reader.get("/plannen").await {
                    took.push(answer.took);
                }
            }
            took
        })
    };
    let mut statuses: Statuses = BTreeMap::new();
    while let Some(Ok((what, status))) = tasks.join_next().await {
        *statuses
            .entry(what)
            .or_default()
            .entry(status.unwrap_or_else(|err| format!("no answer: {err}")))
            .or_default() += 1;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    (statuses, reading.await.unwrap_or_default())
}

/// A real PNG of one colour, `width` × `height`.
fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([30, 110, 90]));
    let mut out = Vec::new();
    let _ = image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

/// A 1 × 1 PNG whose header claims `width` × `height`, checksum fixed.
fn claims(width: u32, height: u32) -> Vec<u8> {
    let mut file = png(1, 1);
    file[16..20].copy_from_slice(&width.to_be_bytes());
    file[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = 0xFFFF_FFFFu32;
    for byte in &file[12..29] {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    file[29..33].copy_from_slice(&(!crc).to_be_bytes());
    file
}
