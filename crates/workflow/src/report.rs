//! The arithmetic of the annual review report (SPEC §4.3): the median and
//! the 90th percentile of a set of durations, how long a step took in
//! working days, whether a case deadline was met, and whether an agency
//! met an information duty. Pure: the store gathers the rows, these
//! functions decide what they count as.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::{Calendar, DutyStatus};

mod steps;
#[cfg(test)]
mod tests;

pub use steps::CaseSteps;

/// The median and the 90th percentile of some durations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Spread {
    /// How many durations there were.
    pub count: usize,
    /// The middle value; the mean of the two middle values for an even
    /// count. `None` without durations.
    pub median: Option<f64>,
    /// The nearest-rank 90th percentile: the smallest value with at least
    /// 90 % of the values at or below it. `None` without durations.
    pub p90: Option<f64>,
}

/// The median and the nearest-rank 90th percentile of `values`, in any order.
pub fn spread(values: &[f64]) -> Spread {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return Spread::default();
    }
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Spread {
        count: n,
        median: Some(median),
        p90: Some(sorted[nearest_rank(n, 90) - 1]),
    }
}

/// The fewest durations a median or a percentile is shown for: over one
/// or two cases such a figure describes those cases, not the work, so a
/// page shows "—" instead.
pub const MIN_CASES_TO_MEASURE: u64 = 3;

/// Whether times taken over `cases` cases are enough to show as a median
/// and a percentile (see [`MIN_CASES_TO_MEASURE`]).
pub fn enough_to_measure(cases: u64) -> bool {
    cases >= MIN_CASES_TO_MEASURE
}

/// The 1-based rank of the `percent`th percentile of `n` sorted values:
/// ⌈percent·n/100⌉, at least 1.
fn nearest_rank(n: usize, percent: usize) -> usize {
    (percent * n).div_ceil(100).max(1)
}

/// The working days from `start` to `end`, counted as deadlines are
/// (design.md "Deadlines"): the days after the local date of `start` up to
/// and including the local date of `end` that are working days. A step done
/// the same day took 0; one done the next working day took 1.
pub fn working_days_taken(calendar: &Calendar, start: DateTime<Utc>, end: DateTime<Utc>) -> i64 {
    calendar.working_days_between(calendar.local_date(start), calendar.local_date(end))
}

/// The hours from `start` to `end`, to the minute.
pub fn hours_taken(start: DateTime<Utc>, end: DateTime<Utc>) -> f64 {
    (end - start).num_minutes() as f64 / 60.0
}

coded_enum! {
    /// What became of one deadline of a case, as of a moment.
    pub enum DeadlineOutcome {
        /// Met by the deadline.
        OnTime = ("on_time", deadline_on_time),
        /// Met after the deadline.
        Late = ("late", deadline_late),
        /// Not met and passed: quá hạn.
        Overdue = ("overdue", overdue),
        /// Not met, not passed yet.
        Running = ("running", deadline_running),
    }
}

/// What became of a deadline due at `due` that was met at `met_at` (if it
/// was), as of `as_of`. A deadline ends at its due instant inclusive.
pub fn deadline_outcome(
    due: DateTime<Utc>,
    met_at: Option<DateTime<Utc>>,
    as_of: DateTime<Utc>,
) -> DeadlineOutcome {
    match met_at {
        Some(at) if at <= due => DeadlineOutcome::OnTime,
        Some(_) => DeadlineOutcome::Late,
        None if as_of > due => DeadlineOutcome::Overdue,
        None => DeadlineOutcome::Running,
    }
}

coded_enum! {
    /// How an agency kept one information duty (§4.1, §4.2), as of a moment.
    pub enum Compliance {
        /// Submitted by the due time.
        OnTime = ("on_time", duty_on_time),
        /// Submitted after the due time.
        Late = ("late", duty_late),
        /// Not submitted and the due time passed.
        Missing = ("missing", compliance_missing),
        /// Released from the duty by an administrator.
        Waived = ("waived", duty_waived),
        /// Not submitted, not due yet.
        NotDue = ("not_due", duty_not_due),
    }
}

/// How a duty due at `due_at`, now `status`, first submitted at
/// `submitted_at`, stands as of `as_of`. A waiver wins over a late or
/// missing submission: the administrator released the agency from it.
pub fn duty_compliance(
    status: DutyStatus,
    due_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    as_of: DateTime<Utc>,
) -> Compliance {
    if status == DutyStatus::Waived {
        return Compliance::Waived;
    }
    match submitted_at {
        Some(at) if at <= due_at => Compliance::OnTime,
        Some(_) => Compliance::Late,
        None if as_of > due_at => Compliance::Missing,
        None => Compliance::NotDue,
    }
}
