//! The agency's desk and the words of issue 15 in a real browser: the
//! inbox shows a priority above normal, urgent standing out; a comment's
//! button and confirmation say what was done; a submitted duty's form
//! says it now corrects the submission; the case page shows the published
//! text; the admin page reads a schedule's facts as sentences.

use serde_json::{Value, json};

use crate::browser::leader::{last_years_duties, this_year};
use crate::support::browser::{Browser, DESK};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(
    the_agency_desk_reads_priorities_corrections_and_outcomes,
    the_demo_dashboard_shows_times_of_days,
);

async fn the_agency_desk_reads_priorities_corrections_and_outcomes(db: TestDb) {
    let town = town(&db);
    last_years_duties(&db);
    let server = Server::start(&db, &[]).await;
    let shots = matches!(db.backend, Backend::Sqlite);
    let officer = Client::bearer(&server, &town.officer);
    let liaison = Client::bearer(&server, &town.liaison);
    let reporter = Client::bearer(&server, &town.reporter);
    let accepted = |title: &'static str, priority: &'static str| {
        let (officer, reporter) = (&officer, &reporter);
        async move {
            let case = reporter.files_case("HN-BD", title).await;
            officer
                .acts(
                    &case,
                    "accept",
                    json!({"sensitivity": "normal", "priority": priority, "lead_unit": "UBND-HN"}),
                )
                .await
                .expect(200)
        }
    };
    let urgent = accepted("Sạt lở bờ sông uy hiếp nhà dân", "urgent").await;
    accepted("Đèn đường hỏng nhiều tháng", "normal").await;
    let published = accepted("Rác thải tồn đọng tại chợ", "high").await;
    let published = liaison
        .acts(
            &published,
            "respond",
            json!({"answer": "Đã có văn bản trả lời."}),
        )
        .await
        .expect(200);
    let published = officer
        .acts(
            &published,
            "orient",
            json!({"messages": "Thông tin chính xác", "channels": ["press"], "audience": "Nhân dân"}),
        )
        .await
        .expect(200);
    let published = liaison
        .acts(
            &published,
            "report_resolution",
            json!({"summary": "Đã thu gom toàn bộ rác."}),
        )
        .await
        .expect(200);
    let text = "Rác tại chợ đã được thu gom; lịch thu gom mới áp dụng từ tuần sau.";
    let published: Value = officer
        .acts(&published, "publish_result", json!({"text": text}))
        .await
        .expect(200);

    // The liaison's inbox: urgent and high priorities in words.
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("ubnd@example.vn", PASSWORD).await;
    desk.open("/inbox").await;
    let card = format!(
        "#case-list li[data-code='{}']",
        urgent["code"].as_str().unwrap()
    );
    assert_eq!(
        desk.text(&format!("{card} .badge.priority")).await,
        "Mức độ ưu tiên: Khẩn"
    );
    assert!(desk.has(&format!("{card} [data-priority='urgent']")).await);
    assert!(
        !desk.has("#case-list [data-priority='normal']").await,
        "no noise"
    );
    assert!(desk.has("#case-list [data-priority='high']").await);
    desk.screenshot("80-agency-inbox-priorities").await;

    // A comment: "Gửi ý kiến", then "Đã ghi ý kiến".
    desk.click_and_wait_for_next_page(&format!("{card} a.title"))
        .await;
    desk.open_action("comment").await;
    assert_eq!(desk.text("#submit-comment").await, "Gửi ý kiến");
    desk.fill("#comment-text", "UBND đã cử tổ công tác xuống hiện trường.")
        .await;
    desk.submit("comment").await;
    assert_eq!(desk.text("#done").await, "Đã ghi ý kiến");
    desk.screenshot("81-agency-comment-recorded").await;

    // A submitted duty: its form now says it corrects the submission.
    let q3 = format!("{}-Q3", this_year() - 1);
    let duties = officer
        .get(&format!("/duties?period={q3}"))
        .await
        .expect(200);
    let id = duties["items"][0]["id"].as_i64().expect("the Q3 duty");
    desk.open(&format!("/duties/{id}")).await;
    assert!(!desk.has("#correct-title").await, "nothing sent yet");
    assert_eq!(desk.text("#submit-submit").await, "Gửi thông tin");
    desk.fill("#submit-text", "Quý III: 4 vụ việc đã trả lời.")
        .await;
    desk.click_and_wait_for_next_page("#submit-submit").await;
    assert_eq!(desk.text("#correct-title").await, "Sửa thông tin đã gửi");
    let hint = desk.text("#correct-hint").await;
    assert!(hint.starts_with("Đã gửi lúc "), "{hint}");
    assert!(hint.contains("sẽ thay thế nội dung đã gửi"), "{hint}");
    assert_eq!(
        desk.find("#submit-text").await.prop("value").await.unwrap(),
        Some("Quý III: 4 vụ việc đã trả lời.".to_owned())
    );
    assert_eq!(desk.text("#submit-submit").await, "Gửi thông tin đã sửa");
    desk.run("document.getElementById('form-submit').scrollIntoView()")
        .await;
    desk.screenshot("82-agency-duty-correction").await;
    desk.sign_out().await;

    // The board reads the published text itself as the outcome.
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{}", published["code"].as_str().unwrap()))
        .await;
    let facts = desk.text("dl.facts").await;
    assert!(facts.contains(text), "{facts}");
    assert!(!facts.contains("Đã công bố kết quả"), "{facts}");
    desk.screenshot("83-case-published-text").await;
    desk.sign_out().await;

    // The admin page: a schedule's facts as sentences, not form labels.
    desk.sign_in("quantri@example.vn", PASSWORD).await;
    desk.open("/admin/programmes").await;
    desk.click_and_wait_for_next_page("a.title[href^='/admin/programmes/']")
        .await;
    let facts = desk.text(".schedule-facts").await;
    assert!(facts.contains("ngày sau khi hết kỳ"), "{facts}");
    assert!(!facts.contains("0 = không"), "{facts}");
    assert!(!facts.contains("(ngày"), "{facts}");
    desk.screenshot("84-admin-schedule-facts").await;
    desk.close().await;
}

/// The demo's cases take days to answer and resolve, as real ones do: the
/// dashboard's medians are not all nought (issue 15).
async fn the_demo_dashboard_shows_times_of_days(db: TestDb) {
    let server = Server::start(&db, &["--demo"]).await;
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("lanhdao@demo.noicom.vn", "noicom-demo-2026")
        .await;
    desk.open("/dashboard").await;
    let mut days = Vec::new();
    for row in desk
        .client
        .find_all(fantoccini::Locator::Css("#time-taken-table tbody td"))
        .await
        .expect("cells")
    {
        days.push(row.text().await.unwrap());
    }
    assert_eq!(days.len(), 4, "{days:?}");
    let numbers: Vec<f64> = days
        .iter()
        .filter_map(|d| d.replace(',', ".").parse().ok())
        .collect();
    assert!(
        numbers.len() == 4 && numbers.iter().all(|d| *d >= 1.0),
        "{days:?}"
    );
    assert!(!desk.has("#too-few").await, "no figure is hidden");
    desk.run("document.getElementById('time-taken').scrollIntoView()")
        .await;
    desk.screenshot("85-demo-dashboard-times").await;
    desk.close().await;
}
