//! Hotspot early warning (SPEC §16) through the binary: a burst of reports
//! in one ward raises exactly one alert for that week at the next `noicom
//! remind`, e-mailed at once to the board officer and the leader at a real
//! SMTP server; the next sweep raises and sends nothing more; the alert is
//! read only within jurisdiction and acknowledged once, with a note, by
//! the board officer over the API.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(a_burst_in_one_ward_raises_one_alert_mailed_once_and_acknowledged);

/// `noicom remind --as-of T` into `smtp`; its summary line.
pub(crate) fn remind(db: &TestDb, smtp: &SmtpSink, at: &str) -> String {
    noicom(db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", at])
        .ok()
        .stdout
        .trim()
        .to_owned()
}

/// Nine land reports from Ba Đình this week, where nothing was reported
/// in the eight weeks before: P(X ≥ 9 | λ = 2) ≈ 0.02 %.
pub(crate) async fn burst(server: &Server, reporter: &str) {
    let reporter = Client::bearer(server, reporter);
    for i in 1..=9 {
        reporter
            .files_case("HN-BD", &format!("Dân phản đối thu hồi đất dự án khu {i}"))
            .await;
    }
}

async fn a_burst_in_one_ward_raises_one_alert_mailed_once_and_acknowledged(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    // One report elsewhere is no alert.
    Client::bearer(&server, &town.other_reporter)
        .files_case("HN-HK", "Lấn chiếm vỉa hè")
        .await;
    burst(&server, &town.reporter).await;
    let officer = Client::bearer(&server, &town.officer);
    assert_eq!(officer.get("/alerts").await.expect(200), json!([]));

    let smtp = SmtpSink::start(db.dir());
    let now = Utc::now() + Duration::minutes(1);
    let first = remind(&db, &smtp, &now.to_rfc3339());
    assert!(first.ends_with("alerts 1"), "{first}");
    assert!(first.contains("failed 0"), "{first}");
    let second = remind(&db, &smtp, &(now + Duration::minutes(30)).to_rfc3339());
    assert!(second.ends_with("alerts 0"), "{second}");

    let alerts: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.kind == "hotspot_alert")
        .collect();
    let mut to: Vec<&str> = alerts
        .iter()
        .flat_map(|m| m.to.iter().map(String::as_str))
        .collect();
    to.sort_unstable();
    assert_eq!(
        to,
        ["canbo@example.vn", "lanhdao@example.vn"],
        "{alerts:#?}"
    );
    let mail = &alerts[0];
    eprintln!("{}\n{}", mail.subject, mail.text);
    assert_eq!(
        mail.subject,
        "[noicom] Cảnh báo nguy cơ điểm nóng: Đất đai, giải phóng mặt bằng tại Phường Ba Đình"
    );
    assert!(
        mail.text.contains(
            "Mức phản ánh trong tuần là 9, trong khi 8 tuần trước đó không có phản ánh nào."
        ),
        "{}",
        mail.text
    );
    assert!(
        mail.text.contains("https://noicom.example.vn/watch-list"),
        "{}",
        mail.text
    );
    // The week, Monday to Sunday, as dd/mm/yyyy.
    let monday = workflow::week_start(now, chrono_tz::Asia::Ho_Chi_Minh);
    let week = format!(
        "Tuần từ {} đến {}",
        monday.format("%d/%m/%Y"),
        (monday + Duration::days(6)).format("%d/%m/%Y")
    );
    assert!(mail.text.contains(&week), "{}", mail.text);

    // Read within jurisdiction only.
    let listed = officer.get("/alerts").await.expect(200);
    let list = listed.as_array().unwrap();
    assert_eq!(list.len(), 1, "{listed}");
    let alert = &list[0];
    assert_eq!(alert["area"], "HN-BD");
    assert_eq!(alert["category"], "land");
    assert_eq!(alert["reason"], "unusual_rise");
    assert_eq!(alert["observed"], 9.0);
    assert_eq!(alert["week_start"], monday.to_string());
    assert_eq!(alert["acknowledged"], false);
    let id = alert["id"].as_i64().unwrap();
    assert_eq!(
        Client::bearer(&server, &town.reporter)
            .get("/alerts")
            .await
            .expect(200),
        json!([])
    );
    assert_eq!(
        Client::bearer(&server, &town.liaison)
            .get("/alerts")
            .await
            .expect(200),
        json!([])
    );
    let leader = Client::bearer(&server, &town.leader);
    assert_eq!(
        leader
            .get("/alerts?area=HN-BD")
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        leader.get("/alerts?area=HN-HK").await.expect(200),
        json!([])
    );
    leader
        .get("/alerts?area=XX")
        .await
        .error(422, "unknown_code");

    // Acknowledged once, by the board, with a note.
    let path = format!("/alerts/{id}/acknowledge");
    Client::bearer(&server, &town.reporter)
        .post(&path, &json!({"note": "đã biết"}))
        .await
        .error(404, "not_found");
    leader
        .post(&path, &json!({"note": "đã biết"}))
        .await
        .error(403, "alert_not_allowed");
    officer
        .post(&path, &json!({"note": "  "}))
        .await
        .error(422, "missing_input");
    officer.post(&path, &json!({})).await.expect(422);
    let note = "Đã nắm tình hình; giao UBND phường đối thoại với các hộ dân.";
    let done = officer
        .post(&path, &json!({ "note": note }))
        .await
        .expect(200);
    assert_eq!(done["acknowledged"], true);
    assert_eq!(done["acknowledged_by"], "canbo@example.vn");
    assert_eq!(done["note"], note);
    let again = officer
        .post(&path, &json!({"note": "lần hai"}))
        .await
        .error(409, "alert_acknowledged");
    let message = again["error"]["message"].as_str().unwrap();
    assert!(message.contains("canbo@example.vn"), "{message}");
    assert_eq!(
        officer.get("/alerts?acknowledged=false").await.expect(200),
        json!([])
    );
    // A third sweep in the week still raises nothing.
    let third = remind(&db, &smtp, &(now + Duration::hours(2)).to_rfc3339());
    assert!(third.ends_with("alerts 0"), "{third}");
}
