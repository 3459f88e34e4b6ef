//! Due words before, on and after the due day, over a weekend and over
//! Tết 2026 (days off 14–22/2), and the order of a digest.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;

fn cal() -> Calendar {
    Calendar::vietnam_default()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The end of a local day: when a limit counted in days runs out.
fn end(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    cal().end_of_day(d(y, m, day))
}

/// `hour`:00 local time.
fn at(y: i32, m: u32, day: u32, hour: u32) -> DateTime<Utc> {
    cal().at_local_hour(d(y, m, day), hour)
}

#[test]
fn before_the_due_day_the_working_days_left_are_counted() {
    // Monday 7/12/2026 for Friday 11/12: Tuesday to Friday.
    assert_eq!(
        due_words(end(2026, 12, 11), at(2026, 12, 7, 9), &cal()),
        DueWords::WorkingDaysLeft(4)
    );
    assert_eq!(
        due_words(end(2026, 12, 11), at(2026, 12, 10, 16), &cal()),
        DueWords::WorkingDaysLeft(1)
    );
}

#[test]
fn on_the_due_day_it_is_due_today_until_the_due_time_passes() {
    assert_eq!(
        due_words(end(2026, 12, 11), at(2026, 12, 11, 9), &cal()),
        DueWords::Today
    );
    // A four-hour triage limit that ran out at 14:00.
    assert_eq!(
        due_words(at(2026, 12, 11, 14), at(2026, 12, 11, 16), &cal()),
        DueWords::PassedToday
    );
}

#[test]
fn after_the_due_day_the_calendar_days_overdue_are_counted() {
    // The case the demo showed: due 13/1, read on 18/1.
    assert_eq!(
        due_words(end(2027, 1, 13), at(2027, 1, 18, 9), &cal()),
        DueWords::Overdue(5)
    );
    assert_eq!(
        due_words(end(2026, 12, 11), at(2026, 12, 12, 0), &cal()),
        DueWords::Overdue(1)
    );
}

#[test]
fn a_weekend_is_not_counted_as_working_days_left() {
    // Friday 11/12 for Monday 14/12 and Tuesday 15/12.
    assert_eq!(
        due_words(end(2026, 12, 14), at(2026, 12, 11, 9), &cal()),
        DueWords::WorkingDaysLeft(1)
    );
    assert_eq!(
        due_words(end(2026, 12, 15), at(2026, 12, 11, 9), &cal()),
        DueWords::WorkingDaysLeft(2)
    );
    // Read on the Saturday: Monday is still one working day away.
    assert_eq!(
        due_words(end(2026, 12, 14), at(2026, 12, 12, 9), &cal()),
        DueWords::WorkingDaysLeft(1)
    );
    // Due on a Sunday, read on the Friday before: today is the last
    // working day, never "0 working days left".
    assert_eq!(
        due_words(end(2026, 12, 13), at(2026, 12, 11, 9), &cal()),
        DueWords::WorkingDaysLeft(1)
    );
}

#[test]
fn tet_days_off_are_not_counted_as_working_days_left() {
    // Friday 13/2/2026 for Tuesday 24/2: 14–22/2 are off, so only Monday
    // 23 and Tuesday 24 are left.
    assert_eq!(
        due_words(end(2026, 2, 24), at(2026, 2, 13, 9), &cal()),
        DueWords::WorkingDaysLeft(2)
    );
    // Overdue is counted in days, Tết included: due 13/2, read on 23/2.
    assert_eq!(
        due_words(end(2026, 2, 13), at(2026, 2, 23, 9), &cal()),
        DueWords::Overdue(10)
    );
}

#[test]
fn each_standing_has_its_group() {
    assert_eq!(DueWords::Overdue(3).group(), DigestGroup::Overdue);
    assert_eq!(DueWords::PassedToday.group(), DigestGroup::Overdue);
    assert_eq!(DueWords::Today.group(), DigestGroup::Today);
    assert_eq!(DueWords::WorkingDaysLeft(2).group(), DigestGroup::Upcoming);
}

fn line(subject: &str, due_at: DateTime<Utc>, item: &'static str) -> DigestLine<&'static str> {
    DigestLine {
        subject: subject.to_owned(),
        due_at,
        item,
    }
}

#[test]
fn a_digest_lists_overdue_first_then_today_then_upcoming_each_by_due_time() {
    let now = at(2027, 1, 18, 9);
    let sections = digest_sections(
        vec![
            line("duty:1", end(2027, 1, 25), "upcoming later"),
            line("case:1:answer", end(2027, 1, 13), "overdue 5"),
            line("duty:2", end(2027, 1, 18), "today"),
            line("case:2:answer", end(2027, 1, 20), "upcoming sooner"),
            line("case:3:resolution", end(2027, 1, 4), "overdue 14"),
        ],
        now,
        &cal(),
    );
    let read: Vec<(DigestGroup, Vec<(DueWords, &str)>)> =
        sections.into_iter().map(|s| (s.group, s.items)).collect();
    assert_eq!(
        read,
        vec![
            (
                DigestGroup::Overdue,
                vec![
                    (DueWords::Overdue(14), "overdue 14"),
                    (DueWords::Overdue(5), "overdue 5")
                ]
            ),
            (DigestGroup::Today, vec![(DueWords::Today, "today")]),
            (
                DigestGroup::Upcoming,
                vec![
                    (DueWords::WorkingDaysLeft(2), "upcoming sooner"),
                    (DueWords::WorkingDaysLeft(5), "upcoming later")
                ]
            ),
        ]
    );
}

#[test]
fn a_digest_lists_one_item_per_subject_the_last_given() {
    let now = at(2027, 1, 18, 9);
    let sections = digest_sections(
        vec![
            line("case:1:answer", end(2027, 1, 13), "overdue-1 step"),
            line("case:1:answer", end(2027, 1, 13), "overdue-2 step"),
            line("case:1:resolution", end(2027, 1, 13), "another deadline"),
        ],
        now,
        &cal(),
    );
    assert_eq!(sections.len(), 1);
    assert_eq!(
        sections[0].items,
        vec![
            (DueWords::Overdue(5), "overdue-2 step"),
            (DueWords::Overdue(5), "another deadline")
        ]
    );
}

#[test]
fn an_empty_digest_has_no_section() {
    let none: Vec<DigestLine<()>> = Vec::new();
    assert!(digest_sections(none, at(2027, 1, 18, 9), &cal()).is_empty());
}
