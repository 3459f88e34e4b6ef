//! A duty instance in JSON (SPEC §6.2, §13): `id, unit, kind, period,
//! period_label, due_at, status, overdue`, and what was done with it,
//! with the documents the submission carried.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use store::duties::{DutyInfo, DutyUser};
use utoipa::ToSchema;

use crate::views::{Time, time};

/// A duty instance.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DutyView {
    /// Id.
    id: i64,
    /// Code of the unit that owes the information.
    unit: String,
    /// Its name.
    unit_name: String,
    /// Code of the board that receives it.
    recipient: String,
    /// `periodic` (a schedule's), `before_trial` or `after_trial` (§4.2),
    /// `ad_hoc` (asked for by the board, §13).
    kind: String,
    /// `2026-Q4`, `2026-11` or `2026` for a periodic duty; the trial date
    /// for a trial duty; the due day for an ad-hoc request.
    period: String,
    /// The period as a reader sees it, in the language of the request:
    /// *Quý IV/2026*, *Trước phiên tòa ngày 20/01/2027 — vụ NB-2026-000032*,
    /// or an ad-hoc request's topic.
    period_label: String,
    /// What an ad-hoc request asks for.
    topic: Option<String>,
    /// Due time, RFC 3339 with the offset.
    due_at: Time,
    /// `pending`, `submitted`, `acknowledged` or `waived`.
    status: String,
    /// Still owed past the due time.
    overdue: bool,
    /// The schedule of a periodic duty.
    schedule: Option<i64>,
    /// The programme of that schedule.
    programme: Option<i64>,
    /// The case code of a trial duty.
    case: Option<String>,
    /// When the information was given.
    submitted_at: Option<Time>,
    /// Who gave it.
    submitted_by: Option<DutyUserView>,
    /// The information given.
    text: Option<String>,
    /// When the board confirmed receipt.
    acknowledged_at: Option<Time>,
    /// Who confirmed it.
    acknowledged_by: Option<DutyUserView>,
    /// Why the duty was waived.
    waiver_reason: Option<String>,
    /// The documents the submission carried, oldest first.
    files: Vec<DutyFileView>,
}

/// A document a submission carried.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DutyFileView {
    /// Id.
    id: i64,
    /// The file's name.
    file_name: String,
    /// Its type, sniffed from the content.
    content_type: String,
    /// Size in bytes.
    size: i64,
    /// Where to download it: `/api/v1/duties/{duty}/files/{id}`.
    url: String,
}

/// A user named on a duty.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DutyUserView {
    /// Id.
    id: i64,
    /// Full name.
    name: String,
}

impl DutyView {
    /// The view of `duty` at `now`, times in `tz`.
    pub(crate) fn new(duty: &DutyInfo, now: DateTime<Utc>, tz: Tz) -> DutyView {
        let user = |u: &Option<DutyUser>| {
            u.as_ref().map(|u| DutyUserView {
                id: u.id,
                name: u.name.clone(),
            })
        };
        DutyView {
            id: duty.id,
            unit: duty.unit.clone(),
            unit_name: duty.unit_name.clone(),
            recipient: duty.recipient.clone(),
            kind: duty.kind.code().to_owned(),
            period: duty.period.clone(),
            period_label: duty.period_label(crate::lang::current()),
            topic: duty.topic.clone(),
            due_at: time(duty.due_at, tz),
            status: duty.status.code().to_owned(),
            overdue: duty.overdue(now),
            schedule: duty.schedule,
            programme: duty.programme,
            case: duty.case.clone(),
            submitted_at: duty.submitted_at.map(|t| time(t, tz)),
            submitted_by: user(&duty.submitted_by),
            text: duty.text.clone(),
            acknowledged_at: duty.acknowledged_at.map(|t| time(t, tz)),
            acknowledged_by: user(&duty.acknowledged_by),
            waiver_reason: duty.waiver_reason.clone(),
            files: duty
                .files
                .iter()
                .map(|f| DutyFileView {
                    id: f.id,
                    file_name: f.file_name.clone(),
                    content_type: f.content_type.clone(),
                    size: f.size,
                    url: file_url(duty.id, f.id),
                })
                .collect(),
        }
    }

    /// The view as JSON text (the body an idempotent replay returns).
    pub(crate) fn json(duty: &DutyInfo, now: DateTime<Utc>, tz: Tz) -> String {
        serde_json::to_string(&DutyView::new(duty, now, tz)).unwrap_or_default()
    }
}

/// The API path of a duty's document.
pub(crate) fn file_url(duty: i64, file: i64) -> String {
    format!("/api/v1/duties/{duty}/files/{file}")
}
