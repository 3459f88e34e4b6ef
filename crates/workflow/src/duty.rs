//! The pure parts of the information duties (SPEC §4): due times, reminder
//! steps, and the court's trial duties.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{Calendar, Period};

pub use apply::{DutyMove, DutyNow, DutyOutcome, DutyRecord, allowed_duty_actions, apply_duty};
pub use label::{
    DutyKind, day_label, duty_period_label, period_code_from_words, period_code_label,
};
pub use request::{DutyRequest, check_duty_request, check_duty_requester};
pub use seen::{DutyParties, DutyScope, duty_visibility};
pub use status::{DutyAction, DutyStatus, OverdueDuties, duty_transition};

mod apply;
mod label;
mod request;
mod seen;
mod status;
mod steps;
#[cfg(test)]
mod tests;

/// When a periodic duty is due: the `days_after_end`-th calendar day after
/// the period ends, moved to the next working day if it is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueRule {
    /// Calendar days after the last day of the period (default 10).
    pub days_after_end: u32,
}

/// When duty reminders go out (§4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyReminderPolicy {
    /// Days before the due day (default 14 and 3).
    pub before_days: Vec<u32>,
    /// Every so many days while overdue (default 7).
    pub overdue_every_days: u32,
    /// Local hour at which a reminder day's e-mail fires (default 8).
    pub send_hour: u32,
}

/// One reminder of a duty instance; its key makes the outbox row unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DutyReminderStep {
    /// So many days before the due day.
    Before(u32),
    /// On the due day.
    Due,
    /// The n-th overdue reminder (1 = `overdue_every_days` after the due day).
    Overdue(u32),
}

/// When case deadline reminders go out (§5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseReminderPolicy {
    /// A warning once this share of the time has gone (default 75).
    pub warn_at_percent: u32,
    /// Every so many working days while overdue (default 2).
    pub overdue_every_working_days: u32,
}

/// One reminder about a case deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseReminderStep {
    /// Most of the time is gone.
    Warning,
    /// The deadline passed.
    Breach,
    /// The n-th reminder while still overdue.
    Overdue(u32),
}

/// The two duty instances a trial date creates for the court (§4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialDuties {
    /// Information before the trial: due 5 working days before it.
    pub before_due: DateTime<Utc>,
    /// Information after the trial: due 3 working days after the verdict,
    /// or after the trial date while no verdict date is known.
    pub after_due: DateTime<Utc>,
}

/// The due times of the court's duties for a trial opening on
/// `trial_date` whose verdict is given on `verdict_date`, if known: the
/// end of the 5th working day before the trial and of the 3rd working day
/// after the verdict (§13). A trial may sit for days or weeks; counting
/// the after-trial duty from its first day would make it due before the
/// trial has ended.
pub fn trial_duties(
    trial_date: NaiveDate,
    verdict_date: Option<NaiveDate>,
    calendar: &Calendar,
) -> TrialDuties {
    let ended = verdict_date.map_or(trial_date, |verdict| verdict.max(trial_date));
    TrialDuties {
        before_due: calendar.end_of_day(calendar.working_days_before(trial_date, 5)),
        after_due: calendar.end_of_day(calendar.add_working_days(ended, 3)),
    }
}

impl DueRule {
    /// The due time of `period`: the end of the `days_after_end`-th day
    /// after its last day, or of the next working day if that is not one.
    pub fn due_at(&self, period: Period, calendar: &Calendar) -> DateTime<Utc> {
        let last = period.last_day();
        let day = last
            .checked_add_days(Days::new(u64::from(self.days_after_end)))
            .unwrap_or(last);
        calendar.end_of_day(calendar.next_working_day_on_or_after(day))
    }
}

impl Default for DueRule {
    /// The 10th day after the period ends (§4.1).
    fn default() -> Self {
        DueRule { days_after_end: 10 }
    }
}

impl Default for DutyReminderPolicy {
    /// 14 and 3 days before, on the day, then weekly, at 8:00 (§4.1).
    fn default() -> Self {
        DutyReminderPolicy {
            before_days: vec![14, 3],
            overdue_every_days: 7,
            send_hour: 8,
        }
    }
}

impl Default for CaseReminderPolicy {
    /// A warning at 75 % of the time, then every 2 working days overdue.
    fn default() -> Self {
        CaseReminderPolicy {
            warn_at_percent: 75,
            overdue_every_working_days: 2,
        }
    }
}
