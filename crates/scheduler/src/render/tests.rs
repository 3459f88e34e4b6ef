//! Every event notice rendered in both languages from a payload shaped
//! like the store's.

use chrono::{TimeZone, Utc};
use serde_json::json;
use store::entities::outbox;
use workflow::{Calendar, NoticeKind};

use super::{MEETING_INVITATION, RenderError, host, render};

const BASE: &str = "https://noicom.example.vn/";

fn row(kind: &str, lang: &str, payload: serde_json::Value) -> outbox::Model {
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 2, 0, 0).unwrap();
    outbox::Model {
        id: 1,
        key: format!("case:7:{kind}:3:a@example.vn"),
        kind: kind.to_owned(),
        recipient_email: "a@example.vn".to_owned(),
        recipient_user_id: Some(4),
        lang: lang.to_owned(),
        payload: payload.to_string(),
        status: "pending".to_owned(),
        attempts: 0,
        next_attempt_at: now,
        claimed_by: None,
        claimed_until: None,
        last_error: None,
        created_at: now,
        sent_at: None,
    }
}

fn notice_payload(detail: Option<&str>) -> serde_json::Value {
    json!({
        "case_id": 7,
        "case_code": "HN-2026-000123",
        "title": "Khiếu nại <đất đai> & bồi thường",
        "state": "assigned",
        "event_id": 3,
        "answer_due": "2026-10-08T10:00:00Z",
        "detail": detail,
    })
}

#[test]
fn each_notice_renders_in_both_languages_with_the_code_and_the_link() {
    let calendar = Calendar::vietnam_default();
    let link = "https://noicom.example.vn/cases/HN-2026-000123";
    let mut subjects = Vec::new();
    // A meeting invitation has a payload of its own (tested below).
    for kind in NoticeKind::ALL
        .into_iter()
        .filter(|k| *k != NoticeKind::MeetingInvitation)
    {
        for lang in ["vi", "en"] {
            let payload = notice_payload(Some("Đề nghị gửi ảnh hiện trường."));
            let mail = render(&row(kind.code(), lang, payload), BASE, &calendar)
                .unwrap_or_else(|err| panic!("{kind:?}: {err}"));
            let what = format!("{kind:?} {lang}");
            assert!(
                mail.subject.contains("HN-2026-000123"),
                "{what}: {}",
                mail.subject
            );
            assert!(mail.text.contains(link), "{what}: {}", mail.text);
            assert!(mail.html.contains(&format!("href=\"{link}\"")), "{what}");
            assert!(mail.html.contains(&format!("lang=\"{lang}\"")), "{what}");
            assert!(
                mail.html.contains("Khiếu nại &#60;đất đai&#62; &#38;"),
                "{what}"
            );
            for part in [&mail.subject, &mail.text, &mail.html] {
                assert!(!part.contains("{{"), "{what}: unfilled name in {part}");
            }
            subjects.push(mail.subject);
        }
    }
    let count = subjects.len();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), count, "each notice has its own subject");
}

#[test]
fn a_notice_quotes_what_its_reader_acts_on_and_the_lead_unit_its_due_time() {
    let calendar = Calendar::vietnam_default();
    let question = "Đề nghị gửi ảnh hiện trường.";
    let asked = render(
        &row("info_requested", "vi", notice_payload(Some(question))),
        BASE,
        &calendar,
    )
    .unwrap();
    assert!(asked.text.contains(question), "{}", asked.text);
    assert!(
        asked.subject.contains("bổ sung thông tin"),
        "{}",
        asked.subject
    );
    // 10:00 UTC is 17:00 in Hà Nội.
    let assigned = render(
        &row("case_assigned", "en", notice_payload(None)),
        BASE,
        &calendar,
    )
    .unwrap();
    assert!(
        assigned.text.contains("by 17:00 08/10/2026"),
        "{}",
        assigned.text
    );
    let old = render(
        &row("escalated", "vi", notice_payload(None)),
        BASE,
        &calendar,
    )
    .unwrap();
    assert!(!old.text.contains("null"), "{}", old.text);
}

#[test]
fn an_outbox_kind_without_a_template_renders_nothing() {
    let calendar = Calendar::vietnam_default();
    assert!(matches!(
        render(
            &row("case_notice", "vi", notice_payload(None)),
            BASE,
            &calendar
        ),
        Err(RenderError::NoTemplate)
    ));
}

#[test]
fn outbox_kinds_name_their_e_mail() {
    let calendar = Calendar::vietnam_default();
    let escalated = render(
        &row("escalated", "en", notice_payload(None)),
        BASE,
        &calendar,
    )
    .unwrap();
    assert!(
        escalated.subject.ends_with("escalated for your conclusion"),
        "{}",
        escalated.subject
    );
    let duty = json!({
        "duty_id": 42,
        "period": "2026-Q3",
        "unit_name": "UBND phường Ba Đình",
        "board_name": "Ban Tuyên giáo và Dân vận",
        "due_at": "2026-10-08T10:00:00Z",
        "step": "due",
    });
    let reminder = render(&row("duty_reminder", "vi", duty), BASE, &calendar).unwrap();
    assert_eq!(
        reminder.subject,
        "[noicom] đến hạn hôm nay: cung cấp thông tin (Quý III/2026) — UBND phường Ba Đình"
    );
    assert!(
        reminder
            .text
            .contains("https://noicom.example.vn/duties/42")
    );
    let trial = json!({
        "duty_id": 43,
        "duty_kind": "after_trial",
        "period": "2027-01-20",
        "case_code": "NB-2026-000032",
        "topic": null,
        "unit_name": "Tòa án nhân dân khu vực 1",
        "board_name": "Ban Tuyên giáo và Dân vận",
        "due_at": "2027-01-25T16:59:59Z",
        "step": "before-3",
    });
    let reminder = render(&row("duty_reminder", "en", trial), BASE, &calendar).unwrap();
    assert!(
        reminder
            .text
            .contains("After the trial on 20/01/2027 — case NB-2026-000032"),
        "{}",
        reminder.text
    );
    assert!(!reminder.text.contains("2027-01-20"), "{}", reminder.text);
}

#[test]
fn a_payload_without_a_value_its_e_mail_needs_fails_with_the_reason() {
    let calendar = Calendar::vietnam_default();
    let no_due = json!({"duty_id": 42, "period": "2026-Q3", "unit_name": "U",
        "board_name": "B", "step": "due"});
    let err = render(&row("duty_reminder", "vi", no_due), BASE, &calendar).unwrap_err();
    assert!(err.to_string().contains("due_at"), "{err}");
    let bad_step = json!({"case_code": "HN-1", "title": "T", "deadline": "answer",
        "due_at": "2026-10-08T10:00:00Z", "step": "later"});
    let err = render(&row("case_reminder", "vi", bad_step), BASE, &calendar).unwrap_err();
    assert!(err.to_string().contains("later"), "{err}");
}

#[test]
fn a_meeting_invitation_carries_its_calendar_entry_with_a_stable_uid() {
    assert_eq!(MEETING_INVITATION, NoticeKind::MeetingInvitation.code());
    let calendar = Calendar::vietnam_default();
    let payload = json!({
        "case_id": 7,
        "case_code": "HN-2026-000123",
        "title": "Bãi rác tự phát",
        "meeting_id": 4,
        "sequence": 0,
        "stamp": "2026-12-05T01:00:00Z",
        "starts_at": "2026-12-07T02:00:00Z",
        "ends_at": "2026-12-07T04:00:00Z",
        "place": "Hội trường UBND phường",
        "agenda": "Thống nhất phương án.",
        "chair": "UBND phường Ba Đình",
        "attendees": [
            {"name": "Ban Tuyên giáo và Dân vận", "email": "btg@example.vn"},
            {"name": "UBND phường Ba Đình", "email": "ubnd@example.vn"},
        ],
    });
    let mail = render(&row(MEETING_INVITATION, "vi", payload), BASE, &calendar).unwrap();
    // 02:00 UTC is 09:00 in Hà Nội.
    assert!(
        mail.text
            .contains("từ 09:00 07/12/2026 đến 11:00 07/12/2026"),
        "{}",
        mail.text
    );
    let invitation = mail.calendar.expect("a calendar entry");
    assert_eq!(invitation.uid, format!("meeting-4@{}", host(BASE)));
    assert_eq!(invitation.attendees.len(), 2);
    assert_eq!(
        invitation.starts_at.to_rfc3339(),
        "2026-12-07T02:00:00+00:00"
    );
    assert!(invitation.description.contains("/cases/HN-2026-000123"));
}

#[test]
fn the_host_of_a_base_url_is_its_name_alone() {
    assert_eq!(
        host("https://noicom.example.vn:8443/x"),
        "noicom.example.vn"
    );
    assert_eq!(host("http://127.0.0.1:8080"), "127.0.0.1");
    assert_eq!(host("noicom.example.vn"), "noicom.example.vn");
}

/// A digest item as `store::reminders` writes it.
fn item(kind: &str, subject: &str, payload: serde_json::Value) -> store::reminders::DigestItem {
    store::reminders::DigestItem {
        kind: kind.to_owned(),
        subject: subject.to_owned(),
        due_at: chrono::DateTime::parse_from_rfc3339(payload["due_at"].as_str().unwrap())
            .unwrap()
            .to_utc(),
        payload,
    }
}

#[test]
fn a_digest_is_built_from_its_items_with_their_words_at_the_moment_it_is_sent() {
    let calendar = Calendar::vietnam_default();
    let mut digest = row(
        "reminder_digest",
        "vi",
        json!({"day": "2027-01-18", "reader": "Nguyễn Văn A"}),
    );
    digest.key = "digest:a@example.vn:2027-01-18".to_owned();
    // Due at the end of 13/1/2027 (Hà Nội), as the sweep stores it.
    let case = json!({"case_id": 7, "case_code": "HN-2026-000123", "title": "Bãi rác",
        "deadline": "answer", "due_at": "2027-01-13T16:59:59Z", "due_ts": 0,
        "step": "overdue-1", "overdue": true, "holder": "UBND phường Ba Đình",
        "unreached": false});
    let duty = json!({"duty_id": 42, "duty_kind": "quarterly", "period": "2026-Q4",
        "due_at": "2027-01-25T16:59:59Z", "due_ts": 0, "step": "before-14",
        "overdue": false, "unit_code": "UBND-BADINH", "unit_name": "UBND phường Ba Đình",
        "board_name": "Ban Tuyên giáo và Dân vận", "unreached": false});
    let items = [
        item("duty_reminder", "duty:42", duty),
        item("case_reminder", "case:7:answer", case),
    ];
    let sent_at = |day| Utc.with_ymd_and_hms(2027, 1, day, 2, 0, 0).unwrap();
    let mail = super::render_digest(&digest, &items, BASE, &calendar, sent_at(18))
        .unwrap()
        .expect("two items");
    assert_eq!(
        mail.subject,
        "[noicom] Nhắc việc ngày 18/01/2027: 2 việc cần theo dõi"
    );
    let overdue = mail.text.find("quá hạn 5 ngày — trả lời").unwrap();
    let upcoming = mail.text.find("còn 5 ngày làm việc — cung cấp").unwrap();
    assert!(overdue < upcoming, "overdue first:\n{}", mail.text);
    assert!(
        mail.text.starts_with("Kính gửi Nguyễn Văn A,"),
        "{}",
        mail.text
    );
    // Sent two days late (the SMTP server was down): the words move on.
    let late = super::render_digest(&digest, &items, BASE, &calendar, sent_at(20))
        .unwrap()
        .unwrap();
    assert!(late.text.contains("quá hạn 7 ngày"), "{}", late.text);
    assert!(late.text.contains("còn 3 ngày làm việc"), "{}", late.text);
    // Nothing left to list: no e-mail.
    assert!(
        super::render_digest(&digest, &[], BASE, &calendar, sent_at(18))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_digest_item_that_cannot_be_read_fails_the_digest_with_the_reason() {
    let calendar = Calendar::vietnam_default();
    let digest = row(
        "reminder_digest",
        "vi",
        json!({"day": "2027-01-18", "reader": "A"}),
    );
    let bad = json!({"case_code": "HN-1", "title": "T", "deadline": "later",
        "due_at": "2027-01-13T16:59:59Z"});
    let now = Utc.with_ymd_and_hms(2027, 1, 18, 2, 0, 0).unwrap();
    let err = super::render_digest(
        &digest,
        &[item("case_reminder", "case:1:later", bad)],
        BASE,
        &calendar,
        now,
    )
    .unwrap_err();
    assert!(err.to_string().contains("later"), "{err}");
}
