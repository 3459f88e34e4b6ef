//! Passwords over HTTP (SPEC §6.3, §9): changing one's own, an
//! administrator's reset and disabling, and "forgot password" with the
//! e-mail received by a real SMTP server and its link used once.

use chrono::Utc;
use serde_json::{Value, json};

use crate::support::smtp::SmtpSink;
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    a_user_changes_their_password_under_the_policy,
    wrong_current_passwords_are_throttled_like_sign_in,
    a_change_ends_the_other_sessions_and_every_token_but_the_one_used,
    an_administrator_resets_a_password_and_disabling_ends_the_tokens,
    a_forgotten_password_is_reset_by_a_link_mailed_once_and_used_once,
);

const NEW: &str = "mật-khẩu-mới-2026";

async fn login(server: &Server, email: &str, password: &str) -> u16 {
    Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": password}),
        )
        .await
        .status
}

async fn a_user_changes_their_password_under_the_policy(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let change =
        |current: &str, new: &str| json!({"current_password": current, "new_password": new});

    let wrong = officer
        .post("/auth/password", &change("sai-mật-khẩu-rồi", NEW))
        .await
        .error(422, "wrong_current_password");
    assert_eq!(wrong["error"]["field"], "current_password");
    assert_eq!(wrong["error"]["message"], "Mật khẩu hiện tại không đúng.");
    let short = officer
        .post("/auth/password", &change(PASSWORD, "ngắn"))
        .await
        .error(422, "password_too_short");
    assert_eq!(short["error"]["field"], "new_password");
    assert!(
        short["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ít nhất 10 ký tự"),
        "{short}"
    );
    let english = officer
        .clone()
        .english()
        .post("/auth/password", &change(PASSWORD, "canbo@example.vn"))
        .await
        .error(422, "password_is_email");
    assert_eq!(
        english["error"]["message"],
        "The new password must not be the e-mail address."
    );
    assert_eq!(
        login(&server, "canbo@example.vn", PASSWORD).await,
        200,
        "nothing changed"
    );

    officer
        .post("/auth/password", &change(PASSWORD, NEW))
        .await
        .expect(200);
    assert_eq!(login(&server, "canbo@example.vn", NEW).await, 200);
    assert_eq!(login(&server, "canbo@example.vn", PASSWORD).await, 401);
    Client::anonymous(&server)
        .post("/auth/password", &change(NEW, PASSWORD))
        .await
        .error(401, "unauthenticated");
}

/// The default throttle's `max_failures`.
const MAX_FAILURES: usize = 5;

async fn wrong_current_passwords_are_throttled_like_sign_in(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..30 {
        let officer = officer.clone();
        guesses.spawn(async move {
            let guess = json!({"current_password": format!("đoán-sai-{n}"), "new_password": NEW});
            officer.post("/auth/password", &guess).await.status
        });
    }
    let statuses = guesses.join_all().await;
    let wrong = statuses.iter().filter(|s| **s == 422).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(wrong + refused, 30, "only 422 and 429: {statuses:?}");
    assert!(
        wrong <= MAX_FAILURES,
        "{wrong} guesses were checked, the throttle allows {MAX_FAILURES}: {statuses:?}"
    );

    let right = officer
        .post(
            "/auth/password",
            &json!({"current_password": PASSWORD, "new_password": NEW}),
        )
        .await;
    assert!(
        right.headers.contains_key("retry-after"),
        "{:?}",
        right.headers
    );
    let body = right.error(429, "too_many_attempts");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("mật khẩu hiện tại"), "{message}");
    assert!(body["error"]["retry_after"].as_i64().unwrap() > 0, "{body}");
    assert_eq!(
        login(&server, "canbo@example.vn", NEW).await,
        401,
        "the password did not change"
    );
    assert_eq!(
        login(&server, "canbo@example.vn", PASSWORD).await,
        200,
        "signing in is another count"
    );
}

/// Signs in with e-mail and password: a browser (session cookie and its
/// CSRF token) and an API client (the bearer token of that sign-in).
async fn signs_in(server: &Server, email: &str, password: &str) -> (Client, Client) {
    let reply = Client::anonymous(server)
        .post(
            "/auth/login",
            &json!({"email": email, "password": password}),
        )
        .await;
    let set_cookie = reply.headers["set-cookie"].to_str().unwrap().to_owned();
    let cookie = set_cookie
        .trim_start_matches("noicom_session=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body = reply.expect(200);
    let browser = Client::cookie(server, &cookie, body["csrf_token"].as_str());
    let api = Client::bearer(server, body["token"].as_str().unwrap());
    (browser, api)
}

async fn a_change_ends_the_other_sessions_and_every_token_but_the_one_used(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let (desk, desk_api) = signs_in(&server, "canbo@example.vn", PASSWORD).await;
    let (phone, phone_api) = signs_in(&server, "canbo@example.vn", PASSWORD).await;
    let cli = Client::bearer(&server, &town.officer);
    for client in [&desk, &desk_api, &phone, &phone_api, &cli] {
        client.get("/auth/me").await.expect(200);
    }

    let changed = desk
        .post(
            "/auth/password",
            &json!({"current_password": PASSWORD, "new_password": NEW}),
        )
        .await;
    desk.get("/auth/me").await.expect(200);
    for (who, client) in [
        ("the other session", &phone),
        ("the token of this sign-in", &desk_api),
        ("the token of the other sign-in", &phone_api),
        ("the token from the command line", &cli),
    ] {
        let status = client.get("/auth/me").await.status;
        assert_eq!(status, 401, "{who} still works after the change");
    }
    let changed = changed.expect(200);
    assert_eq!(changed["other_sessions_ended"], 1, "{changed}");
    assert_eq!(changed["tokens_revoked"], 3, "{changed}");
    let message = changed["message"].as_str().unwrap();
    assert!(message.contains("phiên đăng nhập khác"), "{message}");

    // Changed with a token, that token stays and every session ends.
    let (phone, phone_api) = signs_in(&server, "canbo@example.vn", NEW).await;
    let english = phone_api
        .clone()
        .english()
        .post(
            "/auth/password",
            &json!({"current_password": NEW, "new_password": PASSWORD}),
        )
        .await
        .expect(200);
    assert_eq!(english["other_sessions_ended"], 2, "{english}");
    assert_eq!(english["tokens_revoked"], 0, "{english}");
    assert!(
        english["message"]
            .as_str()
            .unwrap()
            .contains("other sessions"),
        "{english}"
    );
    phone_api.get("/auth/me").await.expect(200);
    phone.get("/auth/me").await.error(401, "unauthenticated");
    desk.get("/auth/me").await.error(401, "unauthenticated");
}

async fn an_administrator_resets_a_password_and_disabling_ends_the_tokens(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let admin = Client::bearer(&server, &town.admin);
    let liaison = Client::bearer(&server, &town.liaison);
    let id = admin.user_id("ubnd@example.vn").await;
    let path = format!("/users/{id}/password");

    Client::bearer(&server, &town.leader)
        .post(&path, &json!({"new_password": NEW}))
        .await
        .error(403, "admin_only");
    admin
        .post(&path, &json!({"new_password": "ubnd@example.vn"}))
        .await
        .error(422, "password_is_email");
    liaison.get("/auth/me").await.expect(200);
    admin
        .post("/users/999999/password", &json!({"new_password": NEW}))
        .await
        .error(404, "not_found");

    admin
        .post(&path, &json!({"new_password": NEW}))
        .await
        .expect(204);
    liaison.get("/auth/me").await.error(401, "unauthenticated");
    assert_eq!(login(&server, "ubnd@example.vn", NEW).await, 200);
    assert_eq!(login(&server, "ubnd@example.vn", PASSWORD).await, 401);

    // Disabling ends the user's sessions and tokens for good.
    let reporter = Client::bearer(&server, &town.reporter);
    let id = admin.user_id("ctv.bd@example.vn").await;
    let path = format!("/users/{id}");
    admin
        .patch_json(&path, &json!({"disabled": true}))
        .await
        .expect(200);
    reporter.get("/auth/me").await.error(401, "unauthenticated");
    admin
        .patch_json(&path, &json!({"disabled": false}))
        .await
        .expect(200);
    reporter.get("/auth/me").await.error(401, "unauthenticated");
    assert_eq!(login(&server, "ctv.bd@example.vn", PASSWORD).await, 200);

    let audit = admin.get("/audit?limit=50").await.expect(200);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["action"].as_str())
        .collect();
    assert!(actions.contains(&"reset_password"), "{actions:?}");
}

/// The reset link in an e-mail's text.
fn link_of(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains("/reset-password?token="))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .to_owned()
}

async fn a_forgotten_password_is_reset_by_a_link_mailed_once_and_used_once(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let smtp = SmtpSink::start(db.dir());
    let anonymous = Client::anonymous(&server);

    let known = anonymous
        .post("/auth/password-reset", &json!({"email": "ubnd@example.vn"}))
        .await
        .expect(202);
    let unknown = anonymous
        .post(
            "/auth/password-reset",
            &json!({"email": "khong-co-ai@example.vn"}),
        )
        .await
        .expect(202);
    assert_eq!(known, unknown, "the answer tells no one who has an account");
    assert!(
        known["message"].as_str().unwrap().contains("một giờ"),
        "{known}"
    );
    anonymous
        .post("/auth/password-reset", &json!({"mail": "ubnd@example.vn"}))
        .await
        .expect(422);

    // The scheduler's dispatcher sends it to the real SMTP server.
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", &Utc::now().to_rfc3339()])
        .ok();
    let received = smtp.received();
    assert_eq!(
        received.len(),
        1,
        "one e-mail, for the known address only: {received:?}"
    );
    let mail = &received[0];
    assert_eq!(mail.to, ["ubnd@example.vn"]);
    assert_eq!(mail.subject, "[noicom] Đặt lại mật khẩu");
    assert!(mail.text.contains("chỉ dùng được một lần"), "{}", mail.text);
    let link = link_of(&mail.text);
    assert!(
        link.starts_with("https://noicom.example.vn/reset-password?token=nc_"),
        "{link}"
    );
    assert!(mail.html.contains(&link), "{}", mail.html);
    let token = link.split("token=").nth(1).unwrap().to_owned();

    let confirm = |token: &str, new: &str| json!({"token": token, "new_password": new});
    let short = anonymous
        .post("/auth/password-reset/confirm", &confirm(&token, "ngắn"))
        .await
        .error(422, "password_too_short");
    assert_eq!(short["error"]["field"], "new_password");
    anonymous
        .post("/auth/password-reset/confirm", &confirm(&token, NEW))
        .await
        .expect(204);
    let again: Value = anonymous
        .post(
            "/auth/password-reset/confirm",
            &confirm(&token, "mật-khẩu-khác-nữa"),
        )
        .await
        .error(422, "reset_link_invalid");
    assert_eq!(again["error"]["field"], "token");
    assert_eq!(login(&server, "ubnd@example.vn", NEW).await, 200);
    assert_eq!(login(&server, "ubnd@example.vn", PASSWORD).await, 401);
    Client::bearer(&server, &town.liaison)
        .get("/auth/me")
        .await
        .error(401, "unauthenticated");

    // Nothing more goes out.
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .args(["remind", "--as-of", &Utc::now().to_rfc3339()])
        .ok();
    assert_eq!(smtp.received().len(), 1);
    let audit = Client::bearer(&server, &town.admin)
        .get("/audit?limit=50")
        .await
        .expect(200);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["action"].as_str())
        .collect();
    for action in [
        "password_reset_requested",
        "password_reset_unknown",
        "password_reset_used",
    ] {
        assert!(actions.contains(&action), "{action}: {actions:?}");
    }
    let audit_text = audit.to_string();
    assert!(!audit_text.contains(&token), "no secret in the audit log");
}
