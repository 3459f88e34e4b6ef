//! A case worked through the main path of SPEC §3.3 by every role, with
//! an input in each step that says whose it is (SPEC §10): the tests of
//! need-to-know walk it, then read it back as its reporter.

use serde_json::{Value, json};

use super::Server;
use super::api::Client;
use super::town::Town;

/// Texts only the internal audience may read, one per internal input.
pub const INTERNAL: &[&str] = &[
    "trả-lời-nội-bộ",
    "ý-kiến-nội-bộ",
    "định-hướng-nội-bộ",
    "đối-tượng-nội-bộ",
    "ý-kiến-khác-nhau-nội-bộ",
    "kết-luận-nội-bộ",
    "biên-bản-nội-bộ",
    "tiến-độ-nội-bộ",
    "kết-quả-nội-bộ",
    "ghi-chú-kết-thúc-nội-bộ",
    "cong-van-tra-loi.pdf",
    "bao-cao-ket-qua.pdf",
    "VKSND-HN",
    "Viện kiểm sát",
];

/// Texts of the reporter's audience, each of which they must read.
pub const THEIRS: &[&str] = &[
    "câu-hỏi-của-ban",
    "bổ-sung-của-ctv",
    "ý-kiến-gửi-ctv",
    "kết-quả-công-bố",
    "anh-hien-truong.png",
];

/// The case as the board left it before closing, and its files.
pub struct WorkedCase {
    /// The case (the board's view), resolved with its result published.
    pub case: Value,
    /// The reporter's photo.
    pub photo: Value,
    /// The agency's written answer, cited by `respond`.
    pub answer_file: Value,
    /// The resolution report, cited by `report_resolution`.
    pub result_file: Value,
}

async fn acts(client: &Client, case: &Value, action: &str, input: Value) -> Value {
    client.acts(case, action, input).await.expect(200)
}

/// Files a case as the town's reporter and works it up to the published
/// result: a question and a supplement, acceptance with VKSND-HN
/// coordinating, the answer with its document, an internal and a shared
/// comment, an orientation, an escalation and its conclusion, a meeting,
/// progress, the resolution report with its document, the result.
pub async fn worked_case(server: &Server, town: &Town) -> WorkedCase {
    let reporter = Client::bearer(server, &town.reporter);
    let officer = Client::bearer(server, &town.officer);
    let liaison = Client::bearer(server, &town.liaison);
    let leader = Client::bearer(server, &town.leader);
    let case = reporter
        .files_case("HN-BD", "Bãi rác tự phát cạnh trường học")
        .await;
    let id = case["id"].clone();
    let photo = reporter
        .upload(
            &format!("/cases/{id}/attachments"),
            "anh-hien-truong.png",
            &super::files::png(2_000),
        )
        .await
        .expect(201);
    let case = acts(
        &officer,
        &case,
        "request_info",
        json!({"question": "câu-hỏi-của-ban: rác đổ từ khi nào?"}),
    )
    .await;
    let case = acts(
        &reporter,
        &case,
        "supplement",
        json!({"text": "bổ-sung-của-ctv: từ tháng 9."}),
    )
    .await;
    let case = acts(
        &officer,
        &case,
        "accept",
        json!({"sensitivity": "complex", "priority": "high", "lead_unit": "UBND-HN",
               "coordinating_units": ["VKSND-HN"]}),
    )
    .await;
    let answer_file = liaison
        .upload(
            &format!("/cases/{id}/attachments"),
            "cong-van-tra-loi.pdf",
            &super::files::pdf(3_000),
        )
        .await
        .expect(201);
    let case = acts(
        &liaison,
        &case,
        "respond",
        json!({"answer": "trả-lời-nội-bộ", "documents": [answer_file["id"]]}),
    )
    .await;
    let case = acts(&officer, &case, "comment", json!({"text": "ý-kiến-nội-bộ"})).await;
    let case = acts(
        &officer,
        &case,
        "comment",
        json!({"text": "ý-kiến-gửi-ctv: đã giao UBND xử lý.", "share_with_reporter": true}),
    )
    .await;
    let case = acts(
        &officer,
        &case,
        "orient",
        json!({"messages": "định-hướng-nội-bộ", "channels": ["press"],
               "audience": "đối-tượng-nội-bộ"}),
    )
    .await;
    let case = acts(
        &officer,
        &case,
        "escalate",
        json!({"opinions": [{"unit": "UBND-HN", "opinion": "ý-kiến-khác-nhau-nội-bộ"}, {"unit": "VKSND-HN", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
    )
    .await;
    let case = acts(
        &leader,
        &case,
        "conclude",
        json!({"conclusion": "kết-luận-nội-bộ"}),
    )
    .await;
    let held_at = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    let case = acts(
        &liaison,
        &case,
        "log_meeting",
        json!({"held_at": held_at, "chair_unit": "UBND-HN", "attendees": ["BTG-HN"],
               "minutes": "biên-bản-nội-bộ"}),
    )
    .await;
    let case = acts(
        &liaison,
        &case,
        "progress_update",
        json!({"text": "tiến-độ-nội-bộ"}),
    )
    .await;
    let result_file = liaison
        .upload(
            &format!("/cases/{id}/attachments"),
            "bao-cao-ket-qua.pdf",
            &super::files::pdf(3_000),
        )
        .await
        .expect(201);
    let case = acts(
        &liaison,
        &case,
        "report_resolution",
        json!({"summary": "kết-quả-nội-bộ", "documents": [result_file["id"]]}),
    )
    .await;
    let case = acts(
        &officer,
        &case,
        "publish_result",
        json!({"text": "kết-quả-công-bố: bãi rác đã được dọn."}),
    )
    .await;
    WorkedCase {
        case,
        photo,
        answer_file,
        result_file,
    }
}
