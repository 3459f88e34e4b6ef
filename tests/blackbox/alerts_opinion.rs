//! The early warning fed by the public-opinion network (SPEC §16): quick
//! opinion reports sent over the API by a ward's collaborator, angry and
//! widespread about one thing, raise exactly one alert for that ward and
//! category at the next `noicom remind` — not for the city above it nor for
//! a calm report elsewhere — e-mailed to the board at the real SMTP sink,
//! not raised again by the next sweep, and acknowledged with a note.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::alerts::remind;
use crate::support::smtp::SmtpSink;
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, on_both_backends};

on_both_backends!(opinion_reports_in_one_ward_raise_one_alert);

/// A quick report of `area` with `items` of (category, mood, reach).
fn quick(area: &str, items: &[(&str, &str, &str)]) -> Value {
    let items: Vec<Value> = (items.iter())
        .map(|(category, mood, reach)| {
            json!({"category": category, "summary": "Người dân bàn tán về mùi hôi từ bãi rác",
                   "mood": mood, "reach": reach, "source": "direct"})
        })
        .collect();
    json!({"area": area, "quick": true, "items": items})
}

async fn opinion_reports_in_one_ward_raise_one_alert(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    town.give_profile(&server, "ctv.bd@example.vn", &["HN-BD"])
        .await;
    town.give_profile(&server, "ctv.hk@example.vn", &["HN-HK"])
        .await;
    let bd = Client::bearer(&server, &town.reporter);
    // Three quick reports, two angry widespread opinions each: a weighted
    // signal of 3 × 2 × (2 × 4) = 48 where nothing was heard before.
    for _ in 0..3 {
        bd.post(
            "/opinion-reports",
            &quick(
                "HN-BD",
                &[
                    ("environment", "angry", "widespread"),
                    ("environment", "angry", "widespread"),
                ],
            ),
        )
        .await
        .expect(201);
    }
    // One calm opinion elsewhere is no alert.
    Client::bearer(&server, &town.other_reporter)
        .post(
            "/opinion-reports",
            &quick("HN-HK", &[("environment", "neutral", "few")]),
        )
        .await
        .expect(201);

    let smtp = SmtpSink::start(db.dir());
    let now = Utc::now() + Duration::minutes(1);
    let first = remind(&db, &smtp, &now.to_rfc3339());
    assert!(first.ends_with("alerts 1"), "{first}");
    let again = remind(&db, &smtp, &(now + Duration::minutes(30)).to_rfc3339());
    assert!(again.ends_with("alerts 0"), "{again}");

    let officer = Client::bearer(&server, &town.officer);
    let listed = officer.get("/alerts").await.expect(200);
    let list = listed.as_array().unwrap();
    assert_eq!(list.len(), 1, "{listed}");
    assert_eq!(list[0]["area"], "HN-BD");
    assert_eq!(list[0]["category"], "environment");
    assert_eq!(list[0]["reason"], "unusual_rise");
    assert_eq!(list[0]["observed"], 48.0);
    let mails: Vec<_> = (smtp.received().into_iter())
        .filter(|m| m.kind == "hotspot_alert" && m.to.iter().any(|t| t == "canbo@example.vn"))
        .collect();
    assert_eq!(mails.len(), 1, "{mails:#?}");
    assert!(
        mails[0].subject.contains("Môi trường tại Phường Ba Đình"),
        "{}",
        mails[0].subject
    );

    let id = list[0]["id"].as_i64().unwrap();
    officer
        .post(
            &format!("/alerts/{id}/acknowledge"),
            &json!({"note": "Đã giao UBND phường kiểm tra bãi rác."}),
        )
        .await
        .expect(200);
    let listed = officer.get("/alerts").await.expect(200);
    assert_eq!(listed[0]["acknowledged"], true, "{listed}");
}
