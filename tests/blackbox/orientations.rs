//! Orientation notices (SPEC §12) over HTTP to a real SMTP server: an
//! orientation to two media units arrives at each with its own link; the
//! link's page works without signing in, acknowledges on its button only
//! and once (a second use says when and by whom); the board sees each
//! recipient's status, and a unit without any address reads `failed`.

use serde_json::json;

use crate::support::fixtures::unit;
use crate::support::pages::Visitor;
use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(an_orientation_reaches_two_media_units_and_is_acknowledged_once);

async fn an_orientation_reaches_two_media_units_and_is_acknowledged_once(db: TestDb) {
    let town = town(&db);
    for (code, name, email) in [
        ("BAO-HN", "Báo Hà Nội mới", Some("toasoan@bao.example.vn")),
        (
            "DAI-HN",
            "Đài Phát thanh và Truyền hình Hà Nội",
            Some("bientap@dai.example.vn"),
        ),
    ] {
        noicom(&db)
            .args([
                "unit", "add", "--code", code, "--name", name, "--kind", "media",
            ])
            .args(["--area", "HN"])
            .args(email.map_or_else(Vec::new, |e| vec!["--email", e]))
            .ok();
    }
    unit(
        &db,
        "DTT-BD",
        "Đài truyền thanh phường Ba Đình",
        "media",
        "HN-BD",
    );
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Sạt lở bờ kè sông Tô Lịch")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    // A state body is no recipient of directed communication.
    officer
        .acts(&case, "orient", json!({"messages": "x", "channels": ["press"], "audience": "y", "recipients": ["UBND-HN"]}))
        .await
        .error(422, "recipient_not_allowed");
    let messages = "Chính quyền đã khoanh vùng nguy hiểm và di dời các hộ dân.";
    officer
        .acts(
            &case,
            "orient",
            json!({"messages": messages, "channels": ["press", "grassroots_radio"], "audience": "Nhân dân phường Ba Đình", "recipients": ["BAO-HN", "DAI-HN", "DTT-BD"]}),
        )
        .await
        .expect(200);

    let smtp = SmtpSink::start(db.dir());
    let at = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    let summary = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", &server.at(""))
        .args(["remind", "--as-of", &at])
        .ok()
        .stdout;
    assert!(summary.contains("failed 0"), "{summary}");
    let received = smtp.received();
    let mut links = Vec::new();
    for to in ["toasoan@bao.example.vn", "bientap@dai.example.vn"] {
        let mail = received
            .iter()
            .find(|m| m.kind == "orientation_notice" && m.to.iter().any(|t| t == to))
            .unwrap_or_else(|| panic!("no notice to {to}: {received:#?}"));
        assert!(mail.subject.contains("1-CV/BTG-HN"), "{mail:?}");
        assert!(mail.text.contains(messages), "{mail:?}");
        let link = mail
            .text
            .split_whitespace()
            .find(|w| w.contains("/acknowledge/"))
            .unwrap_or_else(|| panic!("no link: {mail:?}"))
            .to_owned();
        links.push(link);
    }
    assert_ne!(links[0], links[1]);

    // The link's page, without signing in: opening it acknowledges nothing.
    let path = |link: &str| link[link.find("/acknowledge/").unwrap()..].to_owned();
    let mut stranger = Visitor::new(&server, None);
    let page = stranger.get(&path(&links[0])).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("1-CV/BTG-HN"), "{}", page.body);
    assert!(page.body.contains("Báo Hà Nội mới"), "{}", page.body);
    assert!(page.body.contains("acknowledge-submit"), "{}", page.body);
    let list = officer
        .get(&format!("/cases/{code}/orientations"))
        .await
        .expect(200);
    let status = |list: &serde_json::Value, unit: &str| {
        list[0]["recipients"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["unit"] == unit)
            .unwrap()
            .clone()
    };
    assert_eq!(status(&list, "BAO-HN")["status"], "sent");
    assert_eq!(status(&list, "DTT-BD")["status"], "failed");
    assert_eq!(status(&list, "DTT-BD")["failure"], "no_address");
    // The button acknowledges, once.
    let done = stranger.post_form(&path(&links[0]), &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("Đã xác nhận lúc"), "{}", done.body);
    let again = Visitor::new(&server, None)
        .post_form(&path(&links[0]), &[])
        .await;
    assert!(
        again.body.contains("đã được xác nhận lúc"),
        "{}",
        again.body
    );
    assert!(
        again.body.contains("toasoan@bao.example.vn"),
        "{}",
        again.body
    );
    let list = officer
        .get(&format!("/cases/{code}/orientations"))
        .await
        .expect(200);
    let paper = status(&list, "BAO-HN");
    assert_eq!(paper["status"], "acknowledged");
    assert_eq!(paper["acknowledged_by"], "toasoan@bao.example.vn");
    // Times in the calendar's zone with the offset, as everywhere in the API.
    for at in [&paper["acknowledged_at"], &list[0]["issued_at"]] {
        assert!(at.as_str().unwrap().ends_with("+07:00"), "{at}");
    }
    assert_eq!(status(&list, "DAI-HN")["status"], "sent");
    // The reporter does not read the notices (§10).
    Client::bearer(&server, &town.reporter)
        .get(&format!("/cases/{code}/orientations"))
        .await
        .error(404, "not_found");
    // An unknown link says so, in words.
    let unknown = Visitor::new(&server, None)
        .get("/acknowledge/nc_nothing")
        .await;
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("không hợp lệ"), "{}", unknown.body);
}
