//! Orientation notices in the browser (SPEC §12): the board orients from
//! the case page, naming a newspaper; the acknowledgement link of the
//! e-mail opens in a fresh browser without signing in, and its button
//! acknowledges; the case page's panel shows each recipient's status.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::smtp::SmtpSink;
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(the_board_orients_and_the_newspaper_acknowledges_by_its_link);

async fn the_board_orients_and_the_newspaper_acknowledges_by_its_link(db: TestDb) {
    let town = town(&db);
    noicom(&db)
        .args([
            "unit",
            "add",
            "--code",
            "BAO-HN",
            "--name",
            "Báo Hà Nội mới",
        ])
        .args([
            "--kind",
            "media",
            "--area",
            "HN",
            "--email",
            "toasoan@bao.example.vn",
        ])
        .ok();
    noicom(&db)
        .args([
            "unit",
            "add",
            "--code",
            "DTT-BD",
            "--name",
            "Đài truyền thanh phường Ba Đình",
        ])
        .args(["--kind", "media", "--area", "HN-BD"])
        .ok();
    let server = Server::start(&db, &[]).await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let api = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Sạt lở bờ kè sông Tô Lịch")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    api.acts(
        &case,
        "accept",
        serde_json::json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
    )
    .await
    .expect(200);

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    desk.open_action("orient").await;
    desk.fill(
        "#orient-messages",
        "Chính quyền đã khoanh vùng nguy hiểm, di dời 12 hộ dân.",
    )
    .await;
    desk.click("#orient-channels input[value='press']").await;
    desk.fill("#orient-audience", "Nhân dân phường Ba Đình")
        .await;
    desk.click("#orient-recipients input[value='BAO-HN']").await;
    desk.click("#orient-recipients input[value='DTT-BD']").await;
    desk.screenshot("64-board-orient-form").await;
    desk.submit("orient").await;
    assert_eq!(desk.text("#case-state").await, "Đã định hướng thông tin");
    let panel = desk.text("#orientations").await;
    assert!(panel.contains("1-CV/BTG-HN"), "{panel}");
    assert!(
        panel.contains("Báo Hà Nội mới: Đã gửi, chưa xác nhận"),
        "{panel}"
    );
    assert!(panel.contains("chưa có địa chỉ thư điện tử"), "{panel}");
    // The panel is below the facts: shown where the officer scrolls to.
    desk.run("document.getElementById('orientations').scrollIntoView()")
        .await;
    desk.screenshot("65-board-orientation-panel").await;

    let smtp = SmtpSink::start(db.dir());
    let at = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", &server.at(""))
        .args(["remind", "--as-of", &at])
        .ok();
    let received = smtp.received();
    let mail = received
        .iter()
        .find(|m| m.kind == "orientation_notice")
        .unwrap_or_else(|| panic!("no notice: {received:#?}"));
    let link = mail
        .text
        .split_whitespace()
        .find(|w| w.contains("/acknowledge/"))
        .unwrap()
        .to_owned();
    let path = link[link.find("/acknowledge/").unwrap()..].to_owned();

    // A fresh browser, nobody signed in, on a phone.
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.open(&path).await;
    assert!(phone.text("#notice-number").await.contains("1-CV/BTG-HN"));
    assert!(phone.text("#notice-unit").await.contains("Báo Hà Nội mới"));
    assert!(!phone.has("#sign-out").await, "nobody is signed in");
    phone.screenshot("66-newspaper-acknowledge-link").await;
    phone
        .click_and_wait_for_next_page("#acknowledge-submit")
        .await;
    assert!(
        phone
            .text("#acknowledged")
            .await
            .contains("Đã xác nhận lúc")
    );
    phone.screenshot("67-newspaper-acknowledged").await;
    phone.close().await;

    desk.open(&format!("/cases/{code}")).await;
    let panel = desk.text("#orientations").await;
    assert!(panel.contains("Báo Hà Nội mới: Đã xác nhận lúc"), "{panel}");
    assert!(panel.contains("toasoan@bao.example.vn"), "{panel}");
    desk.close().await;
}
