//! Mobile first load: Lighthouse (npm, pinned in `bench/lighthouse/`) with
//! Debian's Chromium, its default mobile emulation and simulated throttling,
//! three runs per page, the median of each figure.

use std::{error::Error, path::Path, process::Command};

/// The median of three Lighthouse runs on one page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lighthouse {
    /// Performance score, 0 to 100.
    pub score: f64,
    pub lcp_ms: f64,
    pub tbt_ms: f64,
    pub cls: f64,
}

/// Runs Lighthouse three times on `url`.
pub fn measure(root: &Path, url: &str) -> Result<Lighthouse, Box<dyn Error>> {
    let dir = root.join("bench/lighthouse");
    let out = root.join("target/bench/lighthouse.json");
    let mut runs = Vec::new();
    for _ in 0..3 {
        let status = Command::new(dir.join("node_modules/.bin/lighthouse"))
            .arg(url)
            .args([
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run",
            ])
            .arg(format!("--output-path={}", out.display()))
            .env("CHROME_PATH", "/usr/bin/chromium")
            .status()?;
        if !status.success() {
            return Err(format!("lighthouse failed on {url}: {status}").into());
        }
        runs.push(read(&std::fs::read_to_string(&out)?)?);
    }
    let median = |f: fn(&Lighthouse) -> f64| {
        let mut values: Vec<f64> = runs.iter().map(f).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    Ok(Lighthouse {
        score: median(|l| l.score),
        lcp_ms: median(|l| l.lcp_ms),
        tbt_ms: median(|l| l.tbt_ms),
        cls: median(|l| l.cls),
    })
}

/// Reads the figures from a Lighthouse JSON report.
fn read(json: &str) -> Result<Lighthouse, Box<dyn Error>> {
    let report: serde_json::Value = serde_json::from_str(json)?;
    let audit = |id: &str| {
        report["audits"][id]["numericValue"]
            .as_f64()
            .ok_or_else(|| format!("the report has no {id}"))
    };
    Ok(Lighthouse {
        score: report["categories"]["performance"]["score"]
            .as_f64()
            .ok_or("the report has no performance score")?
            * 100.0,
        lcp_ms: audit("largest-contentful-paint")?,
        tbt_ms: audit("total-blocking-time")?,
        cls: audit("cumulative-layout-shift")?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_report() {
        let json = r#"{"categories":{"performance":{"score":0.97}},"audits":{
            "largest-contentful-paint":{"numericValue":1234.5},
            "total-blocking-time":{"numericValue":20},
            "cumulative-layout-shift":{"numericValue":0.01}}}"#;
        let l = super::read(json).unwrap();
        assert_eq!(
            (l.score.round(), l.lcp_ms, l.tbt_ms, l.cls),
            (97.0, 1234.5, 20.0, 0.01)
        );
        assert!(super::read(r#"{"audits":{}}"#).is_err());
    }
}
