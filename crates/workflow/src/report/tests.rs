//! The report arithmetic on small known sets.

use chrono::{TimeZone, Utc};

use super::*;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    // Hours in Hà Nội (UTC+7) of March 2026.
    Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap() - chrono::Duration::hours(7)
}

#[test]
fn the_median_of_an_odd_count_is_the_middle_value() {
    let s = spread(&[5.0, 1.0, 3.0]);
    assert_eq!((s.count, s.median, s.p90), (3, Some(3.0), Some(5.0)));
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
    assert_eq!(spread(&[4.0, 1.0, 2.0, 10.0]).median, Some(3.0));
}

#[test]
fn the_90th_percentile_is_the_nearest_rank() {
    let ten: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(spread(&ten).p90, Some(9.0));
    let eleven: Vec<f64> = (1..=11).map(f64::from).collect();
    assert_eq!(spread(&eleven).p90, Some(10.0));
    assert_eq!(spread(&[7.0]).p90, Some(7.0));
}

#[test]
fn no_durations_give_no_figures() {
    assert_eq!(spread(&[]), Spread::default());
    assert_eq!(spread(&[f64::NAN]).count, 0);
}

#[test]
fn working_days_taken_skip_the_weekend_and_count_from_the_next_day() {
    let calendar = Calendar::vietnam_default();
    // Monday 2/3 → Monday 9/3: five working days.
    assert_eq!(working_days_taken(&calendar, at(2, 9), at(9, 8)), 5);
    // The same day: none.
    assert_eq!(working_days_taken(&calendar, at(2, 9), at(2, 17)), 0);
    // Friday 6/3 → Monday 9/3: one.
    assert_eq!(working_days_taken(&calendar, at(6, 16), at(9, 9)), 1);
}

#[test]
fn working_days_taken_skip_the_holidays_of_the_calendar() {
    let calendar = Calendar::vietnam_default();
    let before_tet = Utc.with_ymd_and_hms(2026, 2, 13, 2, 0, 0).unwrap();
    let after_tet = Utc.with_ymd_and_hms(2026, 2, 23, 2, 0, 0).unwrap();
    // 14–22/2 is Tết: Monday 23/2 is the first working day after Friday 13/2.
    assert_eq!(working_days_taken(&calendar, before_tet, after_tet), 1);
}

#[test]
fn hours_taken_count_to_the_minute() {
    assert_eq!(hours_taken(at(2, 9), at(2, 13)), 4.0);
    assert_eq!(
        hours_taken(at(2, 9), at(2, 9) + chrono::Duration::minutes(90)),
        1.5
    );
}

#[test]
fn a_deadline_met_at_its_last_instant_is_on_time() {
    let due = at(5, 23);
    assert_eq!(
        deadline_outcome(due, Some(due), at(20, 0)),
        DeadlineOutcome::OnTime
    );
    assert_eq!(
        deadline_outcome(due, Some(at(6, 8)), at(20, 0)),
        DeadlineOutcome::Late
    );
}

#[test]
fn an_unmet_deadline_is_overdue_only_once_passed() {
    let due = at(5, 23);
    assert_eq!(
        deadline_outcome(due, None, at(5, 22)),
        DeadlineOutcome::Running
    );
    assert_eq!(
        deadline_outcome(due, None, at(6, 0)),
        DeadlineOutcome::Overdue
    );
}

#[test]
fn a_duty_is_on_time_late_missing_waived_or_not_due() {
    let due = at(10, 23);
    let (before, after) = (at(9, 10), at(12, 10));
    use Compliance::*;
    use DutyStatus as S;
    assert_eq!(
        duty_compliance(S::Submitted, due, Some(before), after),
        OnTime
    );
    assert_eq!(
        duty_compliance(S::Acknowledged, due, Some(after), after),
        Late
    );
    assert_eq!(duty_compliance(S::Pending, due, None, after), Missing);
    assert_eq!(duty_compliance(S::Pending, due, None, before), NotDue);
    assert_eq!(duty_compliance(S::Waived, due, None, after), Waived);
    assert_eq!(duty_compliance(S::Waived, due, Some(after), after), Waived);
}

#[test]
fn fewer_than_three_cases_are_too_few_to_measure() {
    assert!(!enough_to_measure(0));
    assert!(!enough_to_measure(2));
    assert!(enough_to_measure(3));
    assert!(enough_to_measure(40));
}
