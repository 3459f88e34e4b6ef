//! Signing in, bearer tokens, session cookies with CSRF, signing out.

use serde_json::json;

use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    repeated_failures_are_refused_with_429,
    parallel_guesses_are_counted_before_the_password_is_checked,
    a_token_from_the_command_line_works_until_revoked,
    a_cookie_needs_the_csrf_token_for_unsafe_requests,
);

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let anonymous = Client::anonymous(&server);

    let good = anonymous
        .post(
            "/auth/login",
            &json!({"email": "CanBo@Example.vn", "password": PASSWORD}),
        )
        .await;
    let cookie = good.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("noicom_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let body = good.expect(200);
    assert_eq!(body["user"]["role"], "board_officer");
    assert!(body["csrf_token"].is_string());
    let token = body["token"].as_str().unwrap();
    let me = Client::bearer(&server, token)
        .get("/auth/me")
        .await
        .expect(200);
    assert_eq!(me["unit"], "BTG-HN");

    let wrong = anonymous
        .post(
            "/auth/login",
            &json!({"email": "canbo@example.vn", "password": "sai-mật-khẩu"}),
        )
        .await
        .error(401, "invalid_credentials");
    let unknown = anonymous
        .post(
            "/auth/login",
            &json!({"email": "ai.do@example.vn", "password": "sai-mật-khẩu"}),
        )
        .await
        .error(401, "invalid_credentials");
    assert_eq!(wrong, unknown);
    assert!(!server.report().contains(PASSWORD), "a password was logged");
    assert!(!server.report().contains(token), "a token was logged");
}

async fn repeated_failures_are_refused_with_429(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let anonymous = Client::anonymous(&server);
    let wrong = json!({"email": "canbo@example.vn", "password": "sai-mật-khẩu"});
    for _ in 0..5 {
        anonymous
            .post("/auth/login", &wrong)
            .await
            .error(401, "invalid_credentials");
    }
    let refused = anonymous.post("/auth/login", &wrong).await;
    assert!(
        refused.headers.contains_key("retry-after"),
        "{:?}",
        refused.headers
    );
    refused.error(429, "too_many_attempts");
    // Even the right password waits: the guesser must not learn it.
    anonymous
        .post(
            "/auth/login",
            &json!({"email": "canbo@example.vn", "password": PASSWORD}),
        )
        .await
        .error(429, "too_many_attempts");
}

/// The default throttle's `max_failures`: wrong passwords answered with
/// 401 before the refusals start.
const MAX_FAILURES: usize = 5;

async fn parallel_guesses_are_counted_before_the_password_is_checked(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let anonymous = Client::anonymous(&server);
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..30 {
        let client = anonymous.clone();
        guesses.spawn(async move {
            let guess = json!({"email": "canbo@example.vn", "password": format!("đoán-sai-{n}")});
            client.post("/auth/login", &guess).await.status
        });
    }
    let statuses = guesses.join_all().await;
    let wrong = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(wrong + refused, 30, "only 401 and 429: {statuses:?}");
    assert!(
        wrong <= MAX_FAILURES,
        "{wrong} guesses were checked at once, the throttle allows {MAX_FAILURES}: {statuses:?}"
    );
    // The right password after them is refused too: the guesser learns
    // nothing from it.
    let right = anonymous
        .post(
            "/auth/login",
            &json!({"email": "canbo@example.vn", "password": PASSWORD}),
        )
        .await;
    assert!(
        right.headers.contains_key("retry-after"),
        "{:?}",
        right.headers
    );
    right.error(429, "too_many_attempts");
}

async fn a_token_from_the_command_line_works_until_revoked(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    officer.get("/auth/me").await.expect(200);
    let tokens = officer.get("/auth/tokens").await.expect(200);
    let id = tokens[0]["id"].as_i64().unwrap();
    assert!(
        tokens[0].get("token").is_none(),
        "secrets are shown once: {tokens}"
    );

    officer
        .delete(&format!("/auth/tokens/{id}"))
        .await
        .expect(204);
    officer.get("/auth/me").await.error(401, "unauthenticated");
    Client::anonymous(&server)
        .get("/cases")
        .await
        .error(401, "unauthenticated");
    Client::bearer(&server, "nc_not-a-token")
        .get("/cases")
        .await
        .error(401, "unauthenticated");
}

async fn a_cookie_needs_the_csrf_token_for_unsafe_requests(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let login = Client::anonymous(&server)
        .post(
            "/auth/login",
            &json!({"email": "ctv.bd@example.vn", "password": PASSWORD}),
        )
        .await;
    let set_cookie = login.headers["set-cookie"].to_str().unwrap().to_owned();
    let value = set_cookie
        .trim_start_matches("noicom_session=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = login.expect(200)["csrf_token"].as_str().unwrap().to_owned();
    let officer = Client::bearer(&server, &town.officer);
    let before = officer.case_codes("").await;

    let forged = Client::cookie(&server, &value, None);
    forged.get("/auth/me").await.expect(200);
    let report = json!({
        "title": "Ngập úng kéo dài", "description": "Ngập sau mưa", "area": "HN-BD",
        "category": "environment", "source": "direct",
    });
    forged
        .post("/cases", &report)
        .await
        .error(403, "csrf_failed");
    Client::cookie(&server, &value, Some("nc_wrong"))
        .post("/cases", &report)
        .await
        .error(403, "csrf_failed");
    assert_eq!(
        officer.case_codes("").await,
        before,
        "a forged request wrote something"
    );

    let browser = Client::cookie(&server, &value, Some(&csrf));
    browser.post("/cases", &report).await.expect(201);
    browser.post("/auth/logout", &json!({})).await.expect(204);
    browser.get("/auth/me").await.error(401, "unauthenticated");
}
