//! A board officer schedules a resolution meeting from the case page
//! (SPEC §11): the form refuses it in words without the board among the
//! invited, then the meeting is listed under "Giấy mời họp" with each
//! invited unit, the Front without an address shown as not delivered.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::support::browser::{Browser, DESK};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(the_board_schedules_a_meeting_from_the_case_page);

async fn the_board_schedules_a_meeting_from_the_case_page(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Bãi rác tự phát gây ô nhiễm")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    assert!(desk.has("#no-meetings").await);
    desk.open_action("schedule_meeting").await;
    // The day after tomorrow, 9:00 in Hà Nội, as the date-time field holds it.
    let day = (Utc::now() + Duration::hours(7) + Duration::days(2)).format("%Y-%m-%d");
    desk.run(&format!(
        "document.getElementById('schedule_meeting-starts_at').value = '{day}T09:00'; return true;"
    ))
    .await;
    desk.fill(
        "#schedule_meeting-place",
        "Hội trường UBND thành phố, phòng 201",
    )
    .await;
    desk.choose("#schedule_meeting-chair_unit", "UBND-HN").await;
    let tick = |unit: &str| format!("#schedule_meeting-invited_units input[value='{unit}']");
    desk.click(&tick("UBND-HN")).await;
    desk.click(&tick("MTTQ-BD")).await;
    desk.fill(
        "#schedule_meeting-agenda",
        "Thống nhất phương án di dời bãi rác và lộ trình thông tin cho Nhân dân.",
    )
    .await;
    desk.submit("schedule_meeting").await;
    // Refused in words, beside the invited units, the input kept.
    let error = desk.text("#schedule_meeting-invited_units-error").await;
    assert!(
        error.contains("phải mời đại diện Ban Tuyên giáo"),
        "{error}"
    );
    desk.run(
        "document.getElementById('schedule_meeting-invited_units').scrollIntoView(); return true;",
    )
    .await;
    desk.screenshot("68-board-meeting-without-board-refused")
        .await;
    desk.click(&tick("BTG-HN")).await;
    desk.submit("schedule_meeting").await;
    assert_eq!(desk.text("#done").await, "Đã gửi giấy mời họp");
    let listed = desk.text("#meeting-list").await;
    let date = (Utc::now() + Duration::hours(7) + Duration::days(2)).format("%d/%m/%Y");
    assert!(
        listed.contains(&format!("{date} 09:00 – {date} 11:00")),
        "{listed}"
    );
    assert!(
        listed.contains("Hội trường UBND thành phố, phòng 201"),
        "{listed}"
    );
    assert!(
        listed.contains("Ủy ban MTTQ phường Ba Đình — không gửi được giấy mời"),
        "{listed}"
    );
    assert!(
        listed.contains("Ban Tuyên giáo và Dân vận Thành ủy — đang gửi giấy mời"),
        "{listed}"
    );
    desk.run("document.getElementById('meetings').scrollIntoView(); return true;")
        .await;
    desk.screenshot("69-board-meeting-invitations-listed").await;
    desk.close().await;
}
