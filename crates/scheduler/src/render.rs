//! From an outbox row to an e-mail: the row's payload read into the typed
//! context of its e-mail (local due time, the link built on `base_url`),
//! then rendered by the e-mail's templates (`mail`).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use store::alerts::HOTSPOT_ALERT;
use store::auth::PASSWORD_RESET;
use store::bulletins::OPINION_BULLETIN;
use store::duties::DUTY_REQUESTED;
use store::entities::outbox;
use store::orientations::{ORIENTATION_NOTICE, ORIENTATION_REMINDER};
use store::reminders::{CASE_REMINDER, DUTY_REMINDER, DigestItem};
use workflow::{
    Calendar, CaseReminderStep, Channel, DeadlineKind, DutyKind, DutyReminderStep, Lang,
    NoticeKind, duty_period_label,
};

use crate::ics::{Invitation, Party};
use crate::mail::{
    CaseNotice, CaseReminder, DutyReminder, DutyRequested, HotspotAlert, Mail, MeetingInvitation,
    Orientation, PasswordReset, Rendered,
};

/// The outbox kind of a meeting invitation.
const MEETING_INVITATION: &str = "meeting_invitation";

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

/// Renders the digest `row` as built at `now` from `items`, those of its
/// items whose reason still holds (`Store::digest_items`), in its
/// reader's language; `None` when none is left to list.
pub fn render_digest(
    row: &outbox::Model,
    items: &[DigestItem],
    base_url: &str,
    calendar: &Calendar,
    now: DateTime<Utc>,
) -> Result<Option<Rendered>, RenderError> {
    let p: DigestPayload = payload(row)?;
    let lang = if row.lang == "en" { Lang::En } else { Lang::Vi };
    let items = items
        .iter()
        .map(|i| Ok((i.subject.clone(), crate::digest::Item::read(i)?)))
        .collect::<Result<Vec<_>, RenderError>>()?;
    let Some(digest) = crate::digest::build(lang, p.reader, p.day, items, now, calendar, base_url)
    else {
        return Ok(None);
    };
    Ok(Some(Mail::Digest(Box::new(digest)).render()?))
}

/// The payload of a digest, as `store::reminders` writes it: the items
/// are read apart.
#[derive(Deserialize)]
struct DigestPayload {
    day: NaiveDate,
    reader: String,
}

/// The payload of a duty reminder, as `store::reminders` writes it.
#[derive(Deserialize)]
struct DutyPayload {
    duty_id: i64,
    /// Absent from rows written before ad-hoc and labelled duties.
    #[serde(default)]
    duty_kind: Option<String>,
    period: String,
    #[serde(default)]
    case_code: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    unit_name: String,
    board_name: String,
    due_at: DateTime<FixedOffset>,
    step: String,
}

/// The payload of an ad-hoc request's first notice, as
/// `store::duties` writes it.
#[derive(Deserialize)]
struct RequestedPayload {
    duty_id: i64,
    topic: Option<String>,
    case_code: Option<String>,
    unit_name: String,
    board_name: String,
    due_at: DateTime<FixedOffset>,
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

/// The payload of an orientation notice or reminder, as
/// `store::orientations` writes it.
#[derive(Deserialize)]
struct OrientationPayload {
    case_code: String,
    title: String,
    number: String,
    #[serde(default)]
    replaces: Option<String>,
    issuer_name: String,
    unit_name: String,
    messages: String,
    channels: Vec<String>,
    audience: String,
    /// Absent from the board's copy of a reminder.
    #[serde(default)]
    token: Option<String>,
    expires_at: DateTime<FixedOffset>,
    #[serde(default)]
    working_days: i64,
    #[serde(default)]
    copy: bool,
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
    /// The file names of the documents the action carries.
    #[serde(default)]
    documents: Vec<String>,
}

/// The payload of an early-warning alert, as `store::alerts` writes it.
#[derive(Deserialize)]
struct AlertPayload {
    area_name: String,
    category_name: String,
    week_start: NaiveDate,
    observed: f64,
    baseline: f64,
    p_value: Option<f64>,
}

/// The payload of a meeting invitation, as `store::meetings` writes it.
#[derive(Deserialize)]
struct MeetingPayload {
    case_code: String,
    title: String,
    meeting_id: i64,
    sequence: u32,
    /// When the meeting was scheduled: the entry's `DTSTAMP`.
    stamp: DateTime<FixedOffset>,
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    place: String,
    agenda: String,
    chair: String,
    /// Every invited address, for the entry's attendees.
    attendees: Vec<PartyPayload>,
}

#[derive(Deserialize)]
struct PartyPayload {
    name: String,
    email: String,
}

/// The host of `base` (`https://noicom.example.vn:8443/x` →
/// `noicom.example.vn`), which makes a meeting's `UID` unique beyond this
/// installation.
fn host(base: &str) -> &str {
    let rest = base.split_once("://").map_or(base, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    }
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
        OPINION_BULLETIN => {
            let bulletin: crate::bulletin::BulletinPayload = payload(row)?;
            Mail::Bulletin(Box::new(crate::bulletin::BulletinMail {
                lang,
                link: format!("{base}/bulletin?month={}", bulletin.month_code),
                bulletin,
            }))
        }
        DUTY_REMINDER => {
            let p: DutyPayload = payload(row)?;
            Mail::DutyReminder(DutyReminder {
                lang,
                step: DutyReminderStep::from_key(&p.step)
                    .ok_or_else(|| unreadable("step", &p.step))?,
                unit_name: p.unit_name,
                board_name: p.board_name,
                period: duty_period_label(
                    p.duty_kind
                        .as_deref()
                        .and_then(DutyKind::from_code)
                        .unwrap_or(DutyKind::Periodic),
                    &p.period,
                    p.case_code.as_deref(),
                    p.topic.as_deref(),
                    lang,
                ),
                due_local: local(p.due_at),
                link: format!("{base}/duties/{}", p.duty_id),
            })
        }
        DUTY_REQUESTED => {
            let p: RequestedPayload = payload(row)?;
            Mail::DutyRequested(DutyRequested {
                lang,
                duty: duty_period_label(
                    DutyKind::AdHoc,
                    "",
                    p.case_code.as_deref(),
                    p.topic.as_deref(),
                    lang,
                ),
                case_code: p.case_code,
                unit_name: p.unit_name,
                board_name: p.board_name,
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
        ORIENTATION_NOTICE | ORIENTATION_REMINDER => {
            let p: OrientationPayload = payload(row)?;
            let link = match &p.token {
                // The page that shows the notice and acknowledges it on a
                // button: opening the link acknowledges nothing.
                Some(token) => format!("{base}/acknowledge/{token}"),
                None => format!("{base}/cases/{}", p.case_code),
            };
            let channels = p
                .channels
                .iter()
                .map(|c| Channel::from_code(c).map_or(c.as_str(), |c| c.label(lang)))
                .collect::<Vec<_>>()
                .join(", ");
            let o = Orientation {
                lang,
                number: p.number,
                replaces: p.replaces,
                case_code: p.case_code,
                title: p.title,
                issuer_name: p.issuer_name,
                unit_name: p.unit_name,
                messages: p.messages,
                channels,
                audience: p.audience,
                link,
                expires_local: local(p.expires_at),
                working_days: p.working_days,
                copy: p.copy,
            };
            if row.kind == ORIENTATION_NOTICE {
                Mail::OrientationNotice(o)
            } else {
                Mail::OrientationReminder(o)
            }
        }
        HOTSPOT_ALERT => {
            let p: AlertPayload = payload(row)?;
            Mail::HotspotAlert(Box::new(HotspotAlert::new(
                lang,
                p.area_name,
                p.category_name,
                p.week_start,
                p.observed,
                p.baseline,
                p.p_value,
                format!("{base}/watch-list"),
            )))
        }
        MEETING_INVITATION => {
            let p: MeetingPayload = payload(row)?;
            let t = catalogue::Tr(lang);
            let link = format!("{base}/cases/{}", p.case_code);
            let description = format!(
                "{}\n\n{}",
                p.agenda,
                t.mail_at(t.mail_case_reminder_link(), &link)
            );
            let calendar = Invitation {
                uid: format!("meeting-{}@{}", p.meeting_id, host(base)),
                sequence: p.sequence,
                stamp: p.stamp.to_utc(),
                starts_at: p.starts_at.to_utc(),
                ends_at: p.ends_at.to_utc(),
                summary: format!("{} — {}", t.ics_meeting_summary(&p.case_code), p.title),
                location: p.place.clone(),
                description,
                attendees: p
                    .attendees
                    .into_iter()
                    .map(|a| Party {
                        name: a.name,
                        email: a.email,
                    })
                    .collect(),
            };
            Mail::Meeting(Box::new(MeetingInvitation {
                lang,
                chair: p.chair,
                start_local: local(p.starts_at),
                end_local: local(p.ends_at),
                place: p.place,
                agenda: p.agenda,
                link,
                case_code: p.case_code,
                title: p.title,
                calendar,
            }))
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
                    documents: p.documents,
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
