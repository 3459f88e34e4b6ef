//! Filing through the balancer while a replica dies: 8 phones file cases,
//! each with its own `Idempotency-Key`, resending a request that failed
//! with the same key, as the phone's filing form does; one replica is
//! killed with SIGKILL when a quarter of the cases are in. Every case
//! acknowledged is there afterwards, and none was filed twice.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::Cluster;
use crate::support::Client;

/// Phones filing at once.
const CLIENTS: usize = 8;
/// Cases each phone files, one after the other.
const CASES_EACH: usize = 12;
/// How long a phone keeps resending one case.
const PATIENCE: Duration = Duration::from_secs(60);

/// The title of the case filed under `key`: the key makes it unique.
fn title(key: &str) -> String {
    format!("Phản ánh {key}: nước thải đổ ra kênh")
}

/// What the phone sends for the case of `key`.
fn report(key: &str) -> Value {
    json!({
        "title": title(key),
        "description": "Người dân phản ánh nhiều lần, mùi hôi cả khu phố.",
        "area": "HN-BD",
        "category": "environment",
        "source": "collaborator",
        "hotspot_risk": "medium",
    })
}

/// Counts shared by the phones.
#[derive(Default)]
struct Tally {
    /// Cases acknowledged (2xx).
    acknowledged: AtomicUsize,
    /// Requests that failed (a 5xx or no answer) and were sent again.
    resent: AtomicUsize,
    /// Acknowledgements that were replays: the killed replica had
    /// committed the case but its answer was lost.
    replayed: AtomicUsize,
}

/// Files the case of `key` at `url` until a 2xx, resending with the same
/// key after a 5xx or a lost connection; a 4xx fails the test.
async fn file(http: &reqwest::Client, url: &str, token: &str, key: &str, tally: &Tally) -> Value {
    let started = Instant::now();
    loop {
        let answer = http
            .post(url)
            .bearer_auth(token)
            .header("idempotency-key", key)
            .json(&report(key))
            .timeout(Duration::from_secs(20))
            .send()
            .await;
        let last = match answer {
            Ok(answer) if answer.status().is_success() => {
                if answer.headers().contains_key("idempotent-replayed") {
                    tally.replayed.fetch_add(1, Ordering::SeqCst);
                }
                match answer.json().await {
                    Ok(case) => {
                        tally.acknowledged.fetch_add(1, Ordering::SeqCst);
                        return case;
                    }
                    Err(err) => format!("a body cut short: {err}"),
                }
            }
            Ok(answer) if answer.status().is_server_error() => answer.status().to_string(),
            Ok(answer) => panic!(
                "{key}: {} {}",
                answer.status(),
                answer.text().await.unwrap_or_default()
            ),
            Err(err) => err.to_string(),
        };
        tally.resent.fetch_add(1, Ordering::SeqCst);
        assert!(
            started.elapsed() < PATIENCE,
            "{key}: no 2xx in {PATIENCE:?} (last: {last})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One phone: its cases, (key, acknowledged case), in order.
async fn phone(
    phone: usize,
    url: String,
    token: String,
    tally: Arc<Tally>,
) -> Vec<(String, Value)> {
    let http = reqwest::Client::new();
    let mut filed = Vec::with_capacity(CASES_EACH);
    for n in 0..CASES_EACH {
        let key = format!("phone{phone}-case{n}");
        let case = file(&http, &url, &token, &key, &tally).await;
        filed.push((key, case));
    }
    filed
}

/// The titles of every case `officer` sees, page after page.
async fn every_title(officer: &Client) -> Vec<String> {
    let mut titles = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = officer
            .get(&format!("/cases?limit=100{cursor}"))
            .await
            .expect(200);
        for case in page["items"].as_array().expect("items") {
            titles.push(case["title"].as_str().expect("a title").to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return titles,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_case_is_lost_when_a_replica_is_killed() {
    let mut cluster = Cluster::start().await;
    let url = cluster.balancer.at("/api/v1/cases");
    let tally = Arc::new(Tally::default());
    let phones: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let (url, token) = (url.clone(), cluster.town.reporter.clone());
            tokio::spawn(phone(i, url, token, Arc::clone(&tally)))
        })
        .collect();

    let total = CLIENTS * CASES_EACH;
    let started = Instant::now();
    while tally.acknowledged.load(Ordering::SeqCst) < total / 4 {
        assert!(
            started.elapsed() < PATIENCE,
            "a quarter of the cases never came in\n{}",
            cluster.report()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    cluster.replicas[1].kill();
    let at_kill = tally.acknowledged.load(Ordering::SeqCst);

    let mut filed = Vec::with_capacity(total);
    for phone in phones {
        filed.extend(phone.await.expect("a phone's task"));
    }
    let resent = tally.resent.load(Ordering::SeqCst);
    let replayed = tally.replayed.load(Ordering::SeqCst);
    eprintln!(
        "{total} cases filed, {at_kill} before the kill, {resent} requests resent, \
         {replayed} answered by a replay"
    );
    assert!(at_kill < total, "the kill came after the last case");

    // Every acknowledged case reads back, through the balancer, as it was
    // acknowledged.
    let officer = Client::bearer_at(&cluster.balancer.at("/api/v1"), &cluster.town.officer);
    for (key, case) in &filed {
        let read = officer.get(&format!("/cases/{}", case["id"])).await;
        assert_eq!(
            read.status,
            200,
            "{key} lost: {:#}\n{}",
            read.body,
            cluster.report()
        );
        assert_eq!(read.body["code"], case["code"], "{key}");
        assert_eq!(read.body["title"], title(key), "{key}");
    }
    // No key made two cases.
    let mut titles = every_title(&officer).await;
    titles.sort_unstable();
    let listed = titles.len();
    titles.dedup();
    assert_eq!(listed, titles.len(), "a case was filed twice");
    assert_eq!(listed, total, "cases listed");
    // And each key, sent again, is answered with its case: a replay.
    let replays = tally.replayed.load(Ordering::SeqCst);
    let http = reqwest::Client::new();
    for (key, case) in &filed {
        let again = file(&http, &url, &cluster.town.reporter, key, &tally).await;
        assert_eq!(
            again["id"],
            case["id"],
            "{key} filed twice\n{}",
            cluster.report()
        );
    }
    assert_eq!(tally.replayed.load(Ordering::SeqCst) - replays, total);
}
