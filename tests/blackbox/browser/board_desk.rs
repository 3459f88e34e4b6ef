//! The board officer at a desk of 1366 × 900 (issue 15): state badges of
//! one colour per state group, the text naming the state; the case list as
//! a dense table, remembered through the links and scrolled sideways on a
//! phone; photos shown as thumbnails, whole on click, a file that is no
//! readable photo with its plain download link only; and the coordinating
//! units offered at acceptance, without the board or the party committee.

use serde_json::{Value, json};

use crate::support::browser::{Browser, PHONE};
use crate::support::files::{jpeg, png};
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Client, Server, TestDb, on_both_backends};

on_both_backends!(the_board_reads_its_desk_at_a_glance);

/// The desk of the issue.
const WIDE_DESK: (u32, u32) = (1366, 900);

fn code(case: &Value) -> String {
    case["code"].as_str().unwrap().to_owned()
}

async fn the_board_reads_its_desk_at_a_glance(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let reporter = Client::bearer(&server, &town.reporter);
    let officer = Client::bearer(&server, &town.officer);
    let shots = matches!(db.backend, Backend::Sqlite);

    let waiting = reporter.files_case("HN-BD", "Sạt lở bờ kè tổ 5").await;
    let attachments = format!("/cases/{}/attachments", waiting["id"]);
    let photo = reporter
        .upload(&attachments, "bo-ke-sat-lo.jpg", &jpeg(1200, 800))
        .await
        .expect(201);
    let broken = reporter
        .upload(&attachments, "anh-hong.png", &png(5_000))
        .await
        .expect(201);
    let assigned = reporter.files_case("HN-BD", "Lấn chiếm vỉa hè").await;
    officer
        .acts(
            &assigned,
            "accept",
            json!({"sensitivity": "normal", "priority": "urgent", "lead_unit": "UBND-HN",
                   "coordinating_units": ["VKSND-HN"]}),
        )
        .await
        .expect(200);
    let dismissed = reporter.files_case("HN-BD", "Tin đồn thất thiệt").await;
    officer
        .acts(
            &dismissed,
            "dismiss",
            json!({"reason": "Không phải vấn đề nổi cộm."}),
        )
        .await
        .expect(200);

    let mut desk = Browser::start(&server, WIDE_DESK, "vi-VN,vi").await;
    desk.shots = shots;
    desk.sign_in("canbo@example.vn", PASSWORD).await;

    // 1. One colour per state group; the words say which state.
    desk.open("/cases").await;
    let badge = |case: &Value| {
        format!(
            "(() => {{ const b = document.querySelector(\"li[data-code='{}'] .badge.state\");
               const s = getComputedStyle(b);
               return [b.className, b.textContent, s.backgroundColor, s.color]; }})()",
            code(case)
        )
    };
    let mut seen = Vec::new();
    for (case, class, text) in [
        (&waiting, "st-board", "Mới tiếp nhận"),
        (&assigned, "st-agency", "Đã giao cơ quan chủ trì"),
        (&dismissed, "st-set-aside", ""),
    ] {
        let found = desk.run(&format!("return {};", badge(case))).await;
        assert!(found[0].as_str().unwrap().contains(class), "{found}");
        assert!(found[1].as_str().unwrap().contains(text), "{found}");
        seen.push(found[2].as_str().unwrap().to_owned());
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "three groups, three colours: {seen:?}");
    desk.screenshot("90-board-state-colours").await;

    // 3. The table view, kept through the filters.
    desk.click_and_wait_for_next_page("#view-table").await;
    assert!(desk.path().await.contains("view=table"));
    let heads = desk.text("#case-table thead").await;
    for head in [
        "Mã",
        "Tiêu đề",
        "Địa bàn",
        "Trạng thái",
        "Mức độ ưu tiên",
        "Cơ quan chủ trì",
        "Thời hạn",
    ] {
        assert!(heads.contains(head), "{heads}");
    }
    let row = desk
        .text(&format!("#case-table tr[data-code='{}']", code(&assigned)))
        .await;
    assert!(row.contains("Khẩn"), "{row}");
    assert!(row.contains("UBND thành phố Hà Nội"), "{row}");
    assert!(!desk.has("#case-list").await, "no cards in the table view");
    desk.screenshot("91-board-case-table").await;
    desk.click("#filters-summary, details.card summary").await;
    desk.choose("#f-area", "HN-BD").await;
    desk.click_and_wait_for_next_page("#apply-filters").await;
    let path = desk.path().await;
    assert!(
        path.contains("view=table") && path.contains("area=HN-BD"),
        "{path}"
    );
    assert!(desk.has("#case-table").await);
    desk.click_and_wait_for_next_page("#view-cards").await;
    assert!(!desk.path().await.contains("view=table"));
    assert!(desk.path().await.contains("area=HN-BD"));
    assert!(desk.has("#case-list").await);

    // 2. Thumbnails; the photo whole on click; the unreadable one a link.
    desk.open(&format!("/cases/{}", code(&waiting))).await;
    desk.find("#document-list img[data-thumb]").await;
    let loaded = desk
        .run(
            "return new Promise(done => { const wait = () => {
               const imgs = [...document.querySelectorAll('#document-list img[data-thumb]')];
               if (imgs.every(i => i.complete)) { done(imgs.map(i => [i.alt, i.naturalWidth])); }
               else { setTimeout(wait, 50); } }; wait(); });",
        )
        .await;
    let loaded = loaded.as_array().unwrap();
    assert_eq!(loaded.len(), 1, "only the readable photo: {loaded:?}");
    assert!(loaded[0][0].as_str().unwrap().contains("bo-ke-sat-lo.jpg"));
    assert_eq!(loaded[0][1], 320);
    let links = desk.text("#document-list").await;
    assert!(links.contains("anh-hong.png"), "{links}");
    let first = desk
        .find("#document-list a")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first, format!("/api/v1/attachments/{}", photo["id"]));
    desk.run("document.getElementById('documents').scrollIntoView();")
        .await;
    desk.screenshot("93-board-case-thumbnails").await;
    // On the next visit the server knows the broken one has none.
    desk.open(&format!("/cases/{}", code(&waiting))).await;
    assert!(
        !desk
            .has(&format!(
                "img[src='/api/v1/attachments/{}/thumbnail']",
                broken["id"]
            ))
            .await
    );
    desk.click_and_wait_for_next_page("#document-list a.thumb")
        .await;
    assert_eq!(desk.text("#photo-name").await, "bo-ke-sat-lo.jpg");
    let width = desk
        .run(
            "return new Promise(done => { const i = document.getElementById('photo-full');
               const wait = () => i.complete ? done(i.naturalWidth) : setTimeout(wait, 50); wait(); });",
        )
        .await;
    assert_eq!(width, 1200, "the photo whole");
    desk.screenshot("94-board-photo-full").await;

    // 4. The coordinating units: bodies serving the area, not the party.
    desk.open(&format!("/cases/{}", code(&waiting))).await;
    desk.open_action("accept").await;
    let offered = desk
        .run(
            "return [...document.querySelectorAll('#accept-coordinating_units input')].map(i => i.value);",
        )
        .await;
    let offered: Vec<&str> = offered
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(offered.contains(&"VKSND-HN"), "{offered:?}");
    assert!(offered.contains(&"UBND-HN"), "{offered:?}");
    for party in ["BTG-HN", "TU-HN"] {
        assert!(!offered.contains(&party), "{party} offered: {offered:?}");
    }
    desk.run("document.getElementById('accept-coordinating_units').scrollIntoView();")
        .await;
    desk.screenshot("95-board-accept-coordinating").await;
    desk.close().await;

    // The table on a phone scrolls sideways inside its frame, not the page.
    let mut phone = Browser::start(&server, PHONE, "vi-VN,vi").await;
    phone.shots = shots;
    phone.sign_in("canbo@example.vn", PASSWORD).await;
    phone.open("/cases?view=table").await;
    let sizes = phone
        .run(
            "const w = document.getElementById('case-table-wrap');
             return [w.scrollWidth > w.clientWidth, document.documentElement.scrollWidth <= window.innerWidth];",
        )
        .await;
    assert_eq!(sizes, json!([true, true]), "scrolls inside, page fits");
    phone.screenshot("92-board-case-table-phone").await;
    phone.close().await;
}
