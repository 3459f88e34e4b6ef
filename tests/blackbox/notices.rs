//! The event notices of §5 over HTTP to a real SMTP server: each notice
//! arrives with its own template — its own subject with the case code,
//! its own words, the link from `NOICOM_BASE_URL` — in the recipient's
//! language.

use serde_json::json;

use crate::support::smtp::{Received, SmtpSink};
use crate::support::town::{PASSWORD, town};
use crate::support::{Client, Server, TestDb, noicom, on_both_backends};

on_both_backends!(each_event_notice_arrives_with_its_own_subject);

const REPORTER: &str = "ctv.bd@example.vn";
const LIAISON: &str = "ubnd@example.vn";
const OFFICER: &str = "canbo@example.vn";
const LEADER: &str = "lanhdao@example.vn";
/// A second leader who reads English.
const LEADER_EN: &str = "leader.en@example.vn";

/// The one message of `kind` to `who`.
fn one(received: &[Received], who: &str, kind: &str) -> Received {
    let found: Vec<&Received> = received
        .iter()
        .filter(|m| m.kind == kind && m.to.iter().any(|t| t == who))
        .collect();
    assert_eq!(found.len(), 1, "{kind} to {who}: {received:#?}");
    found[0].clone()
}

async fn each_event_notice_arrives_with_its_own_subject(db: TestDb) {
    let town = town(&db);
    noicom(&db)
        .args(["user", "add", "--email", LEADER_EN, "--name", "Leader"])
        .args(["--role", "leader", "--unit", "TU-HN", "--lang", "en"])
        .args(["--password-stdin"])
        .stdin(&format!("{PASSWORD}\n"))
        .ok();
    let server = Server::start(&db, &[]).await;
    let officer = Client::bearer(&server, &town.officer);
    let case = Client::bearer(&server, &town.reporter)
        .files_case("HN-BD", "Bãi rác tự phát gây ô nhiễm")
        .await;
    let code = case["code"].as_str().unwrap().to_owned();
    let question = "Đề nghị gửi ảnh hiện trường và số hộ bị ảnh hưởng.";
    let case = officer
        .acts(&case, "request_info", json!({"question": question}))
        .await
        .expect(200);
    let case = Client::bearer(&server, &town.reporter)
        .acts(&case, "supplement", json!({"text": "Khoảng 40 hộ dân."}))
        .await
        .expect(200);
    let case = officer
        .acts(
            &case,
            "accept",
            json!({"sensitivity": "normal", "priority": "high", "lead_unit": "UBND-HN"}),
        )
        .await
        .expect(200);
    let case = Client::bearer(&server, &town.liaison)
        .acts(
            &case,
            "respond",
            json!({"answer": "UBND đã chỉ đạo thu dọn."}),
        )
        .await
        .expect(200);
    let opinions = "UBND: đã xử lý xong; người dân: rác vẫn còn.";
    let other = "Rác vẫn còn ở bãi ven đê.";
    let case = officer
        .acts(
            &case,
            "escalate",
            json!({"opinions": [{"unit": "UBND-HN", "opinion": opinions}, {"unit": "VKSND-HN", "opinion": other}]}),
        )
        .await
        .expect(200);
    let conclusion = "Giao UBND tổ chức thu dọn dứt điểm trong 10 ngày.";
    // The conclusion carries its signed document (§11).
    let leader = Client::bearer(&server, &town.leader);
    let signed = leader
        .upload(
            &format!("/cases/{}/attachments", case["id"]),
            "Kết luận số 12-KL.pdf",
            &crate::support::files::pdf(3_000),
        )
        .await
        .expect(201);
    leader
        .acts(
            &case,
            "conclude",
            json!({"conclusion": conclusion, "documents": [signed["id"]]}),
        )
        .await
        .expect(200);
    // The reporter is told when a report is dismissed or merged (§11).
    let reporter = Client::bearer(&server, &town.reporter);
    let dismissed = reporter
        .files_case("HN-BD", "Tin đồn chưa kiểm chứng")
        .await;
    let dismissed_code = dismissed["code"].as_str().unwrap().to_owned();
    let reason = "Chưa đủ căn cứ để xem là vấn đề nổi cộm.";
    officer
        .acts(&dismissed, "dismiss", json!({"reason": reason}))
        .await
        .expect(200);
    let twin = reporter.files_case("HN-BD", "Bãi rác tự phát ven đê").await;
    let twin_code = twin["code"].as_str().unwrap().to_owned();
    officer
        .acts(&twin, "merge", json!({"target": code}))
        .await
        .expect(200);

    // One sweep a minute from now delivers what the actions enqueued.
    let smtp = SmtpSink::start(db.dir());
    let at = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    let summary = noicom(&db)
        .env("NOICOM_SMTP_URL", &smtp.url())
        .env("NOICOM_BASE_URL", "https://noicom.example.vn")
        .args(["remind", "--as-of", &at])
        .ok()
        .stdout;
    assert!(summary.contains("failed 0"), "{summary}");

    let received = smtp.received();
    let link = format!("https://noicom.example.vn/cases/{code}");
    let asked = one(&received, REPORTER, "info_requested");
    let assigned = one(&received, LIAISON, "case_assigned");
    let answered = one(&received, OFFICER, "answer_received");
    let escalated = one(&received, LEADER, "escalated");
    let escalated_en = one(&received, LEADER_EN, "escalated");
    for mail in [&asked, &assigned, &answered, &escalated, &escalated_en] {
        assert!(mail.subject.contains(&code), "{mail:?}");
        assert!(mail.text.contains(&link), "{mail:?}");
        assert!(mail.html.contains(&format!("href=\"{link}\"")), "{mail:?}");
    }
    assert!(asked.subject.contains("bổ sung thông tin"), "{asked:?}");
    assert!(asked.text.contains(question), "{asked:?}");
    assert!(assigned.subject.contains("chủ trì"), "{assigned:?}");
    assert!(
        assigned.text.contains("trả lời bằng văn bản trước"),
        "{assigned:?}"
    );
    assert!(answered.subject.contains("văn bản trả lời"), "{answered:?}");
    assert!(escalated.subject.contains("kết luận"), "{escalated:?}");
    assert!(escalated.text.contains(opinions), "{escalated:?}");
    assert!(escalated.text.contains(other), "{escalated:?}");
    assert!(
        escalated_en.subject.contains("escalated"),
        "{escalated_en:?}"
    );
    assert!(
        escalated_en.html.contains("lang=\"en\""),
        "{escalated_en:?}"
    );
    // The conclusion notice reaches the board and the lead (§11).
    for who in [OFFICER, LIAISON] {
        let concluded = one(&received, who, "concluded");
        assert!(concluded.subject.contains(&code), "{concluded:?}");
        assert!(concluded.text.contains(conclusion), "{concluded:?}");
        assert!(
            concluded.text.contains("- Kết luận số 12-KL.pdf"),
            "{concluded:?}"
        );
    }
    let told = one(&received, REPORTER, "report_dismissed");
    assert!(told.subject.contains(&dismissed_code), "{told:?}");
    let merged = one(&received, REPORTER, "report_merged");
    assert!(merged.subject.contains(&twin_code), "{merged:?}");
    assert!(merged.text.contains(&code), "{merged:?}");
    let mut subjects: Vec<&str> = [&asked, &assigned, &answered, &escalated]
        .iter()
        .map(|m| m.subject.as_str())
        .collect();
    subjects.sort_unstable();
    subjects.dedup();
    assert_eq!(subjects.len(), 4, "{subjects:#?}");
}
