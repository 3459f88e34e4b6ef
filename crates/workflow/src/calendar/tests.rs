//! Tests of the working-day calendar around the holidays of 2026 and 2027.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn t(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn vn() -> Calendar {
    Calendar::vietnam_default()
}

fn one_year(days_off: &[&str], working_days: &[&str]) -> CalendarConfig {
    let mut config = CalendarConfig::vietnam_default();
    config.years.clear();
    config.years.insert(
        "2026".to_owned(),
        YearCalendar {
            version: "2026-test".to_owned(),
            status: YearStatus::Provisional,
            days_off: days_off.iter().map(|s| (*s).to_owned()).collect(),
            working_days: working_days.iter().map(|s| (*s).to_owned()).collect(),
        },
    );
    config
}

#[test]
fn the_shipped_calendar_is_valid() {
    let calendar = Calendar::new(&CalendarConfig::vietnam_default()).unwrap();
    assert_eq!(calendar, vn());
    assert_eq!(calendar.time_zone(), chrono_tz::Asia::Ho_Chi_Minh);
}

#[test]
fn a_config_in_the_shape_of_the_config_file_deserializes() {
    #[derive(serde::Deserialize)]
    struct File {
        calendar: CalendarConfig,
    }
    let text = r#"
        [calendar]
        time_zone = "Asia/Ho_Chi_Minh"

        [calendar.years.2026]
        version = "2026-official"
        status = "official"
        days_off = ["2026-01-01..2026-01-04", "2026-02-14..2026-02-22", "2026-04-25..2026-04-27",
                    "2026-04-30..2026-05-03", "2026-08-29..2026-09-02"]
        working_days = ["2026-01-10"]

        [calendar.years.2027]
        version = "2027-provisional"
        status = "provisional"
        days_off = ["2027-01-01", "2027-02-04..2027-02-10", "2027-04-16", "2027-04-30..2027-05-01",
                    "2027-05-03", "2027-09-01..2027-09-03"]
    "#;
    let file: File = toml::from_str(text).unwrap();
    assert_eq!(file.calendar, CalendarConfig::vietnam_default());
}

#[test]
fn weekends_are_not_working_days_and_weekdays_are() {
    let calendar = vn();
    assert!(calendar.is_working_day(d("2026-03-06")), "Friday");
    assert!(!calendar.is_working_day(d("2026-03-07")), "Saturday");
    assert!(!calendar.is_working_day(d("2026-03-08")), "Sunday");
    assert_eq!(
        calendar.add_working_days(d("2026-03-06"), 1),
        d("2026-03-09")
    );
}

#[test]
fn saturday_10_january_2026_is_a_make_up_working_day() {
    let calendar = vn();
    assert!(
        !calendar.is_working_day(d("2026-01-02")),
        "Friday 2/1 is off in exchange"
    );
    assert!(calendar.is_working_day(d("2026-01-10")));
    assert!(
        !calendar.is_working_day(d("2026-01-17")),
        "an ordinary Saturday"
    );
    assert_eq!(
        calendar.add_working_days(d("2026-01-09"), 1),
        d("2026-01-10")
    );
}

#[test]
fn new_year_2026_pushes_a_limit_from_the_last_day_of_2025() {
    let calendar = vn();
    assert_eq!(
        calendar.add_working_days(d("2025-12-31"), 1),
        d("2026-01-05")
    );
    assert_eq!(calendar.version_for(d("2025-12-31")), "weekends-only-2025");
}

#[test]
fn tet_2026_is_off_from_14_to_22_february() {
    let calendar = vn();
    for day in d("2026-02-14").iter_days().take(9) {
        assert!(!calendar.is_working_day(day), "{day}");
    }
    assert!(calendar.is_working_day(d("2026-02-13")));
    assert!(calendar.is_working_day(d("2026-02-23")));
    assert_eq!(
        calendar.add_working_days(d("2026-02-13"), 1),
        d("2026-02-23")
    );
    assert_eq!(
        calendar.working_days_before(d("2026-02-23"), 1),
        d("2026-02-13")
    );
}

#[test]
fn tet_2027_is_off_from_4_to_10_february() {
    let calendar = vn();
    assert!(calendar.is_working_day(d("2027-02-03")));
    assert!(!calendar.is_working_day(d("2027-02-06")), "mùng 1 Tết");
    assert!(!calendar.is_working_day(d("2027-02-10")));
    assert_eq!(
        calendar.add_working_days(d("2027-02-03"), 1),
        d("2027-02-11")
    );
    assert_eq!(calendar.version_for(d("2027-02-11")), "2027-provisional");
}

#[test]
fn gio_to_2026_has_a_compensatory_monday() {
    let calendar = vn();
    assert!(!calendar.is_working_day(d("2026-04-27")));
    assert_eq!(
        calendar.add_working_days(d("2026-04-24"), 1),
        d("2026-04-28")
    );
}

#[test]
fn thirty_april_and_first_may_2026_close_four_days() {
    let calendar = vn();
    assert!(!calendar.is_working_day(d("2026-04-30")));
    assert!(!calendar.is_working_day(d("2026-05-01")));
    assert_eq!(
        calendar.add_working_days(d("2026-04-29"), 1),
        d("2026-05-04")
    );
}

#[test]
fn thirty_april_and_first_may_2027_give_monday_3_may_off() {
    let calendar = vn();
    assert!(!calendar.is_working_day(d("2027-05-03")));
    assert_eq!(
        calendar.add_working_days(d("2027-04-29"), 1),
        d("2027-05-04")
    );
}

#[test]
fn national_day_2026_closes_29_august_to_2_september() {
    let calendar = vn();
    assert!(!calendar.is_working_day(d("2026-08-31")));
    assert!(!calendar.is_working_day(d("2026-09-02")));
    assert_eq!(
        calendar.add_working_days(d("2026-08-28"), 1),
        d("2026-09-03")
    );
    assert!(!calendar.is_working_day(d("2027-09-02")));
}

#[test]
fn a_limit_crosses_from_2026_into_2027_over_new_year() {
    let calendar = vn();
    assert_eq!(
        calendar.add_working_days(d("2026-12-31"), 1),
        d("2027-01-04")
    );
    assert_eq!(
        calendar.working_days_between(d("2026-12-31"), d("2027-01-04")),
        1
    );
    assert_eq!(
        calendar.working_days_before(d("2027-01-04"), 1),
        d("2026-12-31")
    );
}

#[test]
fn working_days_between_counts_both_ways() {
    let calendar = vn();
    assert_eq!(
        calendar.working_days_between(d("2026-03-02"), d("2026-03-09")),
        5
    );
    assert_eq!(
        calendar.working_days_between(d("2026-03-09"), d("2026-03-02")),
        -5
    );
    assert_eq!(
        calendar.working_days_between(d("2026-03-02"), d("2026-03-02")),
        0
    );
}

#[test]
fn day_boundaries_are_in_vietnam_time() {
    let calendar = vn();
    assert_eq!(
        calendar.local_date(t("2026-03-01T17:30:00Z")),
        d("2026-03-02")
    );
    assert_eq!(
        calendar.end_of_day(d("2026-03-02")),
        t("2026-03-02T23:59:59+07:00")
    );
    assert_eq!(
        calendar.start_of_day(d("2026-03-02")),
        t("2026-03-02T00:00:00+07:00")
    );
    assert_eq!(
        calendar.at_local_hour(d("2026-03-02"), 8),
        t("2026-03-02T08:00:00+07:00")
    );
}

#[test]
fn a_year_without_holidays_counts_weekends_only() {
    let calendar = vn();
    assert_eq!(calendar.version_for(d("2030-06-03")), "weekends-only-2030");
    assert!(calendar.is_working_day(d("2030-01-01")));
}

#[test]
fn a_calendar_with_an_impossible_date_is_refused() {
    let error = Calendar::new(&one_year(&["2026-02-30"], &[])).unwrap_err();
    assert!(
        error.contains("2026-02-30") && error.contains("days_off"),
        "{error}"
    );
    assert!(Calendar::new(&one_year(&["2026-2-3"], &[])).is_err());
}

#[test]
fn a_calendar_with_a_reversed_range_is_refused() {
    let error = Calendar::new(&one_year(&["2026-02-22..2026-02-14"], &[])).unwrap_err();
    assert!(error.contains("2026-02-22..2026-02-14"), "{error}");
}

#[test]
fn a_calendar_with_a_weekday_as_make_up_day_is_refused() {
    let error = Calendar::new(&one_year(&[], &["2026-01-09"])).unwrap_err();
    assert!(
        error.contains("2026-01-09") && error.contains("working_days"),
        "{error}"
    );
}

#[test]
fn a_calendar_with_a_day_off_under_the_wrong_year_is_refused() {
    let error = Calendar::new(&one_year(&["2027-01-01"], &[])).unwrap_err();
    assert!(
        error.contains("2027-01-01") && error.contains("2026"),
        "{error}"
    );
}

#[test]
fn a_calendar_with_a_day_both_off_and_worked_is_refused() {
    let error = Calendar::new(&one_year(&["2026-01-10"], &["2026-01-10"])).unwrap_err();
    assert!(error.contains("2026-01-10"), "{error}");
}

#[test]
fn a_calendar_with_a_year_key_that_is_no_year_is_refused() {
    let mut config = one_year(&[], &[]);
    let year = config.years.remove("2026").unwrap();
    config.years.insert("26".to_owned(), year);
    let error = Calendar::new(&config).unwrap_err();
    assert!(error.contains("«26»"), "{error}");
}

proptest! {
    #[test]
    fn adding_working_days_lands_on_a_working_day_that_far_away(offset in 0u64..900, n in 1u32..60) {
        let calendar = vn();
        let start = d("2025-06-01") + chrono::Days::new(offset);
        let end = calendar.add_working_days(start, n);
        prop_assert!(calendar.is_working_day(end));
        prop_assert_eq!(calendar.working_days_between(start, end), i64::from(n));
        // Counting back lands on `start` itself, or on the last working day
        // before it when `start` is a day off.
        let back = calendar.working_days_before(end, n);
        prop_assert!(back <= start && calendar.is_working_day(back));
        prop_assert_eq!(calendar.working_days_between(back, start), 0);
    }
}
