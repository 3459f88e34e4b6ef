//! Every error has the JSON shape of SPEC §6.2, in Vietnamese by default
//! and in English on request; the OpenAPI document is served.

use serde_json::json;

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    errors_have_one_shape_in_vietnamese_or_english,
    the_openapi_document_is_served_and_lists_every_endpoint,
    a_nul_character_anywhere_is_refused_and_writes_nothing,
);

async fn errors_have_one_shape_in_vietnamese_or_english(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);

    let vi = Client::anonymous(&server)
        .get("/cases")
        .await
        .error(401, "unauthenticated");
    let en = Client::anonymous(&server)
        .english()
        .get("/cases")
        .await
        .error(401, "unauthenticated");
    assert!(
        vi["error"]["message"]
            .as_str()
            .unwrap()
            .contains("đăng nhập"),
        "{vi}"
    );
    assert!(
        en["error"]["message"]
            .as_str()
            .unwrap()
            .contains("signed in"),
        "{en}"
    );

    let missing = officer.get("/no-such-thing").await;
    assert_eq!(missing.headers["x-content-type-options"], "nosniff");
    assert_eq!(missing.headers["x-frame-options"], "DENY");
    missing.error(404, "not_found");
    officer
        .delete("/cases")
        .await
        .error(405, "method_not_allowed");
    officer
        .post_raw("/cases", "application/json", b"{\"title\":".to_vec())
        .await
        .error(400, "bad_request");
    officer
        .post_raw("/cases", "text/plain", b"{}".to_vec())
        .await
        .error(415, "unsupported_media_type");
    let (status, body) = announce_big_body(&server.url, &town.officer);
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("payload_too_large"), "{body}");

    let report = json!({"title": "t", "description": "d", "area": "HN-BD", "category": "land", "source": "direct"});
    let mut extra = report.clone();
    extra["colour"] = "red".into();
    let unknown = officer
        .post("/cases", &extra)
        .await
        .error(422, "invalid_input");
    assert_eq!(unknown["error"]["field"], "colour");
    let mut missing = report.clone();
    missing.as_object_mut().unwrap().remove("title");
    let missing = officer
        .post("/cases", &missing)
        .await
        .error(422, "invalid_input");
    assert_eq!(missing["error"]["field"], "title");
    let mut bad_area = report.clone();
    bad_area["area"] = "XX".into();
    let vi = officer
        .post("/cases", &bad_area)
        .await
        .error(422, "unknown_code");
    let en = officer
        .clone()
        .english()
        .post("/cases", &bad_area)
        .await
        .error(422, "unknown_code");
    assert_eq!(vi["error"]["field"], "area");
    assert_ne!(vi["error"]["message"], en["error"]["message"]);
    assert!(
        en["error"]["message"].as_str().unwrap().contains("XX"),
        "{en}"
    );

    let case = officer.files_case("HN-BD", "Cây đổ").await;
    let action = officer
        .acts(&case, "explode", json!({}))
        .await
        .error(422, "invalid_input");
    assert_eq!(action["error"]["field"], "action");
    let version = officer
        .post(
            &format!("/cases/{}/actions", case["id"]),
            &json!({"action": "dismiss", "reason": "x"}),
        )
        .await
        .error(422, "invalid_input");
    assert_eq!(version["error"]["field"], "version");
}

async fn the_openapi_document_is_served_and_lists_every_endpoint(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let doc = Client::anonymous(&server)
        .get("/openapi.json")
        .await
        .expect(200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"), "{doc}");
    for path in [
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/cases",
        "/api/v1/cases/{id}",
        "/api/v1/cases/{id}/actions",
        "/api/v1/cases/{id}/events",
        "/api/v1/cases/{id}/attachments",
        "/api/v1/attachments/{id}",
        "/api/v1/areas",
        "/api/v1/units",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/categories/{code}",
        "/api/v1/audit",
        "/api/v1/programmes",
        "/api/v1/programmes/{id}",
        "/api/v1/programmes/{id}/schedules",
        "/api/v1/schedules/{id}",
        "/api/v1/outbox",
        "/api/v1/outbox/{id}/retry",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    // One scheme: admin resources at their own names, no `/admin` prefix.
    let prefixed: Vec<&String> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|p| p.starts_with("/api/v1/admin"))
        .collect();
    assert!(prefixed.is_empty(), "{prefixed:?}");
    let act = &doc["paths"]["/api/v1/cases/{id}/actions"]["post"]["responses"];
    for status in ["200", "403", "404", "409", "422"] {
        assert!(act[status].is_object(), "actions: {status} undocumented");
    }
    assert!(doc["components"]["schemas"]["CaseView"]["properties"]["allowed_actions"].is_object());
    let upload = &doc["paths"]["/api/v1/cases/{id}/attachments"]["post"];
    assert!(
        upload["requestBody"]["content"]["multipart/form-data"].is_object(),
        "{upload}"
    );
    for status in ["201", "403", "404", "409", "413", "422"] {
        assert!(
            upload["responses"][status].is_object(),
            "upload: {status} undocumented"
        );
    }
}

/// Announces a 2 MiB body and sends none of it: the server answers from
/// the `Content-Length` alone, without reading (an HTTP client that insists
/// on writing the whole body first would see the connection closed).
fn announce_big_body(url: &str, token: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).expect("connect");
    let request = format!(
        "POST /api/v1/cases HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        2 << 20
    );
    stream.write_all(request.as_bytes()).expect("write");
    // The server may wait for the body it will not read before closing:
    // read what it answered, not until it hangs up.
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(3)))
        .expect("a timeout");
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
        if String::from_utf8_lossy(&answer).contains("}}") {
            break;
        }
    }
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// Found by schemathesis: PostgreSQL cannot store or compare text with a
/// NUL character, so one used to fail deep in a transaction with a 500.
async fn a_nul_character_anywhere_is_refused_and_writes_nothing(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let reporter = Client::bearer(&server, &town.reporter);
    let before = officer.case_codes("").await;

    let body = json!({"title": "Nước\u{0}bẩn", "description": "d", "area": "HN-BD",
        "category": "land", "source": "direct"});
    let refused = reporter
        .post("/cases", &body)
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "title", "{refused}");
    let login = json!({"email": "ctv.bd@example.vn\u{0}", "password": "x"});
    let refused = Client::anonymous(&server)
        .post("/auth/login", &login)
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "email", "{refused}");
    let refused = officer
        .get("/cases?q=n%00c")
        .await
        .error(422, "invalid_input");
    assert_eq!(refused["error"]["field"], "q", "{refused}");
    officer
        .get("/cases/HN-2026-000001%00")
        .await
        .error(400, "bad_request");
    assert_eq!(officer.case_codes("").await, before);
}
