//! Deadlines (SPEC §3.4): how long each step may take, by priority, and the
//! instant plus the rule and calendar version that produced it.

use chrono::{DateTime, Days, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::{Calendar, Priority};

/// A length of time as the config writes it: `4h` (clock hours), `2wd`
/// (working days), `10d` (calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum DeadlineSpec {
    /// Clock hours from the event.
    Hours(u32),
    /// Working days, counted from the day after the event, ending at the end
    /// of the last one (BLDS 2015 arts. 147–148).
    WorkingDays(u32),
    /// Calendar days from the day after the event; a limit ending on a
    /// non-working day moves to the end of the next working day.
    CalendarDays(u32),
}

/// A deadline with the rule and calendar version that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The last instant that is still on time.
    pub at: DateTime<Utc>,
    /// The rule that produced it.
    pub rule: DeadlineRule,
}

/// What produced a deadline: the spec and the calendar version, or an
/// explicit override by the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineRule {
    /// Computed from a spec on a calendar version.
    Computed {
        /// The length.
        spec: DeadlineSpec,
        /// The calendar version used, e.g. `2026-official`.
        calendar_version: String,
    },
    /// Set explicitly (the `answer_due` override of `accept`).
    Override,
}

/// One deadline length per priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByPriority {
    /// For `urgent`.
    pub urgent: DeadlineSpec,
    /// For `high`.
    pub high: DeadlineSpec,
    /// For `normal`.
    pub normal: DeadlineSpec,
}

/// The deadline defaults of §3.4 (configurable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlinePolicy {
    /// From `file` to triage.
    pub triage: ByPriority,
    /// From `accept` to the written answer.
    pub answer: ByPriority,
    /// From `accept` to the resolution.
    pub resolution: ByPriority,
}

impl ByPriority {
    /// The spec for a priority.
    pub fn get(&self, priority: Priority) -> DeadlineSpec {
        match priority {
            Priority::Urgent => self.urgent,
            Priority::High => self.high,
            Priority::Normal => self.normal,
        }
    }
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        use DeadlineSpec::{Hours, WorkingDays};
        DeadlinePolicy {
            triage: ByPriority {
                urgent: Hours(4),
                high: WorkingDays(1),
                normal: WorkingDays(2),
            },
            answer: ByPriority {
                urgent: WorkingDays(1),
                high: WorkingDays(3),
                normal: WorkingDays(5),
            },
            resolution: ByPriority {
                urgent: WorkingDays(10),
                high: WorkingDays(20),
                normal: WorkingDays(30),
            },
        }
    }
}

impl Deadline {
    /// Computes the deadline `spec` after `start` on `calendar`.
    ///
    /// Hours run on the clock. Days start the day after the event's local
    /// date and end at 23:59:59 local of the last day (BLDS 2015 arts.
    /// 147–148): working days skip weekends and days off and count make-up
    /// Saturdays; a calendar-day limit ending on a non-working day moves to
    /// the end of the next working day. The calendar version recorded is the
    /// one of the year the deadline ends in.
    pub fn compute(start: DateTime<Utc>, spec: DeadlineSpec, calendar: &Calendar) -> Deadline {
        let at = match spec {
            DeadlineSpec::Hours(n) => start + Duration::hours(i64::from(n)),
            DeadlineSpec::WorkingDays(n) => {
                calendar.end_of_day(calendar.add_working_days(calendar.local_date(start), n))
            }
            DeadlineSpec::CalendarDays(n) => {
                let last = calendar.local_date(start) + Days::new(u64::from(n));
                calendar.end_of_day(calendar.next_working_day_on_or_after(last))
            }
        };
        let calendar_version = calendar.version_for(calendar.local_date(at));
        Deadline {
            at,
            rule: DeadlineRule::Computed {
                spec,
                calendar_version,
            },
        }
    }

    /// Past due at `now` (strictly after the last on-time instant).
    pub fn is_passed(&self, now: DateTime<Utc>) -> bool {
        now > self.at
    }

    /// A short text of the rule for storage and display, e.g.
    /// `2wd@2026-official` or `override`; [`DeadlineRule::parse`] reads it back.
    pub fn rule_label(&self) -> String {
        self.rule.label()
    }
}

impl DeadlineRule {
    /// See [`Deadline::rule_label`].
    pub fn label(&self) -> String {
        match self {
            DeadlineRule::Computed {
                spec,
                calendar_version,
            } => format!("{}@{calendar_version}", String::from(*spec)),
            DeadlineRule::Override => "override".to_owned(),
        }
    }

    /// Reads a label written by [`DeadlineRule::label`].
    pub fn parse(label: &str) -> Option<DeadlineRule> {
        if label == "override" {
            return Some(DeadlineRule::Override);
        }
        let (spec, version) = label.split_once('@')?;
        let spec = DeadlineSpec::try_from(spec.to_owned()).ok()?;
        Some(DeadlineRule::Computed {
            spec,
            calendar_version: version.to_owned(),
        })
    }
}

impl From<DeadlineSpec> for String {
    fn from(spec: DeadlineSpec) -> String {
        match spec {
            DeadlineSpec::Hours(n) => format!("{n}h"),
            DeadlineSpec::WorkingDays(n) => format!("{n}wd"),
            DeadlineSpec::CalendarDays(n) => format!("{n}d"),
        }
    }
}

impl TryFrom<String> for DeadlineSpec {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let t = text.trim();
        let (digits, ctor): (&str, fn(u32) -> DeadlineSpec) = if let Some(d) = t.strip_suffix("wd")
        {
            (d, DeadlineSpec::WorkingDays)
        } else if let Some(d) = t.strip_suffix('h') {
            (d, DeadlineSpec::Hours)
        } else if let Some(d) = t.strip_suffix('d') {
            (d, DeadlineSpec::CalendarDays)
        } else {
            return Err(format!("«{text}»: expected a length like 4h, 2wd or 10d"));
        };
        digits
            .parse::<u32>()
            .map(ctor)
            .map_err(|_| format!("«{text}»: expected a length like 4h, 2wd or 10d"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn due(start: &str, spec: &str) -> Deadline {
        let spec = DeadlineSpec::try_from(spec.to_owned()).unwrap();
        Deadline::compute(t(start), spec, &Calendar::vietnam_default())
    }

    #[test]
    fn an_hours_limit_runs_on_the_clock_even_over_a_weekend() {
        let deadline = due("2026-03-06T22:00:00+07:00", "4h");
        assert_eq!(deadline.at, t("2026-03-07T02:00:00+07:00"));
        assert_eq!(deadline.rule_label(), "4h@2026-official");
    }

    #[test]
    fn a_working_day_limit_starts_the_next_day_and_ends_at_midnight() {
        // Filed Monday 9:00: two working days are Tuesday and Wednesday.
        let deadline = due("2026-03-02T09:00:00+07:00", "2wd");
        assert_eq!(deadline.at, t("2026-03-04T23:59:59+07:00"));
        assert_eq!(deadline.rule_label(), "2wd@2026-official");
    }

    #[test]
    fn a_case_filed_late_at_night_utc_counts_from_its_vietnamese_date() {
        // 18:00 UTC on Sunday is already Monday 1:00 in Hà Nội.
        let deadline = due("2026-03-01T18:00:00Z", "1wd");
        assert_eq!(deadline.at, t("2026-03-03T23:59:59+07:00"));
    }

    #[test]
    fn urgent_high_and_normal_answers_are_due_after_one_three_and_five_working_days() {
        let policy = DeadlinePolicy::default();
        let calendar = Calendar::vietnam_default();
        let start = t("2026-03-02T09:00:00+07:00");
        let at = |p| Deadline::compute(start, policy.answer.get(p), &calendar).at;
        assert_eq!(at(Priority::Urgent), t("2026-03-03T23:59:59+07:00"));
        assert_eq!(at(Priority::High), t("2026-03-05T23:59:59+07:00"));
        assert_eq!(at(Priority::Normal), t("2026-03-09T23:59:59+07:00"));
    }

    #[test]
    fn resolution_deadlines_of_each_priority_skip_the_april_holidays() {
        let policy = DeadlinePolicy::default();
        let calendar = Calendar::vietnam_default();
        let start = t("2026-04-20T09:00:00+07:00");
        let at = |p| Deadline::compute(start, policy.resolution.get(p), &calendar).at;
        // 21–24/4 (4), 28–29/4 (6), 4–7/5 (10).
        assert_eq!(at(Priority::Urgent), t("2026-05-07T23:59:59+07:00"));
        assert_eq!(at(Priority::High), t("2026-05-21T23:59:59+07:00"));
        assert_eq!(at(Priority::Normal), t("2026-06-04T23:59:59+07:00"));
    }

    #[test]
    fn triage_deadlines_follow_the_priority() {
        let policy = DeadlinePolicy::default();
        let calendar = Calendar::vietnam_default();
        let start = t("2026-03-06T15:00:00+07:00");
        let at = |p| Deadline::compute(start, policy.triage.get(p), &calendar).at;
        assert_eq!(at(Priority::Urgent), t("2026-03-06T19:00:00+07:00"));
        assert_eq!(at(Priority::High), t("2026-03-09T23:59:59+07:00"));
        assert_eq!(at(Priority::Normal), t("2026-03-10T23:59:59+07:00"));
    }

    #[test]
    fn a_working_day_limit_over_tet_records_the_year_it_ends_in() {
        let deadline = due("2026-12-30T10:00:00+07:00", "2wd");
        assert_eq!(deadline.at, t("2027-01-04T23:59:59+07:00"));
        assert_eq!(deadline.rule_label(), "2wd@2027-provisional");
        let deadline = due("2026-02-12T10:00:00+07:00", "2wd");
        assert_eq!(deadline.at, t("2026-02-23T23:59:59+07:00"));
    }

    #[test]
    fn a_calendar_day_limit_ending_on_a_holiday_moves_to_the_next_working_day() {
        // 10 days after 20/4/2026 is Thursday 30/4, off until Sunday 3/5.
        let deadline = due("2026-04-20T09:00:00+07:00", "10d");
        assert_eq!(deadline.at, t("2026-05-04T23:59:59+07:00"));
        let deadline = due("2026-03-02T09:00:00+07:00", "3d");
        assert_eq!(deadline.at, t("2026-03-05T23:59:59+07:00"));
    }

    #[test]
    fn a_rule_label_reads_back() {
        let deadline = due("2026-03-02T09:00:00+07:00", "30wd");
        assert_eq!(
            DeadlineRule::parse(&deadline.rule_label()),
            Some(deadline.rule)
        );
        assert_eq!(
            DeadlineRule::parse("override"),
            Some(DeadlineRule::Override)
        );
        assert_eq!(DeadlineRule::parse("2x@v"), None);
    }

    #[test]
    fn a_deadline_is_passed_only_after_its_last_instant() {
        let deadline = due("2026-03-02T09:00:00+07:00", "1wd");
        assert!(!deadline.is_passed(t("2026-03-03T23:59:59+07:00")));
        assert!(deadline.is_passed(t("2026-03-04T00:00:00+07:00")));
    }
}
