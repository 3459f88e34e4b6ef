//! Need-to-know on the pages (SPEC §10): the reporter's case page on a
//! phone after the conclusion and the published result shows their
//! report, the board's question, their supplement, the shared comment,
//! where the case stands in their terms and the result — none of the
//! internal file — while the board's page of the same case shows it all.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::worked_case::{INTERNAL, THEIRS, worked_case};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(the_reporter_s_phone_page_shows_only_their_audience);

async fn the_reporter_s_phone_page_shows_only_their_audience(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let worked = worked_case(&server, &town).await;
    let code = worked.case["code"].as_str().unwrap().to_owned();
    let shots = matches!(db.backend, Backend::Sqlite);

    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("ctv.bd@example.vn", PASSWORD).await;
    phone.open(&format!("/cases/{code}")).await;
    let page = phone.text("body").await;
    for internal in INTERNAL {
        assert!(
            !page.contains(internal),
            "the reporter reads «{internal}»:\n{page}"
        );
    }
    for theirs in &THEIRS[..4] {
        assert!(
            page.contains(theirs),
            "the reporter misses «{theirs}»:\n{page}"
        );
    }
    assert!(page.contains("Đã có kết quả"), "{page}");
    assert!(!page.contains("Trình Thường trực"), "{page}");
    phone.screenshot("40-reporter-case-after-conclusion").await;
    phone
        .client
        .execute(
            "document.getElementById('timeline-h').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the timeline");
    phone.screenshot("41-reporter-case-timeline").await;
    phone.close().await;

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open(&format!("/cases/{code}")).await;
    let page = desk.text("body").await;
    for internal in &INTERNAL[..9] {
        assert!(page.contains(internal), "the board misses «{internal}»");
    }
    desk.client
        .execute(
            "document.getElementById('timeline-h').scrollIntoView()",
            vec![],
        )
        .await
        .expect("scroll to the timeline");
    desk.screenshot("42-board-case-timeline").await;
    desk.close().await;
}
