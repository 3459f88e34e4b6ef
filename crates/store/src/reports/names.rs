//! The names a report prints (SPEC §2: "exports print the name valid on
//! the document's date"). A report is a document of the last day of its
//! period — for the annual report, 31 December of its year — or of today
//! while the period is not over; each area and unit is named as it was
//! that day. The dashboard's open cases are no document: they keep
//! today's names.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::directory::name_on;

/// The date of the report of `[from, to)` made at `now`, in `tz`: the
/// period's last day, or `now`'s day if that comes first.
pub(super) fn document_day(to: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> NaiveDate {
    // `to` is exclusive: the last instant counted is just before it.
    let last = (to - Duration::nanoseconds(1))
        .with_timezone(&tz)
        .date_naive();
    last.min(now.with_timezone(&tz).date_naive())
}

/// The name to print of a row named `present` now, with `former` (its
/// `former_names` column): the one of `on`, or `present` without a date.
pub(super) fn shown(present: &str, former: &str, on: Option<NaiveDate>) -> String {
    match on {
        Some(day) => name_on(present, former, day),
        None => present.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_past_year_is_dated_its_last_day_and_this_year_today() {
        let tz = chrono_tz::Asia::Ho_Chi_Minh;
        // 2025 in Hà Nội: [2024-12-31T17:00Z, 2025-12-31T17:00Z).
        let to = Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(document_day(to, later, tz), day("2025-12-31"));
        // 18:00 UTC on 20 May 2025 is already 01:00 on the 21st in Hà Nội.
        let during = Utc.with_ymd_and_hms(2025, 5, 20, 18, 0, 0).unwrap();
        assert_eq!(document_day(to, during, tz), day("2025-05-21"));
        assert_eq!(
            shown("B", r#"[{"name":"A","until":"2025-06-30"}]"#, None),
            "B"
        );
        assert_eq!(
            shown(
                "B",
                r#"[{"name":"A","until":"2025-06-30"}]"#,
                Some(day("2025-05-21"))
            ),
            "A"
        );
    }
}
