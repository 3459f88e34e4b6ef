//! The instants a report query names: an RFC 3339 time, or a date
//! `YYYY-MM-DD` meaning the start of that day in the calendar's time zone.

use chrono::{DateTime, NaiveDate, Utc};
use workflow::Calendar;

use crate::AppError;
use crate::error::Detail;

/// `text` of the query parameter `field` as an instant; a missing or
/// unreadable one is a 422 naming the field.
pub(super) fn parse(
    field: &str,
    text: Option<&str>,
    calendar: &Calendar,
) -> Result<DateTime<Utc>, AppError> {
    let invalid = |detail: Detail| AppError::Invalid {
        field: field.to_owned(),
        detail,
    };
    let text = text
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| invalid(Detail::Missing))?;
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|day| calendar.start_of_day(day))
        .map_err(|_| invalid(Detail::Date))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_date_is_the_start_of_the_day_in_ha_noi() {
        let calendar = Calendar::vietnam_default();
        let at = parse("from", Some("2026-01-01"), &calendar).unwrap();
        assert_eq!(at, Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap());
    }

    #[test]
    fn an_rfc_3339_time_keeps_its_offset() {
        let calendar = Calendar::vietnam_default();
        let at = parse("to", Some("2026-03-02T09:00:00+07:00"), &calendar).unwrap();
        assert_eq!(at, Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap());
    }

    #[test]
    fn a_bad_or_missing_value_names_the_field() {
        let calendar = Calendar::vietnam_default();
        for text in [None, Some(""), Some("31/12/2026"), Some("2026-13-01")] {
            match parse("to", text, &calendar) {
                Err(AppError::Invalid { field, .. }) => assert_eq!(field, "to"),
                other => panic!("{other:?}"),
            }
        }
    }
}
