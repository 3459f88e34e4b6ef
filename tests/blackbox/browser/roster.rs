//! The roster pages in a real browser (SPEC §16): a board officer finds
//! the roster in the menu, adds a collaborator, is refused in Vietnamese
//! beside the field for a user who is not a reporter, and edits the
//! profile; the API reads what the pages wrote. Screenshots 44–46.

use crate::support::browser::{Browser, DESK};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(a_board_officer_adds_and_edits_a_collaborator_on_the_pages);

async fn a_board_officer_adds_and_edits_a_collaborator_on_the_pages(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let api = Client::bearer(&server, &town.officer);
    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.click_and_wait_for_next_page("nav.menu a[href='/collaborators']")
        .await;
    assert_eq!(
        desk.text("h1").await,
        "Mạng lưới cộng tác viên dư luận xã hội"
    );
    assert!(desk.has("#roster-empty").await);

    // Added: the ward's reporter, covering Ba Đình.
    desk.click("#roster-new-box summary").await;
    desk.fill("#roster-new-user", "ctv.bd@example.vn").await;
    desk.choose("#roster-new-kind", "collaborator").await;
    desk.click("#roster-new-areas input[value='HN-BD']").await;
    desk.fill("#roster-new-from", "01/01/2026").await;
    desk.click_and_wait_for_next_page("#roster-new-submit")
        .await;
    assert!(
        desk.text("#done-message")
            .await
            .contains("ctv.bd@example.vn")
    );
    let row = desk
        .text("#roster-list tr[data-email='ctv.bd@example.vn']")
        .await;
    for words in [
        "Cộng tác viên dư luận xã hội",
        "Phường Ba Đình",
        "01/01/2026 – không thời hạn",
        "Có",
    ] {
        assert!(row.contains(words), "{words}: {row}");
    }
    desk.screenshot("44-roster-list").await;

    // A leader cannot be a collaborator: said beside the field, kept.
    desk.click("#roster-new-box summary").await;
    desk.fill("#roster-new-user", "lanhdao@example.vn").await;
    desk.click("#roster-new-areas input[value='HN-HK']").await;
    desk.fill("#roster-new-from", "01/01/2026").await;
    desk.click_and_wait_for_next_page("#roster-new-submit")
        .await;
    let error = desk.text("#roster-new-user-error").await;
    assert!(
        error.contains("lanhdao@example.vn") && error.contains("“Lãnh đạo"),
        "{error}"
    );
    desk.run("document.getElementById('roster-new-user').scrollIntoView({block: 'center'})")
        .await;
    desk.screenshot("45-roster-not-a-reporter").await;
    assert_eq!(
        api.get("/collaborators")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        1,
        "the refusal wrote nothing"
    );

    // Edited: a propagandist of both wards until the end of 2027, resting.
    desk.open("/collaborators").await;
    desk.click_and_wait_for_next_page("#roster-list a").await;
    desk.choose("#roster-edit-kind", "propagandist").await;
    desk.click("#roster-edit-areas input[value='HN-HK']").await;
    desk.fill("#roster-edit-until", "31/12/2025").await;
    desk.click_and_wait_for_next_page("#roster-edit-submit")
        .await;
    let error = desk.text("#roster-edit-until-error").await;
    assert_eq!(error, "“Đến ngày” không được trước “Từ ngày”.");
    desk.run("document.getElementById('roster-edit-until').scrollIntoView({block: 'center'})")
        .await;
    desk.screenshot("46-roster-edit-refused").await;
    desk.fill("#roster-edit-until", "31/12/2027").await;
    desk.click("#roster-edit-active").await;
    desk.click_and_wait_for_next_page("#roster-edit-submit")
        .await;
    let row = desk
        .text("#roster-list tr[data-email='ctv.bd@example.vn']")
        .await;
    assert!(row.contains("Báo cáo viên"), "{row}");
    assert!(row.contains("01/01/2026 – 31/12/2027"), "{row}");
    let listed = api.get("/collaborators?active=false").await.expect(200);
    let profile = &listed.as_array().unwrap()[0];
    assert_eq!(profile["kind"], "propagandist");
    assert_eq!(profile["areas"], serde_json::json!(["HN-BD", "HN-HK"]));
    assert_eq!(profile["until"], "2027-12-31");
    desk.close().await;
}
