//! The working-day calendar of SPEC §3.4: Monday–Friday minus the public
//! holidays configured per year, plus make-up working Saturdays, in
//! Asia/Ho_Chi_Minh. Holidays are data because Tết and Giỗ Tổ follow the
//! lunar calendar.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

mod parse;
#[cfg(test)]
mod tests;
mod vietnam;

/// Whether a year's holidays are the published notice or a computed guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    /// From the government's notice for the year.
    Official,
    /// Computed ahead of the notice; may change.
    Provisional,
}

/// One year of the calendar as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearCalendar {
    /// Recorded with every deadline computed on it, e.g. `2026-official`.
    pub version: String,
    /// Official or provisional.
    pub status: YearStatus,
    /// Days off: single dates `2026-04-30` or inclusive ranges
    /// `2026-02-14..2026-02-22`, including compensatory days off.
    pub days_off: Vec<String>,
    /// Weekend days that are working days (make-up days, ngày làm bù).
    #[serde(default)]
    pub working_days: Vec<String>,
}

/// The calendar section of the config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarConfig {
    /// Time zone of every day boundary; `Asia/Ho_Chi_Minh`.
    pub time_zone: Tz,
    /// Years by number (`"2026"`).
    pub years: BTreeMap<String, YearCalendar>,
}

/// A validated calendar, cheap to query.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    tz: Tz,
    days_off: BTreeSet<NaiveDate>,
    working_weekend_days: BTreeSet<NaiveDate>,
    versions: BTreeMap<i32, String>,
}

impl Calendar {
    /// Validates a configured calendar; the error names the bad entry.
    ///
    /// Refused: a year key that is not a year, a malformed date, a reversed
    /// range, a date filed under another year's key, a `working_days` entry
    /// that is not a Saturday or Sunday, a day both off and worked.
    pub fn new(config: &CalendarConfig) -> Result<Calendar, String> {
        let mut calendar = Calendar {
            tz: config.time_zone,
            days_off: BTreeSet::new(),
            working_weekend_days: BTreeSet::new(),
            versions: BTreeMap::new(),
        };
        for (key, year) in &config.years {
            let number = parse::year_key(key)?;
            let at = |list: &str| format!("calendar.years.{key}.{list}");
            if year.version.trim().is_empty() {
                return Err(format!("{}: the version must not be empty", at("version")));
            }
            for entry in &year.days_off {
                for day in
                    parse::entry(entry, number).map_err(|e| format!("{}: {e}", at("days_off")))?
                {
                    calendar.days_off.insert(day);
                }
            }
            for entry in &year.working_days {
                for day in parse::entry(entry, number)
                    .map_err(|e| format!("{}: {e}", at("working_days")))?
                {
                    if !is_weekend(day) {
                        return Err(format!(
                            "{}: «{entry}»: {day} is a {}, not a weekend day; only a Saturday or Sunday can be a make-up working day",
                            at("working_days"),
                            day.weekday()
                        ));
                    }
                    if calendar.days_off.contains(&day) {
                        return Err(format!(
                            "{}: «{entry}»: {day} is also listed as a day off",
                            at("working_days")
                        ));
                    }
                    calendar.working_weekend_days.insert(day);
                }
            }
            calendar
                .versions
                .insert(number, year.version.trim().to_owned());
        }
        Ok(calendar)
    }

    /// The calendar noicom ships with: [`CalendarConfig::vietnam_default`].
    pub fn vietnam_default() -> Calendar {
        // The shipped data is a constant checked by a unit test, so a failure
        // here is a bug in this crate, not bad user input.
        Calendar::new(&CalendarConfig::vietnam_default()).expect("the shipped calendar is valid")
    }

    /// The time zone of day boundaries.
    pub fn time_zone(&self) -> Tz {
        self.tz
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.days_off.contains(&day) {
            return false;
        }
        !is_weekend(day) || self.working_weekend_days.contains(&day)
    }

    /// The version recorded for deadlines ending in `day`'s year
    /// (`weekends-only-YYYY` for a year with no holidays configured).
    pub fn version_for(&self, day: NaiveDate) -> String {
        match self.versions.get(&day.year()) {
            Some(version) => version.clone(),
            None => format!("weekends-only-{}", day.year()),
        }
    }

    /// The local calendar date of an instant.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    /// 23:59:59 local time of `day`: the last instant of a limit ending that
    /// day (BLDS 2015 art. 148).
    pub fn end_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        self.start_of_day(day.succ_opt().unwrap_or(day)) - chrono::Duration::seconds(1)
    }

    /// The first instant of `day`, local time.
    pub fn start_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        self.local_instant(day.and_time(NaiveTime::MIN))
    }

    /// `hour`:00 local time on `day` (hours past 23 are read as 23).
    pub fn at_local_hour(&self, day: NaiveDate, hour: u32) -> DateTime<Utc> {
        let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
        self.local_instant(day.and_time(time))
    }

    /// The `n`-th working day after `day` (`day` itself when `n` is 0): a
    /// limit of `n` working days counted from the day after the event.
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut current = day;
        for _ in 0..n {
            current = self.next_working_day_after(current);
        }
        current
    }

    /// The `n`-th working day before `day` (`day` itself when `n` is 0).
    pub fn working_days_before(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut current = day;
        for _ in 0..n {
            current = step_back(current);
            while !self.is_working_day(current) && current != NaiveDate::MIN {
                current = step_back(current);
            }
        }
        current
    }

    /// The first working day after `day`.
    pub fn next_working_day_after(&self, day: NaiveDate) -> NaiveDate {
        self.next_working_day_on_or_after(step(day))
    }

    /// `day` if it is a working day, else the first working day after it.
    pub fn next_working_day_on_or_after(&self, day: NaiveDate) -> NaiveDate {
        let mut current = day;
        // Days off are a finite list, so a weekday that is not off comes
        // within a few weeks at most.
        while !self.is_working_day(current) {
            let next = step(current);
            if next == current {
                break;
            }
            current = next;
        }
        current
    }

    /// The working days `d` with `from < d <= to`; negative (the days in
    /// `to < d <= from`) when `to` is before `from`. The inverse of
    /// [`Calendar::add_working_days`].
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0;
        let mut current = low;
        while current < high {
            current = step(current);
            if self.is_working_day(current) {
                count += 1;
            }
        }
        sign * count
    }

    /// A local wall-clock time as an instant. A time skipped by a clock
    /// change (never in Asia/Ho_Chi_Minh today, but the zone is data) moves
    /// forward to the first time that exists; a repeated one takes the first.
    fn local_instant(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let mut probe = local;
        for _ in 0..48 {
            if let Some(at) = self.tz.from_local_datetime(&probe).earliest() {
                return at.with_timezone(&Utc);
            }
            probe += chrono::Duration::minutes(30);
        }
        Utc.from_utc_datetime(&local)
    }
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The next date; the calendar never gets near the end of chrono's range.
fn step(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

fn step_back(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(1)).unwrap_or(day)
}
