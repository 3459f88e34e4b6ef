//! The duties pages in a real browser: an agency's liaison sees its
//! unit's duties and submits one from its page; the board sees every
//! agency's, filters them and acknowledges it; an admin waives another
//! with a reason; a duty of another unit is the 404 page.

use crate::browser::leader::{last_years_duties, this_year};
use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(an_agency_submits_a_duty_and_the_board_acknowledges_it);

async fn an_agency_submits_a_duty_and_the_board_acknowledges_it(db: TestDb) {
    let town = town(&db);
    last_years_duties(&db);
    let server = Server::start(&db, &[]).await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let q3 = format!("{}-Q3", this_year() - 1);
    let q4 = format!("{}-Q4", this_year() - 1);
    let officer = Client::bearer(&server, &town.officer);
    let page = officer
        .get(&format!("/duties?period={q3}"))
        .await
        .expect(200);
    let id = page["items"][0]["id"].as_i64().expect("the Q3 duty");
    let page = officer
        .get(&format!("/duties?period={q4}"))
        .await
        .expect(200);
    let q4_id = page["items"][0]["id"].as_i64().expect("the Q4 duty");

    // The liaison of UBND-HN, on a phone: its duties, Q3 overdue.
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ubnd@example.vn", PASSWORD).await;
    phone
        .click_and_wait_for_next_page("nav.menu a[href='/duties']")
        .await;
    let row = format!("#duty-list tr[data-id='{id}']");
    assert_eq!(
        phone
            .find(&row)
            .await
            .attr("data-status")
            .await
            .unwrap()
            .as_deref(),
        Some("pending")
    );
    assert!(phone.has(&format!("{row}.overdue")).await, "Q3 is overdue");
    phone.screenshot("23-agency-duties").await;
    phone
        .click_and_wait_for_next_page(&format!("{row} a"))
        .await;
    assert_eq!(phone.text("#duty-status").await, "Chưa cung cấp");
    assert!(phone.has("#duty-overdue").await);
    assert!(!phone.has("#form-acknowledge").await, "not the board's");
    phone
        .fill(
            "#submit-text",
            "Quý III: 4 vụ việc đã trả lời, 1 đang xử lý.",
        )
        .await;
    phone.screenshot("24-agency-duty-form").await;
    phone.click_and_wait_for_next_page("#submit-submit").await;
    assert_eq!(phone.text("#done").await, "Đã gửi thông tin");
    assert_eq!(phone.text("#duty-status").await, "Đã cung cấp");
    assert!(!phone.has("#duty-overdue").await);
    let api = officer.get(&format!("/duties/{id}")).await.expect(200);
    assert_eq!(api["status"], "submitted");
    assert_eq!(api["text"], "Quý III: 4 vụ việc đã trả lời, 1 đang xử lý.");
    assert_eq!(api["submitted_by"]["name"], "ubnd@example.vn");
    phone.sign_out().await;

    // The procuracy's liaison may not see UBND-HN's duty: the 404 page.
    phone.sign_in("vks@example.vn", PASSWORD).await;
    phone.open(&format!("/duties/{id}")).await;
    assert_eq!(phone.text("h1").await, "Không tìm thấy trang");
    phone.open("/duties").await;
    assert!(phone.has("#no-duties").await);
    phone.close().await;

    // The board: every agency's duties, filtered to the submitted ones.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open("/duties").await;
    desk.click("details.card summary").await;
    desk.choose("#f-status", "submitted").await;
    desk.click_and_wait_for_next_page("#apply-filters").await;
    desk.find("#f-status option[value='submitted'][selected]")
        .await;
    let rows = desk
        .client
        .find_all(fantoccini::Locator::Css("#duty-list tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "only the submitted one");
    desk.screenshot("25-board-duties-filtered").await;
    desk.click_and_wait_for_next_page(&format!("#duty-list tr[data-id='{id}'] a"))
        .await;
    assert!(desk.text("#duty-text").await.contains("Quý III"));
    assert!(!desk.has("#form-submit").await, "not the agency's");
    desk.click_and_wait_for_next_page("#submit-acknowledge")
        .await;
    assert_eq!(desk.text("#done").await, "Đã xác nhận tiếp nhận");
    assert_eq!(desk.text("#duty-status").await, "Đã tiếp nhận");
    assert!(desk.has("#no-moves").await);
    desk.screenshot("26-board-duty-acknowledged").await;
    let api = officer.get(&format!("/duties/{id}")).await.expect(200);
    assert_eq!(api["status"], "acknowledged");
    assert_eq!(api["acknowledged_by"]["name"], "canbo@example.vn");
    desk.sign_out().await;

    // An admin waives Q4 with a reason; a blank reason is refused first.
    desk.sign_in("quantri@example.vn", PASSWORD).await;
    desk.open(&format!("/duties/{q4_id}")).await;
    desk.client
        .execute(
            "document.getElementById('waive-reason').removeAttribute('required');",
            vec![],
        )
        .await
        .unwrap();
    desk.fill("#waive-reason", "   ").await;
    desk.click_and_wait_for_next_page("#submit-waive").await;
    let error = desk.text("#waive-error").await;
    assert!(!error.is_empty(), "a message by the field");
    assert_eq!(
        officer.get(&format!("/duties/{q4_id}")).await.expect(200)["status"],
        "pending",
        "nothing changed"
    );
    desk.fill("#waive-reason", "Không phát sinh thông tin trong quý.")
        .await;
    desk.click_and_wait_for_next_page("#submit-waive").await;
    assert_eq!(desk.text("#duty-status").await, "Được miễn");
    assert_eq!(
        desk.text("#duty-waiver").await,
        "Không phát sinh thông tin trong quý."
    );
    desk.close().await;
}
