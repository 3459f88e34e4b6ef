//! Need-to-know on the pages (SPEC §10): the reporter's case page on a
//! phone after the conclusion and the published result shows their
//! report, the board's question, their supplement, the shared comment,
//! where the case stands in their terms and the result — none of the
//! internal file — while the board's page of the same case shows it all,
//! and the board shares a comment with the reporter by ticking its box.

use crate::support::browser::{Browser, DESK, PHONE};
use crate::support::town::{PASSWORD, town};
use crate::support::worked_case::{INTERNAL, THEIRS, worked_case};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

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

    // The board shares a comment from the page by ticking its box; the
    // one left unticked stays internal.
    for (text, share) in [
        ("ghi-chú-trên-trang-nội-bộ", false),
        ("lời-nhắn-trên-trang-gửi-ctv", true),
    ] {
        desk.open(&format!("/cases/{code}")).await;
        desk.open_action("comment").await;
        desk.fill("#comment-text", text).await;
        if share {
            desk.click("#comment-share_with_reporter").await;
            desk.screenshot("43-board-comment-shared-with-reporter")
                .await;
        }
        desk.submit("comment").await;
    }
    let page = desk.text("#timeline").await;
    assert!(page.contains("Đã gửi cho người phản ánh"), "{page}");
    let reporter = Client::bearer(&server, &town.reporter);
    let events = reporter
        .get(&format!("/cases/{}/events", worked.case["id"]))
        .await
        .expect(200)
        .to_string();
    assert!(events.contains("lời-nhắn-trên-trang-gửi-ctv"), "{events}");
    assert!(!events.contains("ghi-chú-trên-trang-nội-bộ"), "{events}");
    desk.close().await;
}
