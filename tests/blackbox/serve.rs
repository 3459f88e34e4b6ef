//! `noicom serve`: health and readiness over HTTP, the demo switch, the
//! request id, and a clean stop on SIGTERM.

use crate::support::fixtures::{area, migrated};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(
    serve_demo_migrates_and_becomes_ready,
    serve_demo_on_a_database_with_data_only_serves,
    sigterm_stops_the_server_cleanly,
);

async fn serve_demo_migrates_and_becomes_ready(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;

    let response = reqwest::get(server.at("/healthz")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers().contains_key("x-request-id"),
        "{:?}",
        response.headers()
    );
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({ "status": "ok" }));

    let ready = reqwest::get(server.at("/readyz")).await.unwrap();
    assert_eq!(ready.status(), 200);
    let banner = server.banner.join("\n");
    assert!(!banner.contains("đã có dữ liệu"), "{}", server.report());
}

async fn serve_demo_on_a_database_with_data_only_serves(db: TestDb) {
    migrated(&db);
    area(&db, "HN", "Thành phố Hà Nội", None);
    let server = Server::start(&db, &["--demo"]).await;
    let banner = server.banner.join("\n");
    assert!(banner.contains("đã có dữ liệu"), "{}", server.report());
}

async fn sigterm_stops_the_server_cleanly(db: TestDb) {
    let mut server = Server::start(&db, &[]).await;
    let status = server.terminate();
    assert!(status.success(), "exit {status}\n{}", server.report());
}

/// Readiness follows the database: once it is gone, `/readyz` is 503 with
/// the error JSON while `/healthz` stays 200. Only PostgreSQL can lose its
/// database under a running server.
#[tokio::test]
async fn readyz_is_503_once_the_database_is_gone() {
    let db = TestDb::new(Backend::Postgres).await;
    let server = Server::start(&db, &[]).await;
    db.drop_postgres_now().await;

    let response = reqwest::get(server.at("/readyz")).await.unwrap();
    assert_eq!(response.status(), 503, "{}", server.report());
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_ready", "{body}");
    assert!(body["error"]["message"].is_string(), "{body}");
    let health = reqwest::get(server.at("/healthz")).await.unwrap();
    assert_eq!(health.status(), 200);
}
