//! "Forgot password" is limited per e-mail address and per client address
//! (SPEC §9): 429 with the error shape of §6.2 and `Retry-After`, the same
//! whether the address has an account; the counts live in the database, so
//! two servers on one database (two replicas, §8) share them; a refused
//! request sends nothing.

use chrono::Utc;
use serde_json::{Value, json};

use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Server, TestDb, noicom, on_both_backends};

on_both_backends!(reset_requests_are_limited_per_address_and_per_client_across_replicas);

/// A reset request for `email` from `client`, as a trusted proxy names it.
async fn ask(server: &Server, client: &str, email: &str) -> (u16, Option<String>, Value) {
    let answer = reqwest::Client::new()
        .post(server.at("/api/v1/auth/password-reset"))
        .header("x-forwarded-for", client)
        .json(&json!({ "email": email }))
        .send()
        .await
        .expect("an answer");
    let status = answer.status().as_u16();
    let retry_after = answer
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = answer.json().await.unwrap_or(Value::Null);
    (status, retry_after, body)
}

/// Expects a 429 and returns its error body, checking `Retry-After`.
fn refused((status, retry_after, body): (u16, Option<String>, Value)) -> Value {
    assert_eq!(status, 429, "{body:#}");
    assert_eq!(body["error"]["code"], "too_many_requests", "{body:#}");
    let secs = body["error"]["retry_after"].as_i64().expect("retry_after");
    assert!((1..=3600).contains(&secs), "{body:#}");
    assert_eq!(retry_after, Some(secs.to_string()), "Retry-After");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("quá nhiều yêu cầu đặt lại mật khẩu"),
        "{body:#}"
    );
    body
}

async fn reset_requests_are_limited_per_address_and_per_client_across_replicas(db: TestDb) {
    town(&db);
    std::fs::create_dir_all(db.dir().join("config")).unwrap();
    std::fs::write(
        db.dir().join("config/local.toml"),
        "[http]\ntrusted_proxies = [\"127.0.0.1\"]\n",
    )
    .unwrap();
    let one = Server::start(&db, &[]).await;
    let two = Server::start(&db, &[]).await;
    let smtp = SmtpSink::start(db.dir());

    // Per address (three an hour), whichever replica and client is asked.
    for (server, client) in [
        (&one, "203.0.113.1"),
        (&two, "203.0.113.2"),
        (&one, "203.0.113.3"),
    ] {
        assert_eq!(ask(server, client, "ubnd@example.vn").await.0, 202);
        assert_eq!(ask(server, client, "khong-co-ai@example.vn").await.0, 202);
    }
    let known = refused(ask(&two, "203.0.113.4", "ubnd@example.vn").await);
    let unknown = refused(ask(&one, "203.0.113.5", "khong-co-ai@example.vn").await);
    assert_eq!(
        known["error"]["code"], unknown["error"]["code"],
        "a refusal tells no one who has an account"
    );

    // Per client (ten an hour), across addresses and replicas.
    let client = "198.51.100.7";
    for i in 0..10 {
        let server = if i % 2 == 0 { &one } else { &two };
        let email = format!("nguoi-{i}@example.vn");
        assert_eq!(ask(server, client, &email).await.0, 202, "{email}");
    }
    refused(ask(&one, client, "nguoi-10@example.vn").await);
    refused(ask(&two, client, "lanhdao@example.vn").await);
    // Another client is not held back, and the refused request counted
    // against no address.
    assert_eq!(ask(&two, "198.51.100.8", "lanhdao@example.vn").await.0, 202);

    // Three links for the account, one for the leader; none for refusals.
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", &Utc::now().to_rfc3339()])
        .ok();
    let mut to: Vec<String> = smtp
        .received()
        .into_iter()
        .map(|m| m.to.join(","))
        .collect();
    to.sort();
    assert_eq!(
        to,
        [
            "lanhdao@example.vn",
            "ubnd@example.vn",
            "ubnd@example.vn",
            "ubnd@example.vn"
        ]
    );
}
