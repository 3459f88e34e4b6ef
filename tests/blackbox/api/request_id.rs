//! Every request has an id: the client's `X-Request-Id` or a new UUID,
//! echoed in the answer and carried by the log lines of the request.

use std::time::{Duration, Instant};

use crate::support::town::town;
use crate::support::{Server, TestDb, on_both_backends};

on_both_backends!(each_request_has_an_id_in_the_answer_and_the_log);

async fn each_request_has_an_id_in_the_answer_and_the_log(db: TestDb) {
    town(&db);
    let server = Server::start_with_env(&db, &[], &[("NOICOM_LOG", "tower_http=debug,info")]).await;
    let client = reqwest::Client::new();

    let given = client
        .get(server.at("/api/v1/cases"))
        .header("x-request-id", "thu-nghiem-42")
        .send()
        .await
        .unwrap();
    assert_eq!(given.status(), 401);
    assert_eq!(given.headers()["x-request-id"], "thu-nghiem-42");

    let made = reqwest::get(server.at("/healthz")).await.unwrap();
    let id = made.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let other = reqwest::get(server.at("/healthz")).await.unwrap();
    assert_ne!(other.headers()["x-request-id"].to_str().unwrap(), id);

    // The log is read from the server's stderr as it arrives.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let log = server.report();
        let logged = |id: &str| log.contains(&format!("request_id=\"{id}\"}}"));
        if logged("thu-nghiem-42") && logged(&id) {
            break;
        }
        assert!(Instant::now() < deadline, "request ids not logged\n{log}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
