//! `/metrics` (SPEC §6.2): requests and latency by route template and
//! status, cases by state and the outbox by status, in the Prometheus text
//! format, without signing in.

use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::json;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(requests_cases_and_the_outbox_are_counted);

/// The value of the sample `name{labels}` in `text`.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|value| value.trim().parse().expect("a number"))
}

async fn scrape(server: &Server) -> String {
    let response = reqwest::get(server.at("/metrics")).await.expect("scrape");
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    response.text().await.expect("text")
}

async fn requests_cases_and_the_outbox_are_counted(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);

    let first = reporter.files_case("HN-BD", "Sạt lở bờ sông").await;
    let second = reporter.files_case("HN-BD", "Rác thải ùn ứ").await;
    officer
        .acts(
            &first,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    for case in [&first, &second, &first] {
        officer
            .get(&format!("/cases/{}", case["id"]))
            .await
            .expect(200);
    }
    officer.get("/cases/999999").await.error(404, "not_found");
    officer
        .get("/khong-co-duong-nay")
        .await
        .error(404, "not_found");
    Client::anonymous(&server)
        .get("/cases")
        .await
        .error(401, "unauthenticated");

    let text = scrape(&server).await;
    let requests = |method: &str, route: &str, status: u16| {
        sample(
            &text,
            &format!(
                "noicom_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}}"
            ),
        )
    };
    // By the route template, never the raw path.
    assert_eq!(
        requests("GET", "/api/v1/cases/{id}", 200),
        Some(3.0),
        "{text}"
    );
    assert_eq!(
        requests("GET", "/api/v1/cases/{id}", 404),
        Some(1.0),
        "{text}"
    );
    assert_eq!(requests("POST", "/api/v1/cases", 201), Some(2.0), "{text}");
    assert_eq!(
        requests("POST", "/api/v1/cases/{id}/actions", 200),
        Some(1.0),
        "{text}"
    );
    assert_eq!(requests("GET", "/api/v1/cases", 401), Some(1.0), "{text}");
    assert_eq!(requests("GET", "unmatched", 404), Some(1.0), "{text}");
    assert!(
        !text.contains("/999999\"") && !text.contains("khong-co"),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            "noicom_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"200\"}"
        ),
        Some(3.0),
        "{text}"
    );
    assert!(
        text.contains(
            "noicom_http_request_duration_seconds_bucket{le=\"+Inf\",method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"200\"} 3"
        ) || text.contains("noicom_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"200\",le=\"+Inf\"} 3"),
        "{text}"
    );

    // Cases by state: every state reported, 0 when none.
    let cases = |state: &str| sample(&text, &format!("noicom_cases{{state=\"{state}\"}}"));
    assert_eq!(cases("reported"), Some(1.0), "{text}");
    assert_eq!(cases("assigned"), Some(1.0), "{text}");
    assert_eq!(cases("closed"), Some(0.0), "{text}");
    // The outbox as the database holds it (accepting wrote e-mails).
    let conn = Database::connect(db.url.as_str()).await.expect("connect");
    let pending = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending'".to_owned(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    let _ = conn.close().await;
    assert!(pending > 0, "accepting a case enqueues e-mails");
    let outbox = |status: &str| sample(&text, &format!("noicom_outbox{{status=\"{status}\"}}"));
    assert_eq!(outbox("pending"), Some(pending as f64), "{text}");
    assert_eq!(outbox("sent"), Some(0.0), "{text}");

    // The scrape itself is counted from the next one on.
    let again = scrape(&server).await;
    assert_eq!(
        sample(
            &again,
            "noicom_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"
        ),
        Some(1.0),
        "{again}"
    );
}
