//! The main path through the pages: a reporter files from a phone; the
//! board triages and accepts with a lead unit; the agency answers; the
//! board orients; the agency reports the resolution (an empty answer
//! refused on the way); the board publishes the result; the leader
//! closes; the reporter sees the outcome. Screenshots of every main page
//! go to `target/screenshots/`.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(a_case_goes_from_a_phone_report_to_its_closure_in_the_browser);

async fn a_case_goes_from_a_phone_report_to_its_closure_in_the_browser(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.officer);
    let shots = matches!(db.backend, Backend::Sqlite);

    // The reporter, on a phone, in Vietnamese.
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    assert_eq!(phone.path().await, "/reports");
    assert_eq!(phone.text("h1").await, "Phản ánh của tôi");
    assert_eq!(phone.viewport_width().await, 375);
    phone.open("/reports/new").await;
    phone.screenshot("01-reporter-file-form").await;
    // A report without a title is sent back with the message by the
    // field and the rest of the input kept; nothing is filed.
    phone
        .fill(
            "#description",
            "Bờ kè đoạn qua tổ 5 bị sạt lở sau mưa lớn, người dân lo ngại.",
        )
        .await;
    phone.choose("#area", "HN-BD").await;
    phone.choose("#category", "land").await;
    phone.choose("#source", "collaborator").await;
    phone.click_and_wait_for_next_page("#send-report").await;
    let error = phone.text("#title-error").await;
    assert!(error.contains("Vui lòng nhập"), "{error}");
    assert!(
        phone
            .find("#description")
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("sạt lở"),
        "the description is kept"
    );
    phone.screenshot("02-reporter-file-error").await;
    assert!(api.case_codes("").await.is_empty(), "nothing was filed");
    phone.fill("#title", "Sạt lở bờ kè sông Tô Lịch").await;
    phone.click_and_wait_for_next_page("#send-report").await;
    let filed = phone.text("#filed a").await;
    assert!(
        filed.starts_with("HN-2026-") || filed.contains('-'),
        "{filed}"
    );
    assert_eq!(api.case_codes("").await, vec![filed.clone()], "filed once");
    phone.screenshot("03-reporter-my-reports").await;
    phone.sign_out().await;

    // The board officer triages: the queue, the case, accept with a lead.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    assert_eq!(desk.path().await, "/triage");
    assert!(desk.has(&format!("li[data-code='{filed}']")).await);
    desk.screenshot("04-board-triage-queue").await;
    desk.click_and_wait_for_next_page(&format!("li[data-code='{filed}'] a.title"))
        .await;
    assert_eq!(desk.text("#case-state").await, "Mới tiếp nhận");
    desk.screenshot("05-board-case-page").await;
    desk.open_action("accept").await;
    desk.choose("#accept-sensitivity", "normal").await;
    desk.choose("#accept-priority", "high").await;
    desk.choose("#accept-lead_unit", "UBND-HN").await;
    desk.submit("accept").await;
    assert_eq!(
        desk.text("#done").await,
        "Đã tiếp nhận và giao cơ quan chủ trì"
    );
    assert_eq!(desk.text("#case-state").await, "Đã giao cơ quan chủ trì");
    desk.sign_out().await;

    // The agency answers in writing from its inbox.
    desk.sign_in("ubnd@example.vn", PASSWORD).await;
    assert_eq!(desk.path().await, "/inbox");
    desk.screenshot("06-agency-inbox").await;
    desk.click_and_wait_for_next_page(&format!("li[data-code='{filed}'] a.title"))
        .await;
    // An empty answer is refused by the rules: the message is by the
    // field, in Vietnamese, and the case is as it was.
    let before = api.get(&format!("/cases/{filed}")).await.expect(200);
    desk.open_action("respond").await;
    desk.submit("respond").await;
    let message = desk.text("#respond-answer-error").await;
    assert!(message.contains("Vui lòng nhập"), "{message}");
    desk.screenshot("08-agency-refused-empty-answer").await;
    let after = api.get(&format!("/cases/{filed}")).await.expect(200);
    assert_eq!(before, after);
    desk.fill(
        "#respond-answer",
        "UBND đã khảo sát hiện trường, lập phương án gia cố kè trong 30 ngày.",
    )
    .await;
    desk.screenshot("07-agency-answer-form").await;
    desk.submit("respond").await;
    assert_eq!(desk.text("#case-state").await, "Cơ quan đã trả lời");
    desk.sign_out().await;

    // The board orients.
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{filed}")).await;
    desk.open_action("orient").await;
    desk.fill(
        "#orient-messages",
        "Thông tin kịp thời phương án gia cố kè.",
    )
    .await;
    desk.click("#orient-channels input[value='grassroots_radio']")
        .await;
    desk.fill("#orient-audience", "Người dân phường Ba Đình")
        .await;
    desk.submit("orient").await;
    assert_eq!(desk.text("#case-state").await, "Đã định hướng thông tin");
    desk.sign_out().await;

    // The agency reports the resolution.
    desk.sign_in("ubnd@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{filed}")).await;
    desk.open_action("report_resolution").await;
    desk.fill("#report_resolution-summary", "Đã gia cố xong 120 m kè.")
        .await;
    desk.submit("report_resolution").await;
    assert_eq!(desk.text("#case-state").await, "Đã giải quyết");
    desk.sign_out().await;

    // The board publishes the result.
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{filed}")).await;
    desk.open_action("publish_result").await;
    desk.fill(
        "#publish_result-text",
        "Bờ kè sông Tô Lịch đã được gia cố, an toàn cho người dân.",
    )
    .await;
    desk.submit("publish_result").await;
    assert_eq!(desk.text("#done").await, "Đã công bố kết quả");
    desk.sign_out().await;

    // The leader closes.
    desk.sign_in("lanhdao@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{filed}")).await;
    desk.open_action("close").await;
    desk.fill("#close-remark", "Đã giải quyết dứt điểm.").await;
    desk.submit("close").await;
    assert_eq!(desk.text("#case-state").await, "Đã kết thúc");
    desk.screenshot("09-leader-closed-case").await;
    desk.close().await;

    // The reporter sees the outcome on the phone.
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    let outcome = phone
        .text(&format!("li[data-code='{filed}'] .outcome"))
        .await;
    assert!(outcome.contains("đã được gia cố"), "{outcome}");
    assert!(
        phone
            .text(&format!("li[data-code='{filed}']"))
            .await
            .contains("Đã kết thúc")
    );
    phone.screenshot("10-reporter-outcome").await;
    phone.close().await;
}
