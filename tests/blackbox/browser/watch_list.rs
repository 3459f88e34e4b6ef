//! The board sees a ward's burst of reports on its desk and on the hotspot
//! watch-list (SPEC §16): the triage desk says there is an open alert and
//! leads to the watch-list, which shows the alert with the week's signal
//! against the usual one and its chart with its table; the officer
//! acknowledges it there with a note, a blank note refused first.

use chrono::{Duration, Utc};

use crate::alerts::{burst, remind};
use crate::support::browser::{Browser, DESK};
use crate::support::smtp::SmtpSink;
use crate::support::town::{PASSWORD, town};
use crate::support::{Backend, Server, TestDb, on_both_backends};

on_both_backends!(the_board_follows_and_acknowledges_an_alert_on_the_watch_list);

async fn the_board_follows_and_acknowledges_an_alert_on_the_watch_list(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    burst(&server, &town.reporter).await;
    let smtp = SmtpSink::start(db.dir());
    let summary = remind(
        &db,
        &smtp,
        &(Utc::now() + Duration::minutes(1)).to_rfc3339(),
    );
    assert!(summary.ends_with("alerts 1"), "{summary}");

    let mut desk = Browser::start(&server, DESK, "vi-VN,vi").await;
    desk.shots = matches!(db.backend, Backend::Sqlite);
    desk.sign_in("canbo@example.vn", PASSWORD).await;
    desk.open("/triage").await;
    let badge = desk.text("#alerts-badge").await;
    assert_eq!(badge, "Cảnh báo: 1 chưa xác nhận");
    desk.screenshot("76-board-desk-alert-badge").await;
    desk.click_and_wait_for_next_page("#alerts-badge a").await;
    assert_eq!(desk.path().await, "/watch-list");
    assert_eq!(desk.text("h1").await, "Theo dõi nguy cơ điểm nóng");
    let card = desk.text("article[data-alert]").await;
    assert!(
        card.contains("Đất đai, giải phóng mặt bằng — Phường Ba Đình"),
        "{card}"
    );
    assert!(
        card.contains("Tăng bất thường so với 8 tuần trước"),
        "{card}"
    );
    // The chart's table: twelve weeks, this one at 9.
    let table = desk.text("#signal-0-table").await;
    assert!(table.contains("Mức phản ánh"), "{table}");
    let rows = desk
        .run("return document.querySelectorAll('#signal-0-table tbody tr').length;")
        .await;
    assert_eq!(rows, 12);
    let last = desk
        .run("const r = document.querySelectorAll('#signal-0-table tbody tr'); return r[r.length - 1].textContent;")
        .await;
    assert!(last.as_str().unwrap().ends_with('9'), "{last}");
    desk.screenshot("59-watch-list-open-alert").await;

    // A blank note is refused in words, beside the field.
    let form = desk
        .run("return document.querySelector('form[id^=form-ack-]').id;")
        .await;
    let id = form
        .as_str()
        .unwrap()
        .trim_start_matches("form-ack-")
        .to_owned();
    desk.run(&format!(
        "const n = document.getElementById('note-{id}'); n.required = false; n.value = '   '; return true;"
    ))
    .await;
    desk.click_and_wait_for_next_page(&format!("#submit-ack-{id}"))
        .await;
    let error = desk.text(&format!("#note-{id}-error")).await;
    assert!(error.contains("Ghi chú xác nhận"), "{error}");
    desk.fill(
        &format!("#note-{id}"),
        "Đã nắm tình hình; giao UBND phường đối thoại với các hộ dân.",
    )
    .await;
    desk.click_and_wait_for_next_page(&format!("#submit-ack-{id}"))
        .await;
    assert!(desk.has("#done").await);
    assert!(desk.has("#no-open").await);
    let done = desk.text("#done-alerts").await;
    assert!(done.contains("canbo@example.vn đã xác nhận lúc"), "{done}");
    assert!(done.contains("giao UBND phường đối thoại"), "{done}");
    desk.run("document.getElementById('done-heading').scrollIntoView(); return true;")
        .await;
    desk.screenshot("77-watch-list-acknowledged").await;
    // The desk no longer says there is an open alert.
    desk.open("/triage").await;
    assert!(!desk.has("#alerts-badge").await);
    desk.close().await;
}
