//! The board's triage marks (issue 16 pages): the queue shows which open
//! reports risk becoming a hotspot, and a merge, which ends a case, asks
//! for a tick before it is sent.

use serde_json::{Value, json};

use crate::support::browser::Browser;
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(the_queue_marks_hotspots_and_a_merge_asks_first);

fn code(case: &Value) -> String {
    case["code"].as_str().unwrap().to_owned()
}

/// The state of `case` as the board reads it now.
async fn state(officer: &Client, case: &Value) -> String {
    let read = officer
        .get(&format!("/cases/{}", case["id"]))
        .await
        .expect(200);
    read["state"].as_str().unwrap().to_owned()
}

async fn the_queue_marks_hotspots_and_a_merge_asks_first(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);

    let hot = reporter
        .post(
            "/cases",
            &json!({
                "title": "Bãi rác tự phát thôn Đông bốc mùi",
                "description": "Người dân tụ tập phản đối, có nguy cơ kéo đông.",
                "area": "HN-BD",
                "category": "land",
                "source": "collaborator",
                "hotspot_risk": "high",
            }),
        )
        .await
        .expect(201);
    let same = reporter
        .files_case("HN-BD", "Bãi rác tự phát thôn Đông")
        .await;

    let mut desk = Browser::start(&server, (1366, 900), "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("canbo@example.vn", PASSWORD).await;

    // The queue marks the high risk in words, and only that case.
    desk.open("/triage").await;
    let mark = format!("li[data-code='{}'] .badge.hotspot.high", code(&hot));
    assert_eq!(desk.text(&mark).await, "Nguy cơ thành điểm nóng: Cao");
    assert!(
        !desk
            .has(&format!("li[data-code='{}'] .badge.hotspot", code(&same)))
            .await
    );
    desk.screenshot("74-triage-hotspot-marked").await;

    // Merging the second report into the first asks for the tick first.
    desk.open(&format!("/cases/{}", code(&same))).await;
    let button = format!("#merge-{}", code(&hot));
    desk.click(&button).await;
    assert_eq!(desk.path().await, format!("/cases/{}", code(&same)));
    assert_eq!(
        state(&officer, &same).await,
        "reported",
        "merged without the tick"
    );
    let tick = format!("#merge-confirm-{}", code(&hot));
    let confirm = desk.text(&format!("label:has({tick})")).await;
    assert!(
        confirm.contains(&format!("vào vụ việc {}", code(&hot))),
        "{confirm}"
    );
    desk.screenshot("75-merge-asks-for-a-tick").await;
    desk.click(&tick).await;
    desk.click_and_wait_for_next_page(&button).await;
    assert_eq!(state(&officer, &same).await, "merged");
}
