//! Reminder steps of duties and case deadlines: when each fires, and which
//! one is current at a sweep. A sweep at `now` sends only the latest step
//! whose fire time is ≤ `now` (design.md "Reminder steps"), so a scheduler
//! that was down catches up with one e-mail, not every step it missed.

use chrono::{DateTime, Days, Duration, Utc};

use super::{CaseReminderPolicy, CaseReminderStep, DutyReminderPolicy, DutyReminderStep};
use crate::Calendar;

impl DutyReminderStep {
    /// The stable key of the step in the outbox key: `before-14`, `due`,
    /// `overdue-1`.
    pub fn key(self) -> String {
        match self {
            DutyReminderStep::Before(days) => format!("before-{days}"),
            DutyReminderStep::Due => "due".to_owned(),
            DutyReminderStep::Overdue(n) => format!("overdue-{n}"),
        }
    }

    /// Reads a key written by [`DutyReminderStep::key`].
    pub fn from_key(key: &str) -> Option<DutyReminderStep> {
        if key == "due" {
            return Some(DutyReminderStep::Due);
        }
        if let Some(days) = key.strip_prefix("before-") {
            return days.parse().ok().map(DutyReminderStep::Before);
        }
        key.strip_prefix("overdue-")?
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .map(DutyReminderStep::Overdue)
    }

    /// Overdue reminders are copied to the provider's leader and the board
    /// (§4.1).
    pub fn is_overdue(self) -> bool {
        matches!(self, DutyReminderStep::Overdue(_))
    }
}

impl DutyReminderPolicy {
    /// When `step` fires for a duty due at `due_at`: at `send_hour` local
    /// time on the due day less `n` days, on the due day, or on the due day
    /// plus `n × overdue_every_days` days.
    pub fn fire_at(
        &self,
        step: DutyReminderStep,
        due_at: DateTime<Utc>,
        calendar: &Calendar,
    ) -> DateTime<Utc> {
        let due_day = calendar.local_date(due_at);
        let day = match step {
            DutyReminderStep::Before(days) => due_day.checked_sub_days(Days::new(u64::from(days))),
            DutyReminderStep::Due => Some(due_day),
            DutyReminderStep::Overdue(n) => {
                let days = u64::from(n) * u64::from(self.overdue_every_days.max(1));
                due_day.checked_add_days(Days::new(days))
            }
        };
        calendar.at_local_hour(day.unwrap_or(due_day), self.send_hour)
    }

    /// The step current at `now`: the one with the greatest fire time that
    /// is ≤ `now`; `None` before the first. `overdue_every_days = 0` turns
    /// the overdue reminders off.
    pub fn latest_step(
        &self,
        due_at: DateTime<Utc>,
        now: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Option<DutyReminderStep> {
        let mut befores = self.before_days.clone();
        // Larger offsets fire earlier; on a tie the later entry wins below.
        befores.sort_unstable_by(|a, b| b.cmp(a));
        let mut candidates: Vec<DutyReminderStep> =
            befores.into_iter().map(DutyReminderStep::Before).collect();
        candidates.push(DutyReminderStep::Due);
        if self.overdue_every_days > 0 {
            let days = (calendar.local_date(now) - calendar.local_date(due_at)).num_days();
            let mut n = u32::try_from(days / i64::from(self.overdue_every_days)).unwrap_or(0);
            while n > 0 && self.fire_at(DutyReminderStep::Overdue(n), due_at, calendar) > now {
                n -= 1;
            }
            if n > 0 {
                candidates.push(DutyReminderStep::Overdue(n));
            }
        }
        candidates
            .into_iter()
            .map(|step| (self.fire_at(step, due_at, calendar), step))
            .filter(|(at, _)| *at <= now)
            .max_by_key(|(at, _)| *at)
            .map(|(_, step)| step)
    }
}

impl CaseReminderStep {
    /// Whether the deadline has passed at this step: the breach and every
    /// later reminder, not the warning; these are copied up (§5).
    pub fn is_overdue(self) -> bool {
        self != CaseReminderStep::Warning
    }

    /// The stable key of the step in the outbox key
    /// (`case:<id>:answer:breach`): `warning`, `breach`, `overdue-2`.
    pub fn key(self) -> String {
        match self {
            CaseReminderStep::Warning => "warning".to_owned(),
            CaseReminderStep::Breach => "breach".to_owned(),
            CaseReminderStep::Overdue(n) => format!("overdue-{n}"),
        }
    }

    /// Reads a key written by [`CaseReminderStep::key`].
    pub fn from_key(key: &str) -> Option<CaseReminderStep> {
        match key {
            "warning" => Some(CaseReminderStep::Warning),
            "breach" => Some(CaseReminderStep::Breach),
            _ => key
                .strip_prefix("overdue-")?
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .map(CaseReminderStep::Overdue),
        }
    }
}

impl CaseReminderPolicy {
    /// When `step` fires for a deadline running from `start` to `due_at`:
    /// the warning once `warn_at_percent` of the time has gone; the breach
    /// at the first instant after `due_at`; the n-th overdue reminder at the
    /// end of the `n × overdue_every_working_days`-th working day after the
    /// due day.
    pub fn fire_at(
        &self,
        step: CaseReminderStep,
        start: DateTime<Utc>,
        due_at: DateTime<Utc>,
        calendar: &Calendar,
    ) -> DateTime<Utc> {
        match step {
            CaseReminderStep::Warning => {
                let span = (due_at - start).num_seconds();
                start
                    + Duration::seconds(span.saturating_mul(i64::from(self.warn_at_percent)) / 100)
            }
            // `is_passed` is `now > due_at`, so the breach is one tick later.
            CaseReminderStep::Breach => due_at + Duration::nanoseconds(1),
            CaseReminderStep::Overdue(n) => {
                let working_days = n.saturating_mul(self.overdue_every_working_days.max(1));
                calendar.end_of_day(
                    calendar.add_working_days(calendar.local_date(due_at), working_days),
                )
            }
        }
    }

    /// The step current at `now` for a deadline running from `start` to
    /// `due_at`, or `None` before the warning. `overdue_every_working_days
    /// = 0` turns the overdue reminders off.
    pub fn latest_step(
        &self,
        start: DateTime<Utc>,
        due_at: DateTime<Utc>,
        now: DateTime<Utc>,
        calendar: &Calendar,
    ) -> Option<CaseReminderStep> {
        if now > due_at {
            if self.overdue_every_working_days > 0 {
                let gone = calendar
                    .working_days_between(calendar.local_date(due_at), calendar.local_date(now));
                let mut n =
                    u32::try_from(gone / i64::from(self.overdue_every_working_days)).unwrap_or(0);
                while n > 0
                    && self.fire_at(CaseReminderStep::Overdue(n), start, due_at, calendar) > now
                {
                    n -= 1;
                }
                if n > 0 {
                    return Some(CaseReminderStep::Overdue(n));
                }
            }
            return Some(CaseReminderStep::Breach);
        }
        let warning = self.fire_at(CaseReminderStep::Warning, start, due_at, calendar);
        (warning <= now).then_some(CaseReminderStep::Warning)
    }
}
