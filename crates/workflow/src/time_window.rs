//! How far from now a time that a user types may lie (issue 13, finding 2).
//!
//! A mistyped year (`+10000` for `2026`) was stored, and from then on every
//! list showing the case failed: chrono cannot shift a time near the end of
//! its range to local time, and one database cannot even read it back. So
//! every time a user may type — a deadline, a meeting, a trial date, a
//! report period, a programme's years — must fall in a window around now,
//! wide enough that no real user meets its edge. One rule, one refusal
//! ([`Refusal::TimeOutOfRange`]), whose message says the window in words.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use crate::Refusal;

/// A span of whole years around now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    /// How many years before now the earliest accepted time lies (0: not
    /// before now).
    pub years_before: u32,
    /// How many years after now the latest accepted time lies.
    pub years_after: u32,
}

impl TimeWindow {
    /// `answer_due` of `accept`: ahead of now (an earlier one is
    /// [`Refusal::DeadlineInPast`]) and at most two years ahead. The
    /// longest default is 30 working days; a board giving an agency more
    /// than two years to answer in writing has mistyped the year.
    pub const ANSWER_DUE: TimeWindow = TimeWindow {
        years_before: 0,
        years_after: 2,
    };
    /// `held_at` of `log_meeting`: logged up to a year late, or ahead when
    /// it is scheduled, up to a year; further is a typing mistake.
    pub const MEETING: TimeWindow = TimeWindow {
        years_before: 1,
        years_after: 1,
    };
    /// `starts_at` of `schedule_meeting`: ahead of now, up to a year.
    pub const SCHEDULED: TimeWindow = TimeWindow {
        years_before: 0,
        years_after: 1,
    };
    /// `trial_date` of `set_trial_date`: recorded up to a year late (so the
    /// after-trial duty still arises), up to five years ahead (a large case
    /// can wait years for its first-instance trial; ten would be a typo).
    pub const TRIAL: TimeWindow = TimeWindow {
        years_before: 1,
        years_after: 5,
    };
    /// A report's period (`from`, `to`, the annual report's `year`): thirty
    /// years back covers any archive a province would load, five ahead the
    /// end of a party congress term (a term report up to 2031 asked in
    /// 2026). Beyond, the figures are empty anyway.
    pub const REPORT: TimeWindow = TimeWindow {
        years_before: 30,
        years_after: 5,
    };
    /// The years of a coordination programme (`year`, `to`): its duties
    /// are recorded as far back as reports go, and a term is set up at
    /// most two terms (ten years) ahead.
    pub const PROGRAMME: TimeWindow = TimeWindow {
        years_before: 30,
        years_after: 10,
    };

    /// The earliest accepted time.
    pub fn earliest(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now.checked_sub_months(Months::new(self.years_before.saturating_mul(12)))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// The latest accepted time.
    pub fn latest(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now.checked_add_months(Months::new(self.years_after.saturating_mul(12)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// `at`, the input `field`, if it lies in the window around `now`.
    pub fn check(
        self,
        field: &'static str,
        at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, Refusal> {
        if at < self.earliest(now) || at > self.latest(now) {
            return Err(self.refusal(field));
        }
        Ok(at)
    }

    /// A date, the input `field`, if it lies in the window around `today`
    /// (both local dates).
    pub fn check_date(
        self,
        field: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<NaiveDate, Refusal> {
        let months = |years: u32| Months::new(years.saturating_mul(12));
        let earliest = today.checked_sub_months(months(self.years_before));
        let latest = today.checked_add_months(months(self.years_after));
        let too_early = earliest.is_some_and(|e| date < e);
        let too_late = latest.is_some_and(|l| date > l);
        if too_early || too_late {
            return Err(self.refusal(field));
        }
        Ok(date)
    }

    /// A calendar year, the input `field`, if it is at most `years_before`
    /// years before the year of `today` and `years_after` after it.
    pub fn check_year(
        self,
        field: &'static str,
        year: i32,
        today: NaiveDate,
    ) -> Result<i32, Refusal> {
        let this = i64::from(today.year());
        let year_wide = i64::from(year);
        if year_wide < this - i64::from(self.years_before)
            || year_wide > this + i64::from(self.years_after)
        {
            return Err(self.refusal(field));
        }
        Ok(year)
    }

    fn refusal(self, field: &'static str) -> Refusal {
        Refusal::TimeOutOfRange {
            field,
            window: self,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_answer_due_two_years_ahead_is_accepted_and_a_day_more_is_not() {
        let w = TimeWindow::ANSWER_DUE;
        let edge = Utc.with_ymd_and_hms(2028, 3, 2, 2, 0, 0).unwrap();
        assert_eq!(w.check("answer_due", edge, now()), Ok(edge));
        assert_eq!(
            w.check("answer_due", edge + Duration::days(1), now()),
            Err(Refusal::TimeOutOfRange {
                field: "answer_due",
                window: w
            })
        );
    }

    #[test]
    fn the_year_ten_thousand_and_the_end_of_time_are_refused() {
        // As serde reads them from JSON (RFC 3339 proper has 4-digit years).
        for text in ["+10000-01-01T00:00:00Z", "+262142-12-31T23:59:59Z"] {
            let at: DateTime<Utc> = text.parse().unwrap();
            let refused = TimeWindow::ANSWER_DUE
                .check("answer_due", at, now())
                .unwrap_err();
            assert_eq!(refused.field(), Some("answer_due"));
            assert_eq!(refused.code(), "time_out_of_range");
        }
        let first = DateTime::<Utc>::MIN_UTC;
        assert!(TimeWindow::REPORT.check("from", first, now()).is_err());
    }

    #[test]
    fn a_meeting_a_year_either_side_is_accepted() {
        let w = TimeWindow::MEETING;
        assert!(
            w.check("held_at", now() - Duration::days(365), now())
                .is_ok()
        );
        assert!(
            w.check("held_at", now() + Duration::days(365), now())
                .is_ok()
        );
        assert!(
            w.check("held_at", now() - Duration::days(400), now())
                .is_err()
        );
        assert!(
            w.check("held_at", now() + Duration::days(400), now())
                .is_err()
        );
    }

    #[test]
    fn dates_are_counted_in_calendar_months() {
        let w = TimeWindow::TRIAL;
        let today = day(2026, 3, 2);
        assert!(w.check_date("trial_date", day(2031, 3, 2), today).is_ok());
        assert!(w.check_date("trial_date", day(2031, 3, 3), today).is_err());
        assert!(w.check_date("trial_date", day(2025, 3, 2), today).is_ok());
        assert!(w.check_date("trial_date", day(2025, 3, 1), today).is_err());
    }

    #[test]
    fn a_report_year_is_from_thirty_years_back_to_five_ahead() {
        let w = TimeWindow::REPORT;
        let today = day(2026, 12, 4);
        assert_eq!(w.check_year("year", 1996, today), Ok(1996));
        assert_eq!(w.check_year("year", 2031, today), Ok(2031));
        for year in [1995, 2032, 9999, i32::MIN, i32::MAX] {
            assert!(w.check_year("year", year, today).is_err(), "{year}");
        }
    }
}
