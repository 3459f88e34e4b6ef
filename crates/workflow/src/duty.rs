//! The pure parts of the information duties (SPEC §4): due times, reminder
//! steps, and the court's trial duties.

use serde::{Deserialize, Serialize};

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
    pub before_due: chrono::DateTime<chrono::Utc>,
    /// Information after the trial: due 3 working days after it.
    pub after_due: chrono::DateTime<chrono::Utc>,
}

/// The due times of the court's duties for a trial on `trial_date`.
pub fn trial_duties(trial_date: chrono::NaiveDate, calendar: &crate::Calendar) -> TrialDuties {
    let _ = (trial_date, calendar);
    todo!("helper")
}
