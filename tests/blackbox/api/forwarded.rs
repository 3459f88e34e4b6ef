//! Behind a trusted reverse proxy (`http.trusted_proxies`), the client
//! address of the sign-in throttle and the audit log is the right-most
//! untrusted address of `X-Forwarded-For`; a forged entry left of it
//! changes nothing.

use serde_json::{Value, json};

use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(a_trusted_proxy_names_the_client);

async fn fail_sign_in(server: &Server, forwarded: &str) -> u16 {
    reqwest::Client::new()
        .post(server.at("/api/v1/auth/login"))
        .header("x-forwarded-for", forwarded)
        .json(&json!({"email": "canbo@example.vn", "password": "sai-mat-khau"}))
        .send()
        .await
        .expect("an answer")
        .status()
        .as_u16()
}

async fn a_trusted_proxy_names_the_client(db: TestDb) {
    let town = town(&db);
    std::fs::create_dir_all(db.dir().join("config")).unwrap();
    std::fs::write(
        db.dir().join("config/local.toml"),
        "[http]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n",
    )
    .unwrap();
    let server = Server::start(&db, &[]).await;

    // The test connects from 127.0.0.1, a trusted proxy; 10.1.1.1 is
    // another; 1.2.3.4 was written by the client itself and is not believed.
    let chain = "1.2.3.4, 203.0.113.7, 10.1.1.1";
    for _ in 0..5 {
        assert_eq!(fail_sign_in(&server, chain).await, 401);
    }
    assert_eq!(fail_sign_in(&server, chain).await, 429);
    // A forged left-most entry does not escape the count…
    assert_eq!(fail_sign_in(&server, "9.9.9.9, 203.0.113.7").await, 429);
    // …and another client behind the same proxy is not slowed down.
    assert_eq!(fail_sign_in(&server, "198.51.100.9").await, 401);

    let audit = Client::bearer(&server, &town.admin)
        .get("/audit?limit=20")
        .await
        .expect(200);
    let clients: Vec<&Value> = audit
        .as_array()
        .or_else(|| audit["items"].as_array())
        .expect("a list")
        .iter()
        .filter(|e| e["action"] == "sign_in_failed" || e["action"] == "sign_in_throttled")
        .map(|e| &e["detail"]["client"])
        .collect();
    assert_eq!(clients.len(), 8, "{audit:#}");
    assert!(clients.contains(&&json!("198.51.100.9")), "{audit:#}");
    assert!(
        clients
            .iter()
            .all(|c| *c == "203.0.113.7" || *c == "198.51.100.9"),
        "{audit:#}"
    );
}
