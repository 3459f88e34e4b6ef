//! A case carried along every path of SPEC §3.3, checking states, events and
//! versions at each step.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use store::Store;
use workflow::{Case, CaseState, Policy, UserId};

use testkit::case::{action, monday, policy, report};
use testkit::org;
use testkit::org::Org;
use testkit::{TestDb, on_both_backends};

/// Carries out one action and checks what every accepted action must do.
async fn step(
    s: &Store,
    p: &Policy,
    o: &Org,
    who: UserId,
    case: &Case,
    input: Value,
    expect: CaseState,
) -> Case {
    // The board reads every event (SPEC §10); the reporter reads theirs.
    let observer = o.officer;
    let events_before = s
        .case_events(observer, &case.code, monday())
        .await
        .expect("events")
        .len();
    let name = input["action"].as_str().expect("action name").to_owned();
    let after = s
        .act(who, &case.code, case.version, action(input), monday(), p)
        .await
        .unwrap_or_else(|e| panic!("{name} on {} refused: {e}", case.code));
    assert_eq!(after.state, expect, "{name}");
    assert_eq!(
        after.version,
        case.version + 1,
        "{name} must add one to the version"
    );
    let events = s
        .case_events(observer, &case.code, monday())
        .await
        .expect("events");
    assert_eq!(events.len(), events_before + 1, "{name} appends one event");
    let last = events.last().expect("an event");
    assert_eq!(last.action, name);
    assert_eq!(last.from.as_deref(), Some(case.state.code()));
    assert_eq!(last.to, expect.code());
    assert_eq!(last.seq as usize, events.len());
    assert_eq!(
        s.get_case(who, &case.code, monday()).await.expect("reload"),
        after
    );
    after
}

async fn file(s: &Store, p: &Policy, who: UserId, title: &str) -> Case {
    let case = s
        .file_case(who, report(title), monday(), p)
        .await
        .expect("file");
    assert_eq!(case.state, CaseState::Reported);
    assert_eq!(case.version, 1);
    assert!(case.code.starts_with("HN-2026-"), "{}", case.code);
    case
}

fn accept() -> Value {
    json!({"action": "accept", "sensitivity": "complex", "priority": "high",
           "lead_unit": "UBND-BADINH", "coordinating_units": ["TAND-KV1"]})
}

/// Thursday 5 March 2026, 23:59:59 in Hà Nội: three working days after Monday.
fn thursday_end() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 5, 16, 59, 59).unwrap()
}

async fn the_main_path_from_report_to_reopening(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    use CaseState::*;
    let c = file(
        s,
        p,
        o.reporter,
        "Chậm giải phóng mặt bằng dự án đường vành đai",
    )
    .await;
    assert!(c.triage_due.is_some());
    let c = step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "request_info", "question": "Bao nhiêu hộ dân bị ảnh hưởng?"}),
        NeedsInfo,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.reporter,
        &c,
        json!({"action": "supplement", "text": "Khoảng 120 hộ."}),
        Reported,
    )
    .await;
    let c = step(s, p, &o, o.officer, &c, accept(), Assigned).await;
    assert_eq!(
        c.lead_unit.as_ref().map(|u| u.code.as_str()),
        Some("UBND-BADINH")
    );
    assert_eq!(c.answer_due.as_ref().map(|d| d.at), Some(thursday_end()));
    let c = step(s, p, &o, o.liaison, &c, json!({"action": "respond", "answer": "UBND phường đã kiểm tra, sẽ trả lời bằng văn bản số 12/UBND."}), Responded).await;
    let c = step(s, p, &o, o.officer, &c, json!({"action": "orient", "messages": "Thông tin chính xác, kịp thời", "channels": ["press", "grassroots_radio"], "audience": "Nhân dân phường Ba Đình"}), Oriented).await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "escalate", "opinions": [{"unit": "UBND-BADINH", "opinion": "UBND và MTTQ khác nhau về mức bồi thường"}, {"unit": "TAND-KV1", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        Escalated,
    )
    .await;
    let c = step(s, p, &o, o.leader, &c, json!({"action": "conclude", "conclusion": "Giao UBND phường rà soát lại phương án bồi thường"}), Oriented).await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "comment", "text": "Đã nhận kết luận"}),
        Oriented,
    )
    .await;
    let c = step(s, p, &o, o.officer, &c, json!({"action": "add_orientation", "messages": "Cập nhật tiến độ", "channels": ["social_media"], "audience": "Cư dân mạng"}), Oriented).await;
    let c = step(s, p, &o, o.liaison, &c, json!({"action": "log_meeting", "held_at": "2026-03-02T01:00:00Z", "chair_unit": "UBND-BADINH", "attendees": ["BTG-HN", "MTTQ-BADINH"], "minutes": "Thống nhất phương án"}), Oriented).await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "progress_update", "text": "Đã chi trả 80% hộ dân"}),
        Oriented,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.court,
        &c,
        json!({"action": "set_trial_date", "trial_date": "2026-04-20"}),
        Oriented,
    )
    .await;
    assert_eq!(c.trial_date, chrono::NaiveDate::from_ymd_opt(2026, 4, 20));
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "report_resolution", "summary": "Đã hoàn thành bồi thường"}),
        Resolved,
    )
    .await;
    let refused = s
        .act(
            o.leader,
            &c.code,
            c.version,
            testkit::case::action(json!({"action": "close", "remark": "Xong"})),
            monday(),
            p,
        )
        .await;
    assert!(
        matches!(
            refused,
            Err(store::StoreError::Refused(
                workflow::Refusal::ResultNotPublished
            ))
        ),
        "{refused:?}"
    );
    let c = step(s, p, &o, o.officer, &c, json!({"action": "publish_result", "text": "Kết quả đã được thông tin trên báo Hà Nội Mới"}), Resolved).await;
    let c = step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "close", "remark": "Kết thúc"}),
        Closed,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "reopen", "reason": "Người dân tiếp tục phản ánh"}),
        Oriented,
    )
    .await;
    assert!(!c.result_published);
}
on_both_backends!(migrated: the_main_path_from_report_to_reopening);

async fn escalation_returns_to_where_it_came_from(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    use CaseState::*;
    let c = file(s, p, o.reporter, "Ô nhiễm tiếng ồn công trình").await;
    let c = step(s, p, &o, o.officer, &c, accept(), Assigned).await;
    let c = step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "escalate", "opinions": [{"unit": "UBND-BADINH", "opinion": "Chưa thống nhất cơ quan chủ trì"}, {"unit": "TAND-KV1", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        Escalated,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "conclude", "conclusion": "Giữ nguyên"}),
        Assigned,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "respond", "answer": "Đã xử phạt nhà thầu"}),
        Responded,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "escalate", "opinions": [{"unit": "UBND-BADINH", "opinion": "Người dân chưa đồng ý"}, {"unit": "TAND-KV1", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        Escalated,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "conclude", "conclusion": "Đối thoại thêm"}),
        Responded,
    )
    .await;
    let c = step(s, p, &o, o.officer, &c, json!({"action": "orient", "messages": "Đối thoại", "channels": ["meeting"], "audience": "Tổ dân phố"}), Oriented).await;
    let c = step(
        s,
        p,
        &o,
        o.liaison,
        &c,
        json!({"action": "report_resolution", "summary": "Đã xong"}),
        Resolved,
    )
    .await;
    let c = step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "publish_result", "text": "Đã công khai"}),
        Resolved,
    )
    .await;
    step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "reopen", "reason": "Tái diễn"}),
        Oriented,
    )
    .await;
}
on_both_backends!(migrated: escalation_returns_to_where_it_came_from);

async fn triage_can_dismiss_or_merge(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    use CaseState::*;
    let target = file(s, p, o.reporter, "Lấn chiếm vỉa hè").await;
    let a = file(s, p, o.reporter, "Tin đồn thất thiệt").await;
    step(
        s,
        p,
        &o,
        o.officer,
        &a,
        json!({"action": "dismiss", "reason": "Không phải vấn đề nổi cộm"}),
        Dismissed,
    )
    .await;
    let b = file(s, p, o.officer, "Lấn chiếm vỉa hè (trùng)").await;
    let b = step(
        s,
        p,
        &o,
        o.officer,
        &b,
        json!({"action": "request_info", "question": "Địa chỉ cụ thể?"}),
        NeedsInfo,
    )
    .await;
    let b = step(
        s,
        p,
        &o,
        o.officer,
        &b,
        json!({"action": "merge", "target": target.code}),
        Merged,
    )
    .await;
    assert_eq!(b.merged_into, Some(target.id));
    let c = file(s, p, o.reporter, "Câu hỏi chưa rõ").await;
    let c = step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "request_info", "question": "Xin thêm ảnh"}),
        NeedsInfo,
    )
    .await;
    step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "dismiss", "reason": "Không bổ sung"}),
        Dismissed,
    )
    .await;
    let d = file(s, p, o.reporter, "Trùng lặp").await;
    step(
        s,
        p,
        &o,
        o.officer,
        &d,
        json!({"action": "merge", "target": target.code}),
        Merged,
    )
    .await;
}
on_both_backends!(migrated: triage_can_dismiss_or_merge);

async fn an_accepted_case_can_be_oriented_before_the_answer(db: TestDb) {
    let (s, p) = (db.store(), &policy());
    let o = org::build(s).await;
    use CaseState::*;
    let c = file(s, p, o.reporter, "Ngộ độc thực phẩm tại trường học").await;
    let c = step(s, p, &o, o.officer, &c, accept(), Assigned).await;
    let c = step(s, p, &o, o.officer, &c, json!({"action": "orient", "messages": "Trấn an phụ huynh", "channels": ["press"], "audience": "Phụ huynh"}), Oriented).await;
    let c = step(
        s,
        p,
        &o,
        o.officer,
        &c,
        json!({"action": "escalate", "opinions": [{"unit": "UBND-BADINH", "opinion": "Cần chỉ đạo"}, {"unit": "TAND-KV1", "opinion": "Đề nghị cho ý kiến chỉ đạo."}]}),
        Escalated,
    )
    .await;
    step(
        s,
        p,
        &o,
        o.leader,
        &c,
        json!({"action": "conclude", "conclusion": "Xử lý nghiêm"}),
        Oriented,
    )
    .await;
}
on_both_backends!(migrated: an_accepted_case_can_be_oriented_before_the_answer);
