//! From an outbox row to an e-mail's words: the values each template
//! needs, derived from the row's payload (step wording, local due time, the
//! link built on `base_url`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use store::entities::outbox;
use workflow::{Calendar, CaseReminderStep, DeadlineKind, DutyReminderStep, Lang};

use crate::templates::{Rendered, Template, fill};

/// Renders `row` in its recipient's language, or `None` for an outbox
/// kind that no template serves.
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
    if let Some(due) = local_time(&payload["due_at"], calendar) {
        values.insert("due_local", due);
    }
    let template = Template::of_kind(&row.kind)?;
    match template {
        Template::DutyReminder => {
            let step = DutyReminderStep::from_key(payload["step"].as_str().unwrap_or_default());
            let (vi, en) = duty_step(step);
            values.insert("step_vi", vi);
            values.insert("step_en", en);
            let id = payload["duty_id"].as_i64().unwrap_or_default();
            values.insert("link", format!("{base}/duties/{id}"));
        }
        Template::CaseReminder => {
            let step = CaseReminderStep::from_key(payload["step"].as_str().unwrap_or_default());
            let (vi, en) = case_step(step);
            values.insert("step_vi", vi.to_owned());
            values.insert("step_en", en.to_owned());
            let kind = DeadlineKind::from_code(payload["deadline"].as_str().unwrap_or_default())
                .unwrap_or(DeadlineKind::Resolution);
            let (dvi, den) = (
                kind.step_in_sentence(Lang::Vi),
                kind.step_in_sentence(Lang::En),
            );
            values.insert("deadline_vi", dvi.to_owned());
            values.insert("deadline_en", den.to_owned());
            let code = payload["case_code"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/cases/{code}"));
        }
        Template::PasswordReset => {
            // The page that asks for the new password and posts it with
            // the token to `POST /api/v1/auth/password-reset/confirm`.
            let token = payload["token"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/reset-password?token={token}"));
            values.remove("token");
        }
        Template::Notice(_) => {
            if let Some(due) = local_time(&payload["answer_due"], calendar) {
                values.insert("due_local", due);
            }
            // Rows written before notices quoted their event have no
            // detail: a dash rather than a visible placeholder.
            if payload["detail"].as_str().is_none() {
                values.insert("detail", "—".to_owned());
            }
            let code = payload["case_code"].as_str().unwrap_or_default();
            values.insert("link", format!("{base}/cases/{code}"));
        }
    }
    Some(fill(template, &row.lang, &values))
}

/// An RFC 3339 time of a payload as a local `HH:MM dd/mm/yyyy`.
fn local_time(value: &serde_json::Value, calendar: &Calendar) -> Option<String> {
    let time = DateTime::parse_from_rfc3339(value.as_str()?).ok()?;
    let local = time
        .with_timezone(&Utc)
        .with_timezone(&calendar.time_zone());
    Some(local.format("%H:%M %d/%m/%Y").to_string())
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

#[cfg(test)]
mod tests;
