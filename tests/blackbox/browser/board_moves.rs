//! The board's moves on the case page (SPEC §11): the board hands an
//! accepted case to another lead unit from its form, and the leader reads
//! an escalation's opinions side by side on a phone where they conclude.

use serde_json::json;

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(the_board_reassigns_from_the_case_page_and_the_leader_reads_the_opinions);

async fn the_board_reassigns_from_the_case_page_and_the_leader_reads_the_opinions(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let api = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Lấn chiếm hành lang đê")
        .await;
    let case = api
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let code = case["code"].as_str().unwrap().to_owned();

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    desk.open_action("reassign").await;
    desk.choose("#reassign-lead_unit", "VKSND-HN").await;
    desk.fill(
        "#reassign-reason",
        "Có dấu hiệu vi phạm pháp luật; giao Viện kiểm sát chủ trì.",
    )
    .await;
    desk.screenshot("70-board-reassign-form").await;
    desk.submit("reassign").await;
    assert_eq!(
        desk.text("#done").await,
        "Đã giao lại cơ quan chủ trì",
        "reassigned"
    );
    assert_eq!(desk.text("#case-state").await, "Đã giao cơ quan chủ trì");
    let page = desk.text("body").await;
    assert!(page.contains("Viện kiểm sát nhân dân thành phố"), "{page}");
    desk.screenshot("71-board-case-reassigned").await;
    let seen = api.get(&format!("/cases/{code}")).await.expect(200);
    assert_eq!(seen["lead_unit"], "VKSND-HN", "{seen}");

    // The board escalates from the page with two bodies' opinions; the
    // leader reads them side by side on a phone.
    desk.open_action("escalate").await;
    desk.choose("#escalate-opinions-unit-1", "VKSND-HN").await;
    desk.fill("#escalate-opinions-1", "Đề nghị khởi tố vụ án.")
        .await;
    // One body's opinion alone is refused in words, and the form keeps it.
    desk.submit("escalate").await;
    let refused = desk.text("#escalate-opinions-error").await;
    assert!(refused.contains("ít nhất hai cơ quan"), "{refused}");
    let kept = desk
        .run("return document.getElementById('escalate-opinions-unit-1').value")
        .await;
    assert_eq!(kept, "VKSND-HN");
    assert_eq!(
        desk.text("#escalate-opinions-1").await,
        "Đề nghị khởi tố vụ án."
    );
    desk.choose("#escalate-opinions-unit-2", "UBND-HN").await;
    desk.fill(
        "#escalate-opinions-2",
        "Xử lý hành chính, buộc tháo dỡ công trình.",
    )
    .await;
    desk.screenshot("73-board-escalate-opinions-form").await;
    desk.submit("escalate").await;
    assert_eq!(desk.text("#case-state").await, "Trình Thường trực cấp ủy");
    desk.close().await;
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("lanhdao@example.vn", PASSWORD).await;
    phone.open(&format!("/cases/{code}")).await;
    let table = phone.text("#opinions").await;
    for said in [
        "Đề nghị khởi tố vụ án.",
        "Xử lý hành chính",
        "UBND thành phố Hà Nội",
    ] {
        assert!(table.contains(said), "{table}");
    }
    assert!(phone.has("#act-conclude").await);
    phone
        .client
        .execute(
            "document.getElementById('opinions').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the opinions");
    phone.screenshot("72-leader-opinions-on-a-phone").await;
    phone.close().await;
}
