//! What a replica must not keep to itself (SPEC §8): a token or session
//! issued by one is valid on every one and ends on every one; a user moved
//! to another unit or disabled on one is so on all, though each keeps the
//! users it has read (it fails when that copy is not checked against the
//! database); failed sign-ins count across replicas; an idempotency key
//! used on one is replayed by another, also when the same request reaches
//! three at once.

use serde_json::{Value, json};

use super::Cluster;
use crate::support::town::PASSWORD;
use crate::support::{Client, Server};

const OFFICER: &str = "canbo@example.vn";

/// `POST /auth/login` on `server`: (status, body, session cookie value).
async fn sign_in(server: &Server, email: &str, password: &str) -> (u16, Value, Option<String>) {
    let answer = Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": password}),
        )
        .await;
    let cookie = answer
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("noicom_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    (answer.status, answer.body, cookie)
}

/// The status of `GET /auth/me` as `client`.
async fn me(client: &Client) -> u16 {
    client.get("/auth/me").await.status
}

#[tokio::test]
async fn a_token_and_a_session_from_one_replica_work_and_end_on_every_replica() {
    let cluster = Cluster::start().await;
    let [one, two, three] = &cluster.replicas[..] else {
        unreachable!("three replicas")
    };
    let (status, login, cookie) = sign_in(one, OFFICER, PASSWORD).await;
    assert_eq!(status, 200, "{login:#}");
    let token = login["token"].as_str().expect("a token");
    let cookie = cookie.expect("a session cookie");
    let csrf = login["csrf_token"].as_str().expect("a CSRF token");
    for replica in [one, two, three] {
        let bearer = Client::bearer(replica, token);
        let who = bearer.get("/auth/me").await.expect(200);
        assert_eq!(who["email"], OFFICER);
        assert_eq!(me(&Client::cookie(replica, &cookie, None)).await, 200);
    }

    // Signing out on one replica ends the token on the others.
    Client::bearer(two, token)
        .post("/auth/logout", &json!({}))
        .await
        .expect(204);
    for replica in [one, two, three] {
        assert_eq!(me(&Client::bearer(replica, token)).await, 401);
        assert_eq!(me(&Client::cookie(replica, &cookie, None)).await, 200);
    }
    Client::cookie(three, &cookie, Some(csrf))
        .post("/auth/logout", &json!({}))
        .await
        .expect(204);
    for replica in [one, two, three] {
        assert_eq!(me(&Client::cookie(replica, &cookie, None)).await, 401);
    }
}

#[tokio::test]
async fn failed_sign_ins_are_counted_across_replicas() {
    let cluster = Cluster::start().await;
    // Five failures (the most the throttle checks, `SignInThrottle`'s
    // default), spread over the replicas: no replica sees more than two.
    for attempt in 0..5 {
        let replica = &cluster.replicas[attempt % cluster.replicas.len()];
        let (status, body, _) = sign_in(replica, OFFICER, "sai-mật-khẩu").await;
        assert_eq!(status, 401, "attempt {attempt}: {body:#}");
    }
    // Now even the right password is refused, on every replica.
    for replica in &cluster.replicas {
        let (status, body, _) = sign_in(replica, OFFICER, PASSWORD).await;
        assert_eq!(status, 429, "{body:#}\n{}", cluster.report());
        assert_eq!(body["error"]["code"], "too_many_attempts", "{body:#}");
    }
}

fn report(title: &str) -> Value {
    json!({
        "title": title,
        "description": "Người dân phản ánh đường ngập sau mỗi trận mưa.",
        "area": "HN-BD",
        "category": "environment",
        "source": "collaborator",
    })
}

#[tokio::test]
async fn an_idempotency_key_is_replayed_by_another_replica() {
    let cluster = Cluster::start().await;
    let reporters: Vec<Client> = cluster
        .replicas
        .iter()
        .map(|replica| Client::bearer(replica, &cluster.town.reporter))
        .collect();

    // One after the other: the first files, the others replay its answer.
    let body = report("Đường Đội Cấn ngập sau mưa");
    let first = reporters[0].post_once("/cases", "k-1", &body).await;
    assert!(!first.headers.contains_key("idempotent-replayed"));
    let first = first.expect(201);
    for reporter in &reporters[1..] {
        let again = reporter.post_once("/cases", "k-1", &body).await;
        assert_eq!(again.headers["idempotent-replayed"], "true");
        assert_eq!(again.expect(201), first);
    }

    // At once: one case, and the same answer to all three.
    let body = report("Đường Kim Mã ngập sau mưa");
    let (a, b, c) = tokio::join!(
        reporters[0].post_once("/cases", "k-2", &body),
        reporters[1].post_once("/cases", "k-2", &body),
        reporters[2].post_once("/cases", "k-2", &body),
    );
    let bodies: Vec<Value> = [a, b, c].into_iter().map(|a| a.expect(201)).collect();
    assert!(bodies.iter().all(|b| *b == bodies[0]), "{bodies:#?}");

    let officer = Client::bearer(&cluster.replicas[2], &cluster.town.officer);
    let codes = officer.case_codes("").await;
    assert_eq!(codes.len(), 2, "{codes:?}");
}

#[tokio::test]
async fn a_user_moved_or_disabled_on_one_replica_is_so_on_every_replica() {
    let cluster = Cluster::start().await;
    let town = &cluster.town;
    let unit_on = |replica| async move {
        let me = Client::bearer(replica, &town.reporter)
            .get("/auth/me")
            .await;
        me.expect(200)["unit"].as_str().expect("a unit").to_owned()
    };
    // Every replica has served the reporter (and keeps what it read).
    for replica in &cluster.replicas {
        assert_eq!(unit_on(replica).await, "MTTQ-BD");
    }
    let admin = Client::bearer(&cluster.replicas[0], &town.admin);
    let id = admin.user_id("ctv.bd@example.vn").await;
    let path = format!("/users/{id}");
    admin
        .patch_json(&path, &json!({"unit": "MTTQ-HK"}))
        .await
        .expect(200);
    for (i, replica) in cluster.replicas.iter().enumerate() {
        assert_eq!(unit_on(replica).await, "MTTQ-HK", "{}", cluster.report());
        // Ba Đình is no longer the reporter's ward.
        let title = format!("Phản ánh ở Ba Đình qua máy {i}");
        let filed = Client::bearer(replica, &town.reporter)
            .post("/cases", &report(&title))
            .await;
        assert_eq!(filed.status, 403, "replica {i}: {:#}", filed.body);
    }
    admin
        .patch_json(&path, &json!({"disabled": true}))
        .await
        .expect(200);
    for replica in &cluster.replicas {
        let status = me(&Client::bearer(replica, &town.reporter)).await;
        assert_eq!(status, 401, "{}", cluster.report());
    }
}
