//! The password pages in a real browser: changing one's own password
//! (wrong current one, two different new ones, then done; too many wrong
//! current ones refused); "forgot password" from the sign-in page with the
//! same answer for an unknown address, the e-mail received by the real
//! SMTP server, its link opened in the browser, a new password set and
//! used, the link refused a second time; and a failed e-mail sent again
//! from the admin page.

use chrono::Utc;

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::failed_email::{one_failed_email, sweep_now};
use crate::support::smtp::SmtpSink;
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(
    a_user_changes_their_password_on_the_page,
    a_forgotten_password_is_reset_from_the_mailed_link_in_the_browser,
    a_failed_email_is_sent_again_from_the_admin_page,
);

const NEW: &str = "mật-khẩu-mới-2026";

async fn a_user_changes_their_password_on_the_page(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.click("#change-password").await;
    phone.find("#password-form").await;
    assert_eq!(phone.text("h1").await, "Đổi mật khẩu");

    phone.fill("#current_password", "không-phải-mật-khẩu").await;
    phone.fill("#new_password", NEW).await;
    phone.fill("#confirm_password", NEW).await;
    phone.click("#password-submit").await;
    let error = phone.text("#current_password-error").await;
    assert_eq!(error, "Mật khẩu hiện tại không đúng.");

    phone.fill("#current_password", PASSWORD).await;
    phone.fill("#new_password", NEW).await;
    phone.fill("#confirm_password", "mật-khẩu-khác-hẳn").await;
    phone.click("#password-submit").await;
    let error = phone.text("#confirm_password-error").await;
    assert!(error.contains("không khớp"), "{error}");
    phone.screenshot("30-change-password-refused").await;

    phone.fill("#current_password", PASSWORD).await;
    phone.fill("#new_password", NEW).await;
    phone.fill("#confirm_password", NEW).await;
    phone.click("#password-submit").await;
    let done = phone.text("#done").await;
    assert!(
        done.starts_with("Đã đổi mật khẩu.") && done.contains("phiên đăng nhập khác"),
        "{done}"
    );
    phone.screenshot("31-change-password-done").await;

    phone.sign_out().await;
    phone.fill("#email", "ctv.bd@example.vn").await;
    phone.fill("#password", PASSWORD).await;
    phone.click("#sign-in").await;
    assert!(phone.text("#error-message").await.contains("không đúng"));
    phone.sign_in("ctv.bd@example.vn", NEW).await;

    // Guesses of the current password are throttled on the page too.
    phone.open("/password").await;
    for n in 0..6 {
        phone
            .fill("#current_password", &format!("đoán-sai-{n}"))
            .await;
        phone.fill("#new_password", PASSWORD).await;
        phone.fill("#confirm_password", PASSWORD).await;
        phone.click_and_wait_for_next_page("#password-submit").await;
    }
    let error = phone.text("#error-message").await;
    assert!(error.contains("quá nhiều lần"), "{error}");
    phone.close().await;
}

/// The reset link in an e-mail's text.
fn link_of(text: &str) -> String {
    text.split_whitespace()
        .find(|w| w.contains("/reset-password?token="))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .to_owned()
}

async fn a_forgotten_password_is_reset_from_the_mailed_link_in_the_browser(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let smtp = SmtpSink::start(db.dir());
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);

    // An unknown address gets exactly the answer a known one gets.
    let mut answers = Vec::new();
    for email in ["khong-co-ai@example.vn", "ubnd@example.vn"] {
        phone.open("/login").await;
        phone.click_and_wait_for_next_page("#forgot-password").await;
        phone.fill("#email", email).await;
        phone.click("#forgot-submit").await;
        answers.push(phone.text("#sent").await);
    }
    assert_eq!(answers[0], answers[1]);
    assert!(answers[0].contains("một giờ"), "{}", answers[0]);
    phone.screenshot("32-forgot-password").await;

    // The scheduler's dispatcher sends it to the real SMTP server, with a
    // link to this server's reset page.
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", &server.url)
        .args(["remind", "--as-of", &Utc::now().to_rfc3339()])
        .ok();
    let received = smtp.received();
    assert_eq!(received.len(), 1, "{received:?}");
    assert_eq!(received[0].to, ["ubnd@example.vn"]);
    let link = link_of(&received[0].text);
    assert!(
        link.starts_with(&format!("{}/reset-password?token=", server.url)),
        "{link}"
    );

    phone.client.goto(&link).await.expect("open the link");
    phone.find("#reset-form").await;
    assert_eq!(phone.text("h1").await, "Đặt mật khẩu mới");
    phone.screenshot("33-reset-password").await;
    phone.fill("#new_password", "ngắn").await;
    phone.fill("#confirm_password", "ngắn").await;
    phone.click("#reset-submit").await;
    let error = phone.text("#new_password-error").await;
    assert!(error.contains("ít nhất 10 ký tự"), "{error}");
    phone.fill("#new_password", NEW).await;
    phone.fill("#confirm_password", NEW).await;
    phone.click("#reset-submit").await;
    let notice = phone.text("#notice").await;
    assert!(notice.contains("Đã đặt mật khẩu mới"), "{notice}");
    assert!(phone.path().await.starts_with("/login"));
    phone.fill("#email", "ubnd@example.vn").await;
    phone.fill("#password", NEW).await;
    phone.click("#sign-in").await;
    phone.find("#sign-out").await;
    assert_eq!(phone.path().await, "/inbox");
    phone.sign_out().await;

    // The link works once.
    phone.client.goto(&link).await.expect("open the link again");
    phone.fill("#new_password", "mật-khẩu-khác-nữa").await;
    phone.fill("#confirm_password", "mật-khẩu-khác-nữa").await;
    phone.click("#reset-submit").await;
    phone.find("#ask-again").await;
    let error = phone.text("#error-message").await;
    assert!(error.contains("liên kết"), "{error}");
    phone.screenshot("34-reset-link-used").await;
    assert_eq!(
        Client::anonymous(&server)
            .post(
                "/auth/login",
                &serde_json::json!({"email": "ubnd@example.vn", "password": NEW})
            )
            .await
            .status,
        200
    );
    let _ = town;
    phone.close().await;
}

async fn a_failed_email_is_sent_again_from_the_admin_page(db: TestDb) {
    let town = town(&db);
    let (config, mut smtp) = one_failed_email(&db);

    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.admin);
    let failed = api.get("/outbox?status=failed").await.expect(200);
    let id = failed[0]["id"].as_i64().unwrap();
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("quantri@example.vn", PASSWORD).await;
    desk.open("/admin").await;
    desk.click("nav.subnav a[href='/admin/failed-emails']")
        .await;
    let row = desk.text(&format!("#failed-list li[data-id='{id}']")).await;
    assert!(row.contains("Số lần thử: 1"), "{row}");
    assert!(row.contains("Lỗi"), "{row}");
    desk.screenshot("57-admin-failed-emails").await;
    desk.click(&format!("#retry-{id}")).await;
    desk.find("#done").await;
    assert!(desk.has("#no-failed").await);
    let pending = api.get("/outbox?status=pending").await.expect(200);
    assert_eq!(pending[0]["id"], id);

    smtp.resume();
    let summary = sweep_now(&db, &config, &smtp);
    assert!(summary.contains("sent 1, failed 0"), "{summary}");
    assert_eq!(smtp.received().len(), 1);
    let audit = api.get("/audit?limit=50").await.expect(200);
    assert!(audit.to_string().contains("retry_email"), "{audit:#}");
    desk.close().await;
}
