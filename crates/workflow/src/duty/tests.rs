//! Tests of due times, reminder steps and trial duties.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::{Calendar, Period};

fn t(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn p(label: &str) -> Period {
    label.parse().unwrap()
}

fn vn() -> Calendar {
    Calendar::vietnam_default()
}

#[test]
fn the_defaults_are_those_of_the_spec() {
    assert_eq!(DueRule::default().days_after_end, 10);
    let duty = DutyReminderPolicy::default();
    assert_eq!(
        (duty.before_days, duty.overdue_every_days, duty.send_hour),
        (vec![14, 3], 7, 8)
    );
    let case = CaseReminderPolicy::default();
    assert_eq!(
        (case.warn_at_percent, case.overdue_every_working_days),
        (75, 2)
    );
}

#[test]
fn a_quarterly_duty_is_due_ten_days_after_the_quarter() {
    let rule = DueRule::default();
    assert_eq!(
        rule.due_at(p("2026-Q1"), &vn()),
        t("2026-04-10T23:59:59+07:00")
    );
    assert_eq!(
        rule.due_at(p("2026-Q2"), &vn()),
        t("2026-07-10T23:59:59+07:00")
    );
}

#[test]
fn a_due_day_on_a_weekend_moves_to_monday() {
    let rule = DueRule::default();
    // 10/10/2026 is a Saturday; 10/1/2027 a Sunday.
    assert_eq!(
        rule.due_at(p("2026-Q3"), &vn()),
        t("2026-10-12T23:59:59+07:00")
    );
    assert_eq!(
        rule.due_at(p("2026-Q4"), &vn()),
        t("2027-01-11T23:59:59+07:00")
    );
}

#[test]
fn a_monthly_duty_due_in_tet_moves_after_it() {
    // 31/1/2026 + 14 days = Saturday 14/2, first day of Tết.
    let rule = DueRule { days_after_end: 14 };
    assert_eq!(
        rule.due_at(p("2026-01"), &vn()),
        t("2026-02-23T23:59:59+07:00")
    );
}

#[test]
fn duty_reminder_keys_read_back() {
    let steps = [
        DutyReminderStep::Before(14),
        DutyReminderStep::Due,
        DutyReminderStep::Overdue(1),
    ];
    let keys: Vec<String> = steps.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["before-14", "due", "overdue-1"]);
    for step in steps {
        assert_eq!(DutyReminderStep::from_key(&step.key()), Some(step));
    }
    assert_eq!(DutyReminderStep::from_key("overdue-0"), None);
    assert_eq!(DutyReminderStep::from_key("later"), None);
    assert!(DutyReminderStep::Overdue(2).is_overdue());
    assert!(!DutyReminderStep::Due.is_overdue());
}

#[test]
fn duty_reminders_fire_at_eight_in_the_morning() {
    let policy = DutyReminderPolicy::default();
    let due = t("2026-04-10T23:59:59+07:00");
    let fire = |step| policy.fire_at(step, due, &vn());
    assert_eq!(
        fire(DutyReminderStep::Before(14)),
        t("2026-03-27T08:00:00+07:00")
    );
    assert_eq!(
        fire(DutyReminderStep::Before(3)),
        t("2026-04-07T08:00:00+07:00")
    );
    assert_eq!(fire(DutyReminderStep::Due), t("2026-04-10T08:00:00+07:00"));
    assert_eq!(
        fire(DutyReminderStep::Overdue(1)),
        t("2026-04-17T08:00:00+07:00")
    );
    assert_eq!(
        fire(DutyReminderStep::Overdue(2)),
        t("2026-04-24T08:00:00+07:00")
    );
}

#[test]
fn the_latest_duty_step_is_the_last_one_that_fired() {
    let policy = DutyReminderPolicy::default();
    let due = t("2026-04-10T23:59:59+07:00");
    let at = |now| policy.latest_step(due, t(now), &vn());
    assert_eq!(at("2026-03-27T07:59:59+07:00"), None);
    assert_eq!(
        at("2026-03-27T08:00:00+07:00"),
        Some(DutyReminderStep::Before(14))
    );
    assert_eq!(
        at("2026-04-07T09:00:00+07:00"),
        Some(DutyReminderStep::Before(3))
    );
    assert_eq!(at("2026-04-10T08:00:00+07:00"), Some(DutyReminderStep::Due));
    assert_eq!(at("2026-04-17T07:59:00+07:00"), Some(DutyReminderStep::Due));
    assert_eq!(
        at("2026-04-17T08:00:00+07:00"),
        Some(DutyReminderStep::Overdue(1))
    );
    assert_eq!(
        at("2026-05-01T12:00:00+07:00"),
        Some(DutyReminderStep::Overdue(3))
    );
}

#[test]
fn a_scheduler_back_after_downtime_sends_only_the_current_duty_step() {
    let policy = DutyReminderPolicy::default();
    let due = t("2026-04-10T23:59:59+07:00");
    // Down from before the 14-day reminder until the 3-day one had passed.
    assert_eq!(
        policy.latest_step(due, t("2026-04-09T10:00:00+07:00"), &vn()),
        Some(DutyReminderStep::Before(3))
    );
}

#[test]
fn no_overdue_duty_reminders_when_they_are_turned_off() {
    let policy = DutyReminderPolicy {
        overdue_every_days: 0,
        ..DutyReminderPolicy::default()
    };
    let due = t("2026-04-10T23:59:59+07:00");
    assert_eq!(
        policy.latest_step(due, t("2026-06-01T10:00:00+07:00"), &vn()),
        Some(DutyReminderStep::Due)
    );
}

#[test]
fn case_reminder_keys_read_back() {
    for step in [
        CaseReminderStep::Warning,
        CaseReminderStep::Breach,
        CaseReminderStep::Overdue(3),
    ] {
        assert_eq!(CaseReminderStep::from_key(&step.key()), Some(step));
    }
    assert_eq!(CaseReminderStep::Overdue(3).key(), "overdue-3");
    assert_eq!(CaseReminderStep::Breach.key(), "breach");
}

#[test]
fn a_case_deadline_warns_at_three_quarters_of_its_time() {
    let policy = CaseReminderPolicy::default();
    let start = t("2026-03-02T09:00:00+07:00");
    let due = t("2026-03-06T09:00:00+07:00");
    let warning = policy.fire_at(CaseReminderStep::Warning, start, due, &vn());
    assert_eq!(warning, t("2026-03-05T09:00:00+07:00"));
    let at = |now| policy.latest_step(start, due, t(now), &vn());
    assert_eq!(at("2026-03-05T08:59:59+07:00"), None);
    assert_eq!(
        at("2026-03-05T09:00:00+07:00"),
        Some(CaseReminderStep::Warning)
    );
    assert_eq!(
        at("2026-03-06T09:00:00+07:00"),
        Some(CaseReminderStep::Warning)
    );
}

#[test]
fn a_case_deadline_breaches_right_after_its_last_instant_then_repeats_every_two_working_days() {
    let policy = CaseReminderPolicy::default();
    let start = t("2026-03-02T09:00:00+07:00");
    let due = t("2026-03-04T23:59:59+07:00");
    let at = |now| policy.latest_step(start, due, t(now), &vn());
    assert_eq!(
        at("2026-03-04T23:59:59+07:00"),
        Some(CaseReminderStep::Warning)
    );
    assert_eq!(
        at("2026-03-05T00:00:00+07:00"),
        Some(CaseReminderStep::Breach)
    );
    assert_eq!(
        at("2026-03-06T23:59:58+07:00"),
        Some(CaseReminderStep::Breach)
    );
    assert_eq!(
        at("2026-03-06T23:59:59+07:00"),
        Some(CaseReminderStep::Overdue(1))
    );
    // The weekend does not count: Monday 9 and Tuesday 10 are the next two.
    assert_eq!(
        at("2026-03-09T23:59:59+07:00"),
        Some(CaseReminderStep::Overdue(1))
    );
    assert_eq!(
        at("2026-03-10T23:59:59+07:00"),
        Some(CaseReminderStep::Overdue(2))
    );
}

#[test]
fn trial_duties_fall_five_working_days_before_and_three_after_across_tet() {
    // Trial on Thursday 26/2/2026, the week after Tết.
    let duties = trial_duties(d("2026-02-26"), None, &vn());
    assert_eq!(duties.before_due, t("2026-02-12T23:59:59+07:00"));
    assert_eq!(duties.after_due, t("2026-03-03T23:59:59+07:00"));
}

#[test]
fn trial_duties_of_an_ordinary_week() {
    let duties = trial_duties(d("2026-03-13"), None, &vn());
    assert_eq!(duties.before_due, t("2026-03-06T23:59:59+07:00"));
    assert_eq!(duties.after_due, t("2026-03-18T23:59:59+07:00"));
}

#[test]
fn the_after_trial_duty_counts_from_the_verdict_not_the_first_day_of_the_trial() {
    // A trial opening on Friday 13/3/2026 and sitting until its verdict on
    // Thursday 19/3: the information after it is due on Tuesday 24/3, not
    // on Wednesday 18/3 while the trial still sits.
    let duties = trial_duties(d("2026-03-13"), Some(d("2026-03-19")), &vn());
    assert_eq!(duties.before_due, t("2026-03-06T23:59:59+07:00"));
    assert_eq!(duties.after_due, t("2026-03-24T23:59:59+07:00"));
    // Given on the day of the trial, the verdict changes nothing.
    assert_eq!(
        trial_duties(d("2026-03-13"), Some(d("2026-03-13")), &vn()),
        trial_duties(d("2026-03-13"), None, &vn())
    );
}
