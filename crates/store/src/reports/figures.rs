//! The figures of a report as data: what `GET /reports/summary` answers
//! and what the CSV, XLSX and HTML exports lay out.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

/// Every figure of the report. Its times carry the offset of the
/// calendar's time zone (`2026-01-01T00:00:00+07:00`), as every time the
/// API shows does.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// First instant counted.
    pub from: DateTime<FixedOffset>,
    /// First instant no longer counted.
    pub to: DateTime<FixedOffset>,
    /// Outcomes (answers, resolutions, submissions) are followed up to here
    /// (to the second).
    pub as_of: DateTime<FixedOffset>,
    /// The report's date, whose names it prints for areas and units
    /// renamed since (SPEC §2): the last day of the period, or the day of
    /// `as_of` while the period is not over.
    pub names_on: NaiveDate,
    /// The area reported on, when not the whole tree.
    pub area: Option<AreaLabel>,
    /// Cases filed in the period.
    pub cases_filed: u64,
    /// Cases filed, by category, largest first.
    pub by_category: Vec<Count>,
    /// Cases filed, by the area of the case, largest first.
    pub by_area: Vec<Count>,
    /// Cases filed, by their state now, in workflow order (every state).
    pub by_state: Vec<Count>,
    /// From `accept` to `respond` (the written answer).
    pub answer_time: TimeFigures,
    /// From `accept` to `report_resolution`.
    pub resolution_time: TimeFigures,
    /// Each kind of deadline: met on time, late, overdue, still running.
    pub deadlines: Vec<DeadlineFigures>,
    /// Answer and resolution deadlines missed, by lead unit.
    pub overdue_by_lead_unit: Vec<UnitOverdue>,
    /// Information duties due in the period, by agency and period.
    pub duties: Vec<AgencyCompliance>,
}

/// An area named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaLabel {
    /// Area code.
    pub code: String,
    /// Its name.
    pub name: String,
}

/// How many cases have one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    /// The code (category, area or state code).
    pub code: String,
    /// Its label in the reader's language.
    pub label: String,
    /// How many cases.
    pub count: u64,
}

/// How long a step took: median and nearest-rank 90th percentile, in
/// working days (counted as deadlines are) and in hours.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeFigures {
    /// Cases that took the step.
    pub cases: u64,
    /// Median in working days.
    pub median_working_days: Option<f64>,
    /// 90th percentile in working days.
    pub p90_working_days: Option<f64>,
    /// Median in hours.
    pub median_hours: Option<f64>,
    /// 90th percentile in hours.
    pub p90_hours: Option<f64>,
}

/// What became of one kind of deadline over the cases of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineFigures {
    /// `triage`, `answer` or `resolution`.
    pub kind: String,
    /// Its label in the reader's language.
    pub label: String,
    /// Met by the deadline.
    pub on_time: u64,
    /// Met after it.
    pub late: u64,
    /// Not met and passed (quá hạn).
    pub overdue: u64,
    /// Not met, still within the time.
    pub running: u64,
}

/// The deadlines one lead unit missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitOverdue {
    /// Unit code.
    pub unit: String,
    /// Unit name.
    pub name: String,
    /// Cases it led.
    pub cases: u64,
    /// Written answers given late.
    pub answer_late: u64,
    /// Written answers overdue and not given.
    pub answer_overdue: u64,
    /// Resolutions reported late.
    pub resolution_late: u64,
    /// Resolutions overdue and not reported.
    pub resolution_overdue: u64,
}

/// Counts of duty instances by compliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplianceCounts {
    /// Submitted by the due time.
    pub on_time: u64,
    /// Submitted after it.
    pub late: u64,
    /// Not submitted, due time passed.
    pub missing: u64,
    /// Waived by an administrator.
    pub waived: u64,
    /// Not submitted, not due yet.
    pub not_due: u64,
}

/// One agency's information duties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyCompliance {
    /// Unit code of the agency.
    pub unit: String,
    /// Its name.
    pub name: String,
    /// Per period (`2026-Q1`, …, or a trial date), in order.
    pub periods: Vec<PeriodCompliance>,
    /// Over every period.
    pub total: ComplianceCounts,
}

/// One agency's duties of one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodCompliance {
    /// The period.
    pub period: String,
    /// The counts.
    pub counts: ComplianceCounts,
}

impl ComplianceCounts {
    /// Adds one duty of `compliance`.
    pub fn add(&mut self, compliance: workflow::Compliance) {
        use workflow::Compliance as C;
        let slot = match compliance {
            C::OnTime => &mut self.on_time,
            C::Late => &mut self.late,
            C::Missing => &mut self.missing,
            C::Waived => &mut self.waived,
            C::NotDue => &mut self.not_due,
        };
        *slot += 1;
    }
}
