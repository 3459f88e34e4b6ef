//! From an outbox row to an e-mail's words: the values each template
//! needs, derived from the row's payload (step wording, local due time, the
//! link built on `base_url`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use store::entities::outbox;
use workflow::{Calendar, CaseReminderStep, DutyReminderStep};

use crate::templates::{Rendered, fill};

/// Renders `row` in its recipient's language, or `None` for a kind with
/// no template.
pub fn render(row: &outbox::Model, base_url: &str, calendar: &Calendar) -> Option<Rendered> {
    let payload: serde_json::Value = serde_json::from_str(&row.payload).unwrap_or_default();
    let mut values: HashMap<&str, String> = HashMap::new();
    if let Some(map) = payload.as_object() {
        for (key, value) in map {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            values.insert(key.as_str(), text);
        }
    }
    let base = base_url.trim_end_matches('/');
    if let Some(due) = payload["due_at"]
        .as_str()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
    {
        let local = due.with_timezone(&Utc).with_timezone(&calendar.time_zone());
        values.insert("due_local", local.format("%H:%M %d/%m/%Y").to_string());
    }
    let template = match row.kind.as_str() {
        "duty_reminder" => {
            let step = DutyReminderStep::from_key(payload["step"].as_str().unwrap_or_default());
            let (vi, en) = duty_step(step);
            values.insert("step_vi", vi);
            values.insert("step_en", en);
            let id = payload["duty_id"].as_i64().unwrap_or_default();
            values.insert("link", format!("{base}/duties/{id}"));
            "duty_reminder"
        }
        "case_reminder" => {
            let step = CaseReminderStep::from_key(payload["step"].as_str().unwrap_or_default());
            let (vi, en) = case_step(step);
            values.insert("step_vi", vi.to_owned());
            values.insert("step_en", en.to_owned());
            let (dvi, den) = match payload["deadline"].as_str().unwrap_or_default() {
                "triage" => ("phân loại", "triage"),
                "answer" => ("trả lời bằng văn bản", "written answer"),
                _ => ("giải quyết", "resolution"),
            };
            values.insert("deadline_vi", dvi.to_owned());
            values.insert("deadline_en", den.to_owned());
            let code = payload["case_code"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/cases/{code}"));
            "case_reminder"
        }
        "password_reset" => {
            // The page that asks for the new password and posts it with
            // the token to `POST /api/v1/auth/password-reset/confirm`.
            let token = payload["token"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/reset-password?token={token}"));
            values.remove("token");
            "password_reset"
        }
        kind => {
            let (vi, en) = notice(kind)?;
            values.insert("notice_vi", vi.to_owned());
            values.insert("notice_en", en.to_owned());
            let code = payload["case_code"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/cases/{code}"));
            "case_notice"
        }
    };
    fill(template, &row.lang, &values)
}

fn duty_step(step: Option<DutyReminderStep>) -> (String, String) {
    match step {
        Some(DutyReminderStep::Before(days)) => (
            format!("còn {days} ngày đến hạn"),
            format!("due in {days} days"),
        ),
        Some(DutyReminderStep::Due) => ("đến hạn hôm nay".into(), "due today".into()),
        Some(DutyReminderStep::Overdue(_)) | None => ("QUÁ HẠN".into(), "OVERDUE".into()),
    }
}

fn case_step(step: Option<CaseReminderStep>) -> (&'static str, &'static str) {
    match step {
        Some(CaseReminderStep::Warning) => ("sắp đến hạn", "deadline approaching"),
        Some(CaseReminderStep::Breach) => ("đã quá hạn", "deadline passed"),
        Some(CaseReminderStep::Overdue(_)) | None => ("vẫn quá hạn", "still overdue"),
    }
}

/// The event notices of §5, by outbox kind.
fn notice(kind: &str) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        "case_assigned" => (
            "Vụ việc được giao cho đơn vị chủ trì",
            "The case was assigned to your unit",
        ),
        "info_requested" => (
            "Ban đề nghị bổ sung thông tin",
            "The board asks for more information",
        ),
        "answer_received" => ("Đã nhận văn bản trả lời", "A written answer was received"),
        "escalated" => (
            "Vụ việc được báo cáo lên cấp trên",
            "The case was escalated",
        ),
        "result_published" => (
            "Kết quả giải quyết đã được công bố",
            "The result was published",
        ),
        _ => return None,
    })
}
