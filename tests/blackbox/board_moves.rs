//! The board's moves after triage (SPEC §11) over HTTP, on both backends,
//! with their e-mails at a real SMTP server: a reassigned case is answered
//! by its new lead and refused to the old one, each told by e-mail; a
//! forwarded report reaches the competent body, and its reporter learns
//! where it went without reading the board's internal notes.

use serde_json::json;

use crate::support::smtp::{Received, SmtpSink};
use crate::support::town::town;
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(a_reassigned_case_is_answered_by_its_new_lead_only);
on_both_backends!(a_forwarded_report_reaches_the_body_and_its_reporter_reads_no_internal_text);

const REPORTER: &str = "ctv.bd@example.vn";
const OLD_LEAD: &str = "ubnd@example.vn";
const NEW_LEAD: &str = "vks@example.vn";

/// Delivers what the actions enqueued and returns what arrived.
fn deliver(db: &TestDb) -> Vec<Received> {
    let smtp = SmtpSink::start(db.dir());
    let at = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    let summary = noicom(db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", &at])
        .ok()
        .stdout;
    assert!(summary.contains("failed 0"), "{summary}");
    smtp.received()
}

/// The one message of `kind` to `who`.
fn one(received: &[Received], who: &str, kind: &str) -> Received {
    let found: Vec<&Received> = received
        .iter()
        .filter(|m| m.kind == kind && m.to.iter().any(|t| t == who))
        .collect();
    assert_eq!(found.len(), 1, "{kind} to {who}: {received:#?}");
    found[0].clone()
}

async fn a_reassigned_case_is_answered_by_its_new_lead_only(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Bãi rác tự phát ven đê")
        .await;
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let reason = "Vụ việc có dấu hiệu vi phạm cần Viện kiểm sát chủ trì.";
    let same = officer
        .acts(
            &case,
            "reassign",
            json!({"lead_unit": "UBND-HN", "reason": reason}),
        )
        .await
        .error(422, "same_lead_unit");
    assert!(
        same["error"]["message"]
            .as_str()
            .unwrap()
            .contains("đang là cơ quan chủ trì"),
        "{same}"
    );
    let case = officer
        .acts(
            &case,
            "reassign",
            json!({"lead_unit": "VKSND-HN", "reason": reason}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "assigned", "{case}");
    assert_eq!(case["lead_unit"], "VKSND-HN", "{case}");
    let refused = Client::bearer(&server, &town.liaison)
        .acts(&case, "respond", json!({"answer": "UBND đã xử lý."}))
        .await
        .error(403, "not_lead_unit");
    assert!(refused["error"]["message"].is_string(), "{refused}");
    let case = Client::bearer(&server, &town.procuracy)
        .acts(
            &case,
            "respond",
            json!({"answer": "VKSND đã kiểm sát việc xử lý."}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "responded", "{case}");

    let received = deliver(&db);
    let code = case["code"].as_str().unwrap();
    let released = one(&received, OLD_LEAD, "lead_released");
    let taken = one(&received, NEW_LEAD, "lead_reassigned");
    for mail in [&released, &taken] {
        assert!(mail.subject.contains(code), "{mail:?}");
        assert!(mail.text.contains(reason), "{mail:?}");
    }
    assert!(
        released.text.contains("không còn là cơ quan chủ trì"),
        "{released:?}"
    );
    assert!(taken.subject.contains("giao lại chủ trì"), "{taken:?}");
}

async fn a_forwarded_report_reaches_the_body_and_its_reporter_reads_no_internal_text(db: TestDb) {
    let town = town(&db);
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Tranh chấp lối đi chung giữa hai hộ")
        .await;
    let internal = "ghi-chú-nội-bộ-của-Ban";
    let case = officer
        .acts(
            &case,
            "reassess",
            json!({"hotspot_risk": "low", "reason": internal}),
        )
        .await
        .expect(200);
    let nothing = officer
        .acts(&case, "reassess", json!({"reason": "Không đổi gì."}))
        .await
        .error(422, "nothing_reassessed");
    assert_eq!(nothing["error"]["field"], "priority", "{nothing}");
    let reason = "Tranh chấp dân sự, thuộc thẩm quyền giải quyết của Viện kiểm sát.";
    let case = officer
        .acts(
            &case,
            "forward",
            json!({"to_unit": "VKSND-HN", "reason": reason}),
        )
        .await
        .expect(200);
    assert_eq!(case["state"], "dismissed", "{case}");

    let received = deliver(&db);
    let code = case["code"].as_str().unwrap();
    let told = one(&received, REPORTER, "report_forwarded");
    let body = one(&received, NEW_LEAD, "forwarded");
    assert!(told.subject.contains(code), "{told:?}");
    assert!(
        told.text.contains("Viện kiểm sát nhân dân thành phố"),
        "{told:?}"
    );
    assert!(told.text.contains(reason), "{told:?}");
    for part in [&told.text, &told.html, &told.subject] {
        assert!(!part.contains(internal), "{told:?}");
    }
    assert!(
        received
            .iter()
            .filter(|m| m.to.iter().any(|t| t == REPORTER))
            .all(|m| !m.text.contains(internal) && !m.html.contains(internal)),
        "{received:#?}"
    );
    assert!(
        body.text.contains("người dân phản ánh nhiều lần"),
        "{body:?}"
    );
    assert!(body.text.contains(reason), "{body:?}");
}
