//! The place and date line (*Ninh Bình, ngày 04 tháng 12 năm 2026*): both
//! Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP write a day below 10
//! and the months January and February with a leading zero (so that no
//! digit can be added in front of them afterwards), other months without.

use catalogue::{Lang, Tr};
use chrono::{Datelike, NaiveDate};

/// The day as written: `04`, `15`.
pub fn day_number(date: NaiveDate) -> String {
    format!("{:02}", date.day())
}

/// The month as written: `01`, `02`, then `3` … `12`.
pub fn month_number(date: NaiveDate) -> String {
    match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    }
}

/// `place, ngày DD tháng M năm YYYY`.
pub fn date_line(place: &str, date: NaiveDate, lang: Lang) -> String {
    Tr(lang).doc_place_date(place, day_number(date), month_number(date), date.year())
}
