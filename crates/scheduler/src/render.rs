//! From an outbox row to an e-mail: the row's payload read into the typed
//! context of its e-mail (local due time, the link built on `base_url`),
//! then rendered by the e-mail's templates (`mail`).

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use store::auth::PASSWORD_RESET;
use store::entities::outbox;
use store::reminders::{CASE_REMINDER, DUTY_REMINDER};
use workflow::{Calendar, CaseReminderStep, DeadlineKind, DutyReminderStep, Lang, NoticeKind};

use crate::mail::{CaseNotice, CaseReminder, DutyReminder, Mail, PasswordReset, Rendered};

/// Why an outbox row cannot become an e-mail. Either way retrying will not
/// help: the row fails with this as its error.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No e-mail of this build has the row's kind.
    #[error("no template")]
    NoTemplate,
    /// The payload lacks a value its e-mail needs, or holds one this build
    /// cannot read: the row fails rather than going out with a hole.
    #[error("payload: {0}")]
    Payload(String),
    /// A template failed to write (a value's `Display` failed).
    #[error("template: {0}")]
    Template(#[from] askama::Error),
}

/// Renders `row` in its recipient's language.
pub fn render(
    row: &outbox::Model,
    base_url: &str,
    calendar: &Calendar,
) -> Result<Rendered, RenderError> {
    Ok(mail(row, base_url, calendar)?.render()?)
}

/// The payload of a duty reminder, as `store::reminders` writes it.
#[derive(Deserialize)]
struct DutyPayload {
    duty_id: i64,
    period: String,
    unit_name: String,
    board_name: String,
    due_at: DateTime<FixedOffset>,
    step: String,
}

/// The payload of a case deadline reminder.
#[derive(Deserialize)]
struct CasePayload {
    case_code: String,
    title: String,
    deadline: String,
    due_at: DateTime<FixedOffset>,
    step: String,
}

/// The payload of a password reset; `store::auth` writes it.
#[derive(Deserialize)]
struct ResetPayload {
    name: String,
    token: String,
    due_at: DateTime<FixedOffset>,
}

/// The payload of an event notice, as `store::outbox` writes it.
#[derive(Deserialize)]
struct NoticePayload {
    case_code: String,
    title: String,
    /// Absent for readers who may not see the internal deadlines.
    answer_due: Option<DateTime<FixedOffset>>,
    /// Absent in rows written before notices quoted their event.
    detail: Option<String>,
    /// The name of the unit the notice speaks of, where it names one.
    #[serde(default)]
    unit: Option<String>,
    /// The report itself, where the notice carries it.
    #[serde(default)]
    report: Option<String>,
}

/// The e-mail of `row`, its context read from the payload.
fn mail(row: &outbox::Model, base_url: &str, calendar: &Calendar) -> Result<Mail, RenderError> {
    let base = base_url.trim_end_matches('/');
    let lang = if row.lang == "en" { Lang::En } else { Lang::Vi };
    let local = |time: DateTime<FixedOffset>| {
        time.with_timezone(&calendar.time_zone())
            .format("%H:%M %d/%m/%Y")
            .to_string()
    };
    Ok(match row.kind.as_str() {
        DUTY_REMINDER => {
            let p: DutyPayload = payload(row)?;
            Mail::DutyReminder(DutyReminder {
                lang,
                step: DutyReminderStep::from_key(&p.step)
                    .ok_or_else(|| unreadable("step", &p.step))?,
                unit_name: p.unit_name,
                board_name: p.board_name,
                period: p.period,
                due_local: local(p.due_at),
                link: format!("{base}/duties/{}", p.duty_id),
            })
        }
        CASE_REMINDER => {
            let p: CasePayload = payload(row)?;
            Mail::CaseReminder(CaseReminder {
                lang,
                step: CaseReminderStep::from_key(&p.step)
                    .ok_or_else(|| unreadable("step", &p.step))?,
                deadline: DeadlineKind::from_code(&p.deadline)
                    .ok_or_else(|| unreadable("deadline", &p.deadline))?,
                due_local: local(p.due_at),
                link: format!("{base}/cases/{}", p.case_code),
                case_code: p.case_code,
                title: p.title,
            })
        }
        PASSWORD_RESET => {
            let p: ResetPayload = payload(row)?;
            Mail::PasswordReset(PasswordReset {
                lang,
                name: p.name,
                due_local: local(p.due_at),
                // The page that asks for the new password and posts it with
                // the token to `POST /api/v1/auth/password-reset/confirm`.
                link: format!("{base}/reset-password?token={}", p.token),
            })
        }
        other => {
            let kind = NoticeKind::from_code(other).ok_or(RenderError::NoTemplate)?;
            let p: NoticePayload = payload(row)?;
            let dash = || "—".to_owned();
            Mail::Notice(
                kind,
                CaseNotice {
                    lang,
                    due_local: p.answer_due.map(local).unwrap_or_else(dash),
                    detail: p.detail.unwrap_or_else(dash),
                    unit: p.unit.unwrap_or_else(dash),
                    report: p.report.unwrap_or_else(dash),
                    link: format!("{base}/cases/{}", p.case_code),
                    case_code: p.case_code,
                    title: p.title,
                },
            )
        }
    })
}

fn payload<T: DeserializeOwned>(row: &outbox::Model) -> Result<T, RenderError> {
    serde_json::from_str(&row.payload).map_err(|err| RenderError::Payload(err.to_string()))
}

fn unreadable(field: &str, value: &str) -> RenderError {
    RenderError::Payload(format!("{field} {value:?}"))
}

#[cfg(test)]
mod tests;
