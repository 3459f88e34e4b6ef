//! The monthly opinion report (SPEC §16): every serving collaborator owes
//! one report per month, due on a configured day of that month (default
//! the 25th), reminded like a unit's duty (§4.1) in the daily digest (§14).

use chrono::{Datelike, Months, NaiveDate};

use super::CollaboratorProfile;
use crate::{Lang, Tr};

/// The due day when none is configured.
pub const DEFAULT_OPINION_REPORT_DAY: u32 = 25;

/// The latest due day a setting may name: every month has it.
pub const MAX_OPINION_REPORT_DAY: u32 = 28;

/// One month's report as owed: its period and due day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpinionReportDuty {
    /// The month, `2026-11`, as `opinion_reports.period` stores it.
    pub period: String,
    /// The day it is due (local).
    pub due_on: NaiveDate,
}

impl OpinionReportDuty {
    /// The month of `day`, due on `due_day` of it.
    fn of_month(day: NaiveDate, due_day: u32) -> OpinionReportDuty {
        OpinionReportDuty {
            period: day.format("%Y-%m").to_string(),
            due_on: opinion_report_due_on(day.year(), day.month(), due_day),
        }
    }

    /// Whether the holder of `profile` owes it as of `today`: they serve
    /// today and their term had begun by the due day.
    pub fn is_owed_by(&self, profile: &CollaboratorProfile, today: NaiveDate) -> bool {
        profile.is_serving(today) && profile.term.from <= self.due_on
    }
}

/// The due day of a month: `due_day` (1–28, a larger one is read as 28).
pub fn opinion_report_due_on(year: i32, month: u32, due_day: u32) -> NaiveDate {
    let day = due_day.clamp(1, MAX_OPINION_REPORT_DAY);
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, 1, day))
        .unwrap_or_default()
}

/// The monthly reports that may be reminded on `today`: last month's
/// (overdue until filed, while this month lasts) and this month's. Whether
/// one is reminded today is the duty reminder policy's step (§4.1).
pub fn opinion_reports_owed(today: NaiveDate, due_day: u32) -> Vec<OpinionReportDuty> {
    let first = today.with_day(1).unwrap_or(today);
    let mut owed = Vec::new();
    if let Some(last_month) = first.checked_sub_months(Months::new(1)) {
        owed.push(OpinionReportDuty::of_month(last_month, due_day));
    }
    owed.push(OpinionReportDuty::of_month(first, due_day));
    owed
}

/// A period `2026-11` in words: "tháng 11/2026", "November 2026"; an
/// unreadable one as it is.
pub fn opinion_period_label(period: &str, lang: Lang) -> String {
    let month = NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d");
    match month {
        Ok(day) => Tr(lang).roster_month(day.month(), day.year()),
        Err(_) => period.to_owned(),
    }
}
