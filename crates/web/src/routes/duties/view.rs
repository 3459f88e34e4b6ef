//! A duty instance in JSON (SPEC §6.2): `id, unit, kind, period, due_at,
//! status, overdue`, and what was done with it.

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
    /// `periodic` (a schedule's), `before_trial` or `after_trial` (§4.2).
    kind: String,
    /// `2026-Q4`, `2026-11` or `2026` for a periodic duty; the trial date
    /// for a trial duty.
    period: String,
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
            kind: duty.kind.clone(),
            period: duty.period.clone(),
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
        }
    }

    /// The view as JSON text (the body an idempotent replay returns).
    pub(crate) fn json(duty: &DutyInfo, now: DateTime<Utc>, tz: Tz) -> String {
        serde_json::to_string(&DutyView::new(duty, now, tz)).unwrap_or_default()
    }
}
