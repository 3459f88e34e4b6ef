//! Reporting periods of the information duties (SPEC §4.1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;

coded_enum! {
    /// How often a duty recurs.
    pub enum Cadence {
        /// Hằng tháng.
        Monthly = ("monthly", "Hằng tháng", "Monthly"),
        /// Hằng quý.
        Quarterly = ("quarterly", "Hằng quý", "Quarterly"),
        /// Hằng năm.
        Yearly = ("yearly", "Hằng năm", "Yearly"),
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
        let _ = period;
        todo!("helper: the label")
    }
}

impl TryFrom<String> for Period {
    type Error = String;

    fn try_from(label: String) -> Result<Self, Self::Error> {
        let _ = label;
        todo!("helper: parse a label")
    }
}

impl Period {
    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        todo!("helper")
    }
}
