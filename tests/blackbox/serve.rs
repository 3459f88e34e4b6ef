//! `noicom serve`: health and readiness over HTTP, the demo switch, the
//! request id, and a clean stop on SIGTERM.

use crate::support::fixtures::{area, migrated};
use crate::support::{Server, TestDb, on_both_backends};

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
