//! Reporting periods of the information duties (SPEC §4.1).

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;

coded_enum! {
    /// How often a duty recurs.
    pub enum Cadence {
        /// Hằng tháng.
        Monthly = ("monthly", cadence_monthly),
        /// Hằng quý.
        Quarterly = ("quarterly", cadence_quarterly),
        /// Hằng năm.
        Yearly = ("yearly", cadence_yearly),
    }
}

/// One period of a cadence; its label (`2026-Q4`, `2026-11`, `2026`) is the
/// stable key of a duty instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Period {
    /// A month (1–12).
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// A quarter (1–4).
    Quarter {
        /// Year.
        year: i32,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// A year.
    Year {
        /// Year.
        year: i32,
    },
}

impl From<Period> for String {
    fn from(period: Period) -> String {
        period.to_string()
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year { year } => write!(f, "{year:04}"),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = String;

    fn try_from(label: String) -> Result<Self, Self::Error> {
        label.parse()
    }
}

impl std::str::FromStr for Period {
    type Err = String;

    /// Reads `2026`, `2026-Q4` or `2026-11`; anything else is refused.
    fn from_str(label: &str) -> Result<Self, Self::Err> {
        let refuse = || format!("«{label}»: expected a period such as 2026, 2026-Q4 or 2026-11");
        let digits = |text: &str, len: usize| {
            (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<u32>().ok())
                .flatten()
        };
        let (year_text, rest) = match label.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (label, None),
        };
        let year = digits(year_text, 4)
            .and_then(|y| i32::try_from(y).ok())
            .ok_or_else(refuse)?;
        let period = match rest {
            None => Some(Period::Year { year }),
            Some(rest) => match rest.strip_prefix('Q') {
                Some(quarter) => digits(quarter, 1).and_then(|q| Period::quarter(year, q)),
                None => digits(rest, 2).and_then(|m| Period::month(year, m)),
            },
        };
        period.ok_or_else(refuse)
    }
}

impl Period {
    /// A month, if `month` is 1–12.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        (1..=12)
            .contains(&month)
            .then_some(Period::Month { year, month })
    }

    /// A quarter, if `quarter` is 1–4.
    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        (1..=4)
            .contains(&quarter)
            .then_some(Period::Quarter { year, quarter })
    }

    /// The period of `cadence` that contains `day`.
    pub fn containing(cadence: Cadence, day: NaiveDate) -> Period {
        let year = day.year();
        match cadence {
            Cadence::Monthly => Period::Month {
                year,
                month: day.month(),
            },
            Cadence::Quarterly => Period::Quarter {
                year,
                quarter: (day.month() - 1) / 3 + 1,
            },
            Cadence::Yearly => Period::Year { year },
        }
    }

    /// The cadence this period belongs to.
    pub fn cadence(self) -> Cadence {
        match self {
            Period::Month { .. } => Cadence::Monthly,
            Period::Quarter { .. } => Cadence::Quarterly,
            Period::Year { .. } => Cadence::Yearly,
        }
    }

    /// The first day of the period. Fields out of range (possible only by
    /// building the enum by hand) are clamped rather than panicking.
    pub fn first_day(self) -> NaiveDate {
        let (year, month) = match self {
            Period::Month { year, month } => (year, month.clamp(1, 12)),
            Period::Quarter { year, quarter } => (year, (quarter.clamp(1, 4) - 1) * 3 + 1),
            Period::Year { year } => (year, 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        let first = self.next().first_day();
        first.checked_sub_days(Days::new(1)).unwrap_or(first)
    }

    /// The period right after this one, of the same cadence.
    pub fn next(self) -> Period {
        self.shift(1)
    }

    /// The period right before this one, of the same cadence.
    pub fn prev(self) -> Period {
        self.shift(-1)
    }

    /// Moves by `steps` periods; counting in a flat index keeps the year
    /// carry in one place.
    fn shift(self, steps: i32) -> Period {
        let (per_year, year, index) = match self {
            Period::Month { year, month } => (12, year, month.clamp(1, 12) as i32 - 1),
            Period::Quarter { year, quarter } => (4, year, quarter.clamp(1, 4) as i32 - 1),
            Period::Year { year } => return Period::Year { year: year + steps },
        };
        let flat = year * per_year + index + steps;
        let (year, index) = (
            flat.div_euclid(per_year),
            flat.rem_euclid(per_year) as u32 + 1,
        );
        if per_year == 12 {
            Period::Month { year, month: index }
        } else {
            Period::Quarter {
                year,
                quarter: index,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: &str) -> Period {
        label.parse().unwrap()
    }

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn labels_are_written_and_read_back() {
        for label in ["2026-Q4", "2026-11", "2026", "2027-01", "2026-Q1"] {
            assert_eq!(String::from(p(label)), label);
        }
        assert_eq!(
            p("2026-Q4"),
            Period::Quarter {
                year: 2026,
                quarter: 4
            }
        );
        assert_eq!(
            p("2026-11"),
            Period::Month {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(p("2026"), Period::Year { year: 2026 });
    }

    #[test]
    fn junk_labels_are_refused() {
        for junk in [
            "",
            "26",
            "2026-Q5",
            "2026-Q0",
            "2026-13",
            "2026-00",
            "2026-1",
            "2026-q4",
            "2026-Q4x",
            "x2026",
            "2026-",
            "-2026",
            "2026-11-01",
            "２０２６",
        ] {
            assert!(junk.parse::<Period>().is_err(), "{junk}");
        }
    }

    #[test]
    fn a_period_serializes_as_its_label() {
        assert_eq!(serde_json::to_string(&p("2026-Q4")).unwrap(), "\"2026-Q4\"");
        assert_eq!(
            serde_json::from_str::<Period>("\"2026-11\"").unwrap(),
            p("2026-11")
        );
        assert!(serde_json::from_str::<Period>("\"2026-Q9\"").is_err());
    }

    #[test]
    fn a_quarter_spans_three_months() {
        assert_eq!(p("2026-Q4").first_day(), d("2026-10-01"));
        assert_eq!(p("2026-Q4").last_day(), d("2026-12-31"));
        assert_eq!(p("2026-Q1").last_day(), d("2026-03-31"));
        assert_eq!(p("2028-02").last_day(), d("2028-02-29"));
        assert_eq!(p("2026").last_day(), d("2026-12-31"));
    }

    #[test]
    fn next_and_prev_carry_over_the_year() {
        assert_eq!(p("2026-Q4").next(), p("2027-Q1"));
        assert_eq!(p("2027-Q1").prev(), p("2026-Q4"));
        assert_eq!(p("2026-12").next(), p("2027-01"));
        assert_eq!(p("2026-01").prev(), p("2025-12"));
        assert_eq!(p("2026").next(), p("2027"));
        assert_eq!(p("2026-05").next().prev(), p("2026-05"));
    }

    #[test]
    fn the_period_containing_a_day_has_its_cadence() {
        let day = d("2026-11-15");
        assert_eq!(Period::containing(Cadence::Quarterly, day), p("2026-Q4"));
        assert_eq!(Period::containing(Cadence::Monthly, day), p("2026-11"));
        assert_eq!(Period::containing(Cadence::Yearly, day), p("2026"));
        assert_eq!(
            Period::containing(Cadence::Quarterly, d("2026-03-31")),
            p("2026-Q1")
        );
        assert_eq!(p("2026-Q4").cadence(), Cadence::Quarterly);
        assert_eq!(p("2026-11").cadence(), Cadence::Monthly);
        assert_eq!(p("2026").cadence(), Cadence::Yearly);
    }
}
