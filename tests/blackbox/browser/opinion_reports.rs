//! A collaborator sends the month's opinion report from a 390×844 phone:
//! the first opinion, then a second one added with "Thêm ý kiến"; the
//! draft (the filing form's mechanism) brings both back after a reload;
//! the report is sent and shown. The board then files a case from one
//! opinion after a confirmation, the case links back to the report, and
//! the dashboard's trends count the week's opinions by mood and the case.
//! The board filters the list by area, kind and reporter, and a month that
//! is not one is refused in words above the filters. A report sent as the
//! network drops (it arrived, the answer was lost) is kept as a draft,
//! sent again when the network is back, and stored once.

use crate::support::browser::{Browser, DESK, PHONE_390};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(
    a_collaborator_sends_the_month_s_report_from_a_phone,
    the_board_filters_the_opinion_reports,
    a_report_sent_as_the_network_drops_arrives_once,
);

async fn value(phone: &Browser, css: &str) -> Option<String> {
    phone.find(css).await.prop("value").await.unwrap()
}

async fn a_collaborator_sends_the_month_s_report_from_a_phone(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let mut phone = Browser::start(&server, PHONE_390, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open("/opinion-reports").await;
    phone
        .click_and_wait_for_next_page("#new-opinion-report")
        .await;
    assert_eq!(phone.viewport_width().await, 390);
    // The one area covered is chosen; the month is this one.
    assert_eq!(value(&phone, "#area").await.as_deref(), Some("HN-BD"));
    let month = value(&phone, "#period").await.unwrap_or_default();
    assert_eq!(month.len(), 7, "{month}");
    // Only the first opinion is open; the next one waits behind "Thêm ý kiến".
    assert!(
        !phone
            .find("#item2_summary")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    phone.choose("#item1_category", "land").await;
    phone
        .fill(
            "#item1_summary",
            "Nhiều hộ dân bức xúc vì chậm chi trả tiền bồi thường mở rộng đường",
        )
        .await;
    phone.choose("#item1_mood", "angry").await;
    phone.choose("#item1_reach", "many").await;
    phone.fill("#item1_people", "150").await;
    phone.click("#more2 > summary").await;
    assert!(
        phone
            .find("#item2_summary")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    phone.choose("#item2_category", "environment").await;
    phone
        .fill(
            "#item2_summary",
            "Người dân đồng tình với việc thu gom rác đúng giờ",
        )
        .await;
    phone.choose("#item2_mood", "supportive").await;
    phone.choose("#item2_reach", "few").await;
    phone.choose("#item2_source", "meeting").await;
    phone
        .run("document.getElementById('more2').scrollIntoView(); return null;")
        .await;
    phone.screenshot("47-opinion-report-form-phone-390").await;

    // A reload (a dropped page on a poor connection): the draft brings
    // both opinions back, the second one shown.
    phone.open("/opinion-reports/new").await;
    assert_eq!(
        value(&phone, "#item2_summary").await.as_deref(),
        Some("Người dân đồng tình với việc thu gom rác đúng giờ")
    );
    assert!(
        phone
            .find("#item2_summary")
            .await
            .is_displayed()
            .await
            .unwrap()
    );
    assert_eq!(value(&phone, "#item1_mood").await.as_deref(), Some("angry"));
    assert!(
        !phone
            .find("#item3_summary")
            .await
            .is_displayed()
            .await
            .unwrap()
    );

    phone
        .click_and_wait_for_next_page("#send-opinion-report")
        .await;
    assert_eq!(phone.text("#report-sent").await, "Đã gửi báo cáo.");
    let opinions = phone.text("#opinions").await;
    assert!(opinions.contains("Bức xúc"), "{opinions}");
    assert!(opinions.contains("Đồng tình"), "{opinions}");
    assert!(opinions.contains("Hội nghị"), "{opinions}");
    // The collaborator files no case from it.
    assert!(!phone.has("#item-1-file").await);
    phone.screenshot("48-opinion-report-sent-phone").await;
    // The draft is gone once the report arrived.
    phone.open("/opinion-reports/new").await;
    assert_eq!(value(&phone, "#item1_summary").await.as_deref(), Some(""));
    let report_path = {
        phone.open("/opinion-reports").await;
        phone
            .find("#opinion-reports h2 a")
            .await
            .attr("href")
            .await
            .unwrap()
            .unwrap()
    };
    phone.close().await;

    // The board files a case from the first opinion, after confirming.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&report_path).await;
    desk.click("#item-1-file > summary").await;
    desk.click_and_wait_for_next_page("#item-1-confirm").await;
    let link = desk.text("#item-1-case").await;
    assert!(link.starts_with("Đã lập phản ánh "), "{link}");
    assert!(!desk.has("#item-1-file").await);
    assert!(desk.has("#item-2-file").await);
    desk.click_and_wait_for_next_page("#item-1-case").await;
    let origin = desk.text("#opinion-origin").await;
    assert!(
        origin.starts_with("Từ báo cáo dư luận xã hội của ctv.bd@example.vn ngày "),
        "{origin}"
    );
    desk.screenshot("49-case-from-opinion-links-back").await;

    // The dashboard's trends: this week's two opinions by mood, one case.
    desk.open("/dashboard").await;
    let cells = |table: &str| {
        format!(
            "return Array.from(document.querySelectorAll('#{table} tbody tr:last-child td')).map(function (c) {{ return c.textContent.trim(); }});"
        )
    };
    let moods = desk.run(&cells("opinion-by-mood-table")).await;
    assert_eq!(
        moods,
        serde_json::json!(["1", "0", "0", "1"]),
        "supportive, neutral, concerned, angry"
    );
    let cases = desk.run(&cells("opinion-cases-filed-table")).await;
    assert_eq!(cases, serde_json::json!(["1"]));
    desk.run("document.getElementById('opinion-trends').scrollIntoView(); return null;")
        .await;
    desk.screenshot("58-dashboard-opinion-trends").await;
    desk.close().await;
}

async fn the_board_filters_the_opinion_reports(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    town.give_profile(&server, "ctv.hk@example.vn", &["HN-HK"])
        .await;
    let report = |area: &str, summary: &str| {
        serde_json::json!({"area": area, "quick": true, "items": [
            {"category": "environment", "summary": summary, "mood": "concerned", "reach": "many", "source": "direct"}
        ]})
    };
    let bd = Client::bearer(&server, &town.reporter);
    let hk = Client::bearer(&server, &town.other_reporter);
    bd.post(
        "/opinion-reports",
        &report("HN-BD", "Khói bụi từ bãi rác Ba Đình"),
    )
    .await
    .expect(201);
    hk.post("/opinion-reports", &report("HN-HK", "Phố cổ ngập sau mưa"))
        .await
        .expect(201);
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open("/opinion-reports").await;
    assert_eq!(desk.run(CARDS).await.as_array().map(Vec::len), Some(2));
    desk.choose("#f-area", "HN-BD").await;
    desk.choose("#f-kind", "quick").await;
    desk.choose("#f-reporter", "ctv.bd@example.vn").await;
    desk.click_and_wait_for_next_page("#apply-filters").await;
    let cards = desk.run(CARDS).await;
    assert_eq!(cards.as_array().map(Vec::len), Some(1), "{cards}");
    assert!(
        desk.text("#opinion-reports")
            .await
            .contains("Khói bụi từ bãi rác Ba Đình"),
        "{cards}"
    );
    // The filters stay as chosen.
    let chosen = desk
        .run("return ['f-area', 'f-kind', 'f-reporter'].map(function (id) { return document.getElementById(id).value; });")
        .await;
    assert_eq!(
        chosen,
        serde_json::json!(["HN-BD", "quick", "ctv.bd@example.vn"])
    );
    desk.screenshot("78-opinion-reports-filtered").await;

    desk.open("/opinion-reports?period=2026-13&area=HN-BD")
        .await;
    assert_eq!(
        desk.text("#filter-problem").await,
        "Tháng báo cáo “2026-13” không hợp lệ; hãy ghi năm-tháng, ví dụ 2026-11."
    );
    assert!(!desk.has("#opinion-reports").await);
    desk.screenshot("79-opinion-reports-bad-month").await;
    desk.close().await;
}

/// The titles of the report cards shown.
const CARDS: &str = "return Array.from(document.querySelectorAll('#opinion-reports li h2')).map(function (h) { return h.textContent.trim(); });";

/// Makes the page's network drop: each request still reaches the server,
/// but its answer is lost, and the browser says it is offline.
const NETWORK_DROPS: &str = "window.realFetch = window.fetch; window.online = false; Object.defineProperty(navigator, 'onLine', { configurable: true, get: function () { return window.online; } }); window.fetch = function (url, options) { return window.realFetch(url, options).then(function () { throw new TypeError('Failed to fetch'); }); }; return null;";

/// Whether `script` returns true within 10 s.
async fn until(phone: &Browser, script: &str) -> bool {
    for _ in 0..100 {
        if phone.run(script).await == serde_json::json!(true) {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}

/// Brings the network back.
const NETWORK_BACK: &str = "window.fetch = window.realFetch; window.online = true; window.dispatchEvent(new Event('online')); return null;";

async fn a_report_sent_as_the_network_drops_arrives_once(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    let mut phone = Browser::start(&server, PHONE_390, "vi-VN,vi").await;
    phone.shots = matches!(db.backend, Backend::Sqlite);
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open("/opinion-reports/new").await;
    assert_eq!(phone.viewport_width().await, 390);
    phone.choose("#item1_category", "environment").await;
    phone
        .fill("#item1_summary", "Người dân lo ngại nước thải chảy ra kênh")
        .await;
    phone.choose("#item1_mood", "concerned").await;
    phone.choose("#item1_reach", "many").await;
    phone.run(NETWORK_DROPS).await;
    phone.click("#send-opinion-report").await;
    // The answer is lost: the page says the report is kept, and so it is.
    assert!(
        until(
            &phone,
            "return !document.querySelector('#opinion-form .offline').hidden;"
        )
        .await,
        "the page does not say the report is kept"
    );
    let draft = phone
        .run("return Object.keys(localStorage).filter(function (k) { return k.indexOf('noicom-draft-') === 0; }).length;")
        .await;
    assert_eq!(draft, serde_json::json!(1));
    phone
        .run("document.querySelector('#opinion-form .offline').scrollIntoView(); return null;")
        .await;
    phone
        .screenshot("86-opinion-report-kept-offline-phone")
        .await;

    // The network is back: the same report goes again under the same key,
    // and the server answers with the report it already has.
    phone.run(NETWORK_BACK).await;
    assert_eq!(phone.text("#report-sent").await, "Đã gửi báo cáo.");
    phone.screenshot("87-opinion-report-sent-once-phone").await;
    let mine = Client::bearer(&server, &town.reporter)
        .get("/opinion-reports")
        .await
        .expect(200);
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1), "{mine:#}");
    phone.open("/opinion-reports").await;
    let cards = phone.run(CARDS).await;
    assert_eq!(cards.as_array().map(Vec::len), Some(1), "{cards}");
    phone.close().await;
}
