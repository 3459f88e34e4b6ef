//! What the pages refuse and hide: a stale action is refused with a clear
//! Vietnamese message and changes nothing; a sensitive case is a 404 page
//! for another commune's reporter; an ended session leads back to the
//! sign-in page with a message; the language switch is remembered, and
//! the browser's `Accept-Language` does not choose the pages' language.

use serde_json::json;

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_stale_action_is_refused_in_vietnamese_and_changes_nothing,
    a_sensitive_case_is_a_missing_page_for_another_communes_reporter,
    an_ended_session_leads_back_to_sign_in_with_a_message,
    the_language_switch_is_remembered_over_accept_language,
);

async fn a_stale_action_is_refused_in_vietnamese_and_changes_nothing(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Nước thải tràn ra đường")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();

    let desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    // Meanwhile someone else asks the reporter for more information.
    let now = officer
        .acts(
            &case,
            "request_info",
            json!({"question": "Đoạn đường nào?"}),
        )
        .await
        .expect(200);
    let events = officer
        .get(&format!("/cases/{code}/events"))
        .await
        .expect(200);

    desk.open_action("dismiss").await;
    desk.fill("#dismiss-reason", "Không phải vấn đề nổi cộm.")
        .await;
    desk.submit("dismiss").await;
    let message = desk.text("#error-message").await;
    assert!(message.contains("Vụ việc đã được cập nhật"), "{message}");
    assert!(desk.has("#reload").await);
    // The form comes back with the reason kept, on the current version.
    let kept = desk
        .find("#dismiss-reason")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Không phải vấn đề nổi cộm."));
    let after = officer.get(&format!("/cases/{code}")).await.expect(200);
    assert_eq!(after["state"], "needs_info");
    assert_eq!(after["version"], now["version"]);
    assert_eq!(
        officer
            .get(&format!("/cases/{code}/events"))
            .await
            .expect(200),
        events
    );
    desk.close().await;
}

async fn a_sensitive_case_is_a_missing_page_for_another_communes_reporter(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Khiếu nại đông người về đền bù")
        .await;
    Client::bearer(&server, &town.officer)
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "sensitive", "priority": "urgent", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let code = case["code"].as_str().unwrap().to_owned();

    let phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.sign_in("ctv.hk@example.vn", PASSWORD).await;
    phone.open(&format!("/cases/{code}")).await;
    assert_eq!(phone.text("h1").await, "Không tìm thấy trang");
    assert!(
        phone
            .text("#error-message")
            .await
            .contains("Không tìm thấy")
    );
    phone.screenshot("11-not-found-page").await;
    phone.open("/cases").await;
    assert!(phone.has("#no-cases").await);
    phone.sign_out().await;
    // Its own reporter does see it.
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open(&format!("/cases/{code}")).await;
    assert_eq!(
        phone.text("#case-title").await,
        "Khiếu nại đông người về đền bù"
    );
    phone.close().await;
}

async fn an_ended_session_leads_back_to_sign_in_with_a_message(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    let phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    // The session ends on the server (as when it expires).
    let cookie = phone
        .client
        .get_named_cookie("noicom_session")
        .await
        .expect("the session cookie");
    let csrf = phone
        .find("input[name=csrf]")
        .await
        .attr("value")
        .await
        .unwrap()
        .unwrap();
    Client::cookie(&server, cookie.value(), Some(&csrf))
        .post("/auth/logout", &json!({}))
        .await
        .expect(204);
    phone.open("/reports/new").await;
    assert!(
        phone
            .path()
            .await
            .starts_with("/login?next=%2Freports%2Fnew")
    );
    let notice = phone.text("#notice").await;
    assert!(notice.contains("hết hạn"), "{notice}");
    phone.screenshot("12-session-expired").await;
    // Signing in again goes back to the page asked for.
    phone.fill("#email", "ctv.bd@example.vn").await;
    phone.fill("#password", PASSWORD).await;
    phone.click_and_wait_for_next_page("#sign-in").await;
    phone.find("#report-form").await;
    assert_eq!(phone.path().await, "/reports/new");
    phone.close().await;
}

async fn the_language_switch_is_remembered_over_accept_language(db: TestDb) {
    town(&db);
    let server = Server::start(&db, &[]).await;
    // A browser asking for English gets Vietnamese until English is
    // chosen, and Vietnamese again once that is chosen.
    let phone = Browser::start(&server, PHONE, "en-US,en").await;
    phone.open("/login").await;
    assert_eq!(phone.text("h1").await, "Đăng nhập");
    phone.click_and_wait_for_next_page("#lang-en").await;
    phone.find("#lang-vi").await;
    assert_eq!(phone.text("h1").await, "Sign in");
    phone.click_and_wait_for_next_page("#lang-vi").await;
    phone.find("#lang-en").await;
    assert_eq!(phone.text("h1").await, "Đăng nhập");
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    assert_eq!(phone.text("h1").await, "Phản ánh của tôi");
    phone.click_and_wait_for_next_page("#lang-en").await;
    phone.find("#lang-vi").await;
    assert_eq!(phone.text("h1").await, "My reports");
    assert_eq!(phone.path().await, "/reports");
    phone.screenshot("13-my-reports-english").await;
    // Remembered on the next page.
    phone.open("/reports/new").await;
    assert_eq!(phone.text("h1").await, "File a new report");
    phone.click_and_wait_for_next_page("#lang-vi").await;
    phone.find("#lang-en").await;
    assert_eq!(phone.text("h1").await, "Gửi phản ánh mới");
    phone.close().await;
}
