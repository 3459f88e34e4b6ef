//! The API document and its docs page. schemathesis (from PyPI, installed by `scripts/test`) against the served
//! OpenAPI document, on the demo data set, as a board officer and as an
//! administrator: no 5xx, and every status, content type, header and body
//! conforms to the document.
//!
//! Sign-out, token revocation and an administrator's password reset are
//! left out: they end the very token the run uses (a reset ends the user's
//! tokens), and every later request would only test the 401.

use std::process::Command;

use serde_json::json;

use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(every_answer_conforms_to_the_document);

/// The demo password (printed by `serve --demo`).
const DEMO_PASSWORD: &str = "noicom-demo-2026";

/// What schemathesis checks: the answers, not whether the API accepts
/// every input the schema allows (the workflow refuses most actions in
/// most states, which is right).
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
    response_schema_conformance,response_headers_conformance";

async fn every_answer_conforms_to_the_document(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    for email in ["canbo.btg@demo.noicom.vn", "quantri@demo.noicom.vn"] {
        let login = Client::anonymous(&server)
            .post(
                "/auth/login",
                &json!({"email": email, "password": DEMO_PASSWORD}),
            )
            .await
            .expect(200);
        let token = login["token"].as_str().unwrap().to_owned();
        run_schemathesis(&server, email, &token);
    }
}

fn run_schemathesis(server: &Server, who: &str, token: &str) {
    let program = std::env::var("NOICOM_TEST_SCHEMATHESIS").expect(
        "NOICOM_TEST_SCHEMATHESIS is not set: run the tests with scripts/test, which installs schemathesis",
    );
    // schemathesis keeps a cache of crashes in its working directory.
    let workdir = tempfile::tempdir().unwrap();
    let output = Command::new(&program)
        .current_dir(workdir.path())
        .args(["--no-color", "run"])
        .arg(server.at("/api/v1/openapi.json"))
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args(["--checks", CHECKS])
        .args(["--max-examples", "25"])
        .args(["--exclude-path", "/api/v1/auth/logout"])
        .args(["--exclude-path-regex", "^/api/v1/auth/tokens/"])
        .args(["--exclude-path-regex", "^/api/v1/users/[^/]+/password$"])
        .output()
        .unwrap_or_else(|err| panic!("cannot run {program}: {err}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schemathesis as {who}: {}\n{stdout}\n{}\n--- server log ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr),
        server.report()
    );
    assert!(
        stdout.contains("passed"),
        "schemathesis as {who} tested nothing:\n{stdout}"
    );
}

/// The browsable docs page comes from the server itself: every script and
/// style it loads is a file of this site, and they are served.
#[tokio::test]
async fn the_docs_page_loads_nothing_from_elsewhere() {
    let db = TestDb::new(Backend::Sqlite).await;
    let server = Server::start(&db, &[]).await;
    let http = reqwest::Client::new();
    let page = http.get(server.at("/api/v1/docs/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.starts_with("default-src 'self'"), "{policy}");
    let html = page.text().await.unwrap();
    let assets: Vec<&str> = html
        .split(['"', '\''])
        .filter(|s| s.ends_with(".js") || s.ends_with(".css"))
        .collect();
    assert!(assets.len() >= 3, "{html}");
    for asset in assets {
        assert!(!asset.contains("//"), "{asset} is not of this site");
        let name = asset.trim_start_matches("./");
        let reply = http
            .get(server.at(&format!("/api/v1/docs/{name}")))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 200, "{name}");
    }
    let init = http
        .get(server.at("/api/v1/docs/swagger-initializer.js"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(init.contains("/api/v1/openapi.json"), "{init}");
}
