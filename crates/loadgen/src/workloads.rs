//! The workloads of the benchmark and the loop that drives them.

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use hdrhistogram::Histogram;
use reqwest::{Client, Method};
use serde_json::{Value, json};

/// One of W1–W4, or W2's like-for-like variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// `POST /cases` as a reporter.
    W1,
    /// `GET /cases?state=reported&area=<commune>&limit=50` as the officer.
    W2,
    /// `POST /cases/{code}/actions` (`accept`) as the officer, each on
    /// another reported case.
    W3,
    /// `GET /cases?q=<words>` as the officer.
    W4,
    /// `GET /cases?area=<commune>&limit=50` as the officer: W2 without its
    /// state filter. A commune of the 10 k seed has about 20 reported
    /// cases, so W2's page holds 20 there and 50 at 1 M; this one holds 50
    /// at both, to compare like with like how a list's cost grows with
    /// the data.
    W2All,
}

impl FromStr for Workload {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "w1" => Ok(Workload::W1),
            "w2" => Ok(Workload::W2),
            "w3" => Ok(Workload::W3),
            "w4" => Ok(Workload::W4),
            "w2all" => Ok(Workload::W2All),
            other => Err(format!("unknown workload {other}; w1, w2, w3, w4 or w2all")),
        }
    }
}

impl Workload {
    /// Its name in the report.
    pub fn describe(self) -> &'static str {
        match self {
            Workload::W1 => "W1 POST /cases",
            Workload::W2 => "W2 GET /cases?state=reported&area=…&limit=50",
            Workload::W3 => "W3 POST /cases/{id}/actions (accept)",
            Workload::W4 => "W4 GET /cases?q=…",
            Workload::W2All => "W2all GET /cases?area=…&limit=50",
        }
    }
}

/// Searches of W4: words of the seeded texts, common and rare, a code
/// prefix and a prefix being typed.
const QUERIES: &[&str] = &[
    "dat dai",
    "o nhiem nguon nuoc",
    "giai phong mat bang",
    "khieu nai",
    "tham nhung",
    "rac thai",
    "tranh chap dat",
    "nuoc thai chan nuoi",
    "khai thac cat",
    "lo gach",
    "bn-2026-00012",
    "dau thau du an quoc lo",
    "tai dinh cu",
    "xa tan lac",
    "thu phi sai",
    "chay rung phong",
];

/// Titles of W1's new reports.
const TITLES: &[&str] = &[
    "Ô nhiễm tiếng ồn từ xưởng mộc",
    "Đường giao thông nông thôn xuống cấp",
    "Tranh chấp lối đi chung giữa hai hộ",
    "Chậm chi trả tiền bồi thường dự án",
];

/// What the workloads share: the client, the URL, the tokens and codes.
pub struct Plan {
    client: Client,
    base: String,
    officer: String,
    reporter: String,
    areas: Vec<String>,
    categories: Vec<String>,
    lead_unit: String,
}

impl Plan {
    /// Reads the seed's tokens and codes.
    pub async fn new(url: &str, seed: &Value) -> anyhow::Result<Plan> {
        let text = |key: &str| -> anyhow::Result<String> {
            Ok(seed[key]
                .as_str()
                .with_context(|| format!("no {key}"))?
                .to_owned())
        };
        let list = |key: &str| -> Vec<String> {
            seed[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        Ok(Plan {
            client: Client::builder().pool_max_idle_per_host(64).build()?,
            base: format!("{}/api/v1", url.trim_end_matches('/')),
            officer: text("officer")?,
            reporter: text("reporter")?,
            areas: list("areas"),
            categories: list("categories"),
            lead_unit: text("lead_unit")?,
        })
    }

    /// Codes of up to `want` reported cases, newest first.
    async fn reported(&self, want: usize) -> anyhow::Result<Vec<String>> {
        let mut codes = Vec::new();
        let mut cursor: Option<String> = None;
        while codes.len() < want {
            let mut url = format!("{}/cases?state=reported&limit=100", self.base);
            if let Some(c) = &cursor {
                url.push_str(&format!("&cursor={c}"));
            }
            let page: Value = self
                .client
                .get(url)
                .bearer_auth(&self.officer)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            for case in page["items"].as_array().into_iter().flatten() {
                codes.extend(case["code"].as_str().map(str::to_owned));
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        Ok(codes)
    }

    /// The `n`-th request of `workload`; `None` when there is nothing left
    /// to do (W3 ran out of reported cases).
    fn request(
        &self,
        workload: Workload,
        n: usize,
        pool: &[String],
    ) -> Option<reqwest::RequestBuilder> {
        let pick = |list: &[String]| list[n % list.len()].clone();
        Some(match workload {
            Workload::W1 => self
                .client
                .request(Method::POST, format!("{}/cases", self.base))
                .bearer_auth(&self.reporter)
                .json(&json!({
                    "title": format!("{} số {n}", TITLES[n % TITLES.len()]),
                    "description": "Người dân phản ánh tình trạng kéo dài nhiều tháng, đề nghị chính quyền sớm kiểm tra, xử lý.",
                    "area": pick(&self.areas),
                    "category": pick(&self.categories),
                    "source": "collaborator",
                })),
            Workload::W2 | Workload::W2All => {
                let state = match workload {
                    Workload::W2 => "state=reported&",
                    _ => "",
                };
                self.client
                    .get(format!(
                        "{}/cases?{state}area={}&limit=50",
                        self.base,
                        pick(&self.areas)
                    ))
                    .bearer_auth(&self.officer)
            }
            Workload::W3 => self
                .client
                .post(format!("{}/cases/{}/actions", self.base, pool.get(n)?))
                .bearer_auth(&self.officer)
                .json(&json!({
                    "action": "accept",
                    "version": 1,
                    "sensitivity": "normal",
                    "priority": "normal",
                    "lead_unit": self.lead_unit,
                })),
            Workload::W4 => self
                .client
                .get(format!(
                    "{}/cases?q={}",
                    self.base,
                    QUERIES[n % QUERIES.len()].replace(' ', "%20")
                ))
                .bearer_auth(&self.officer),
        })
    }
}

/// What a workload did.
pub struct Outcome {
    /// Latency of each successful request, in microseconds.
    pub latency_us: Histogram<u64>,
    /// Requests answered with an error status or not at all.
    pub errors: u64,
    /// The first error, for the report.
    pub first_error: Option<String>,
    /// How long it ran.
    pub elapsed: Duration,
}

/// Runs `workload` with `concurrency` requests in flight for `duration`.
pub async fn run(
    plan: &Arc<Plan>,
    workload: Workload,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<Outcome> {
    let pool = Arc::new(if workload == Workload::W3 {
        let pool = plan.reported(30_000).await?;
        if pool.is_empty() {
            bail!("no reported case to accept");
        }
        pool
    } else {
        Vec::new()
    });
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let until = started + duration;
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (plan, pool, next) = (plan.clone(), pool.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut latency = Histogram::<u64>::new_with_bounds(1, 120_000_000, 3).expect("bounds");
            let (mut errors, mut first_error) = (0_u64, None);
            while Instant::now() < until {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(request) = plan.request(workload, n, &pool) else {
                    break;
                };
                let sent = Instant::now();
                match request.send().await {
                    Ok(response) if response.status().is_success() => {
                        // The whole body is part of the answer's time.
                        let _ = response.bytes().await;
                        latency.saturating_record(sent.elapsed().as_micros() as u64);
                    }
                    Ok(response) => {
                        errors += 1;
                        let status = response.status();
                        let body = response.text().await.unwrap_or_default();
                        first_error.get_or_insert(format!("{status} {body}"));
                    }
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert(e.to_string());
                    }
                }
            }
            (latency, errors, first_error)
        }));
    }
    let mut outcome = Outcome {
        latency_us: Histogram::new_with_bounds(1, 120_000_000, 3)?,
        errors: 0,
        first_error: None,
        elapsed: Duration::ZERO,
    };
    for worker in workers {
        let (latency, errors, first_error) = worker.await?;
        outcome.latency_us.add(latency)?;
        outcome.errors += errors;
        if outcome.first_error.is_none() {
            outcome.first_error = first_error;
        }
    }
    outcome.elapsed = started.elapsed();
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            client: Client::new(),
            base: "http://127.0.0.1:1/api/v1".into(),
            officer: "officer".into(),
            reporter: "reporter".into(),
            areas: vec!["BN-006".into()],
            categories: vec!["land".into()],
            lead_unit: "UBND-BN".into(),
        }
    }

    fn query(workload: Workload) -> String {
        let request = plan().request(workload, 0, &[]).expect("a request");
        let request = request.build().expect("a valid request");
        request.url().query().unwrap_or_default().to_owned()
    }

    #[test]
    fn w2all_is_w2_without_its_state_filter() {
        assert_eq!("w2all".parse(), Ok(Workload::W2All));
        assert_eq!(query(Workload::W2), "state=reported&area=BN-006&limit=50");
        assert_eq!(query(Workload::W2All), "area=BN-006&limit=50");
        assert!("w5".parse::<Workload>().unwrap_err().contains("w2all"));
    }
}
