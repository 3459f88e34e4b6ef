//! The calendar noicom ships with: Vietnam's public holidays for 2026
//! (official) and 2027 (provisional).
//!
//! Sources and assumptions (SPEC §3.4):
//! - 2026 is the schedule for civil servants as published and quoted in
//!   SPEC §3.4 (public holidays of Labour Code 2019 art. 112, with the days
//!   swapped or compensated by the year's notice): 1–4/1 off with
//!   Saturday 10/1 worked in exchange; Tết Nguyên đán 14–22/2; Giỗ Tổ Hùng
//!   Vương 10/3 lunar = Sunday 26/4, so 25–27/4 with Monday 27/4
//!   compensatory; 30/4–3/5; Quốc khánh five days 29/8–2/9, whose exact
//!   dates the year's notice must still confirm.
//! - 2027 is provisional, from computed lunar dates (mùng 1 Tết =
//!   Saturday 6/2/2027, Giỗ Tổ = Friday 16/4/2027): 1/1; Tết 4–10/2;
//!   16/4; 30/4–1/5 with Monday 3/5 compensatory for 1/5 falling on a
//!   Saturday; Quốc khánh 1–3/9. Replace it when the notice is published.
//!
//! Admins edit the `[calendar]` section of the config; this is only the
//! default it starts from.

use std::collections::BTreeMap;

use super::{CalendarConfig, YearCalendar, YearStatus};

/// One shipped year: key, version, status, days off, make-up working days.
type ShippedYear = (
    &'static str,
    &'static str,
    YearStatus,
    &'static [&'static str],
    &'static [&'static str],
);

const YEARS: &[ShippedYear] = &[
    (
        "2026",
        "2026-official",
        YearStatus::Official,
        &[
            "2026-01-01..2026-01-04",
            "2026-02-14..2026-02-22",
            "2026-04-25..2026-04-27",
            "2026-04-30..2026-05-03",
            "2026-08-29..2026-09-02",
        ],
        &["2026-01-10"],
    ),
    (
        "2027",
        "2027-provisional",
        YearStatus::Provisional,
        &[
            "2027-01-01",
            "2027-02-04..2027-02-10",
            "2027-04-16",
            "2027-04-30..2027-05-01",
            "2027-05-03",
            "2027-09-01..2027-09-03",
        ],
        &[],
    ),
];

impl CalendarConfig {
    /// The shipped calendar: Asia/Ho_Chi_Minh, 2026 official, 2027
    /// provisional (see the module documentation for the sources).
    pub fn vietnam_default() -> CalendarConfig {
        let years: BTreeMap<String, YearCalendar> = YEARS
            .iter()
            .map(|(key, version, status, days_off, working_days)| {
                let year = YearCalendar {
                    version: (*version).to_owned(),
                    status: *status,
                    days_off: days_off.iter().map(|d| (*d).to_owned()).collect(),
                    working_days: working_days.iter().map(|d| (*d).to_owned()).collect(),
                };
                ((*key).to_owned(), year)
            })
            .collect();
        CalendarConfig {
            time_zone: chrono_tz::Asia::Ho_Chi_Minh,
            years,
        }
    }
}
