//! The non-transition events: comments, meetings, progress, trial dates.

use super::*;

#[test]
fn a_comment_keeps_the_state_and_is_recorded() {
    let case = case_in(S::Escalated);
    let outcome = run(&case, &liaison_of(people_committee()), command(A::Comment)).unwrap();
    assert_eq!(
        (outcome.case.state, outcome.case.version),
        (S::Escalated, case.version + 1)
    );
    let event = &outcome.events[0];
    assert_eq!(
        (event.from, event.to, event.action),
        (Some(S::Escalated), S::Escalated, A::Comment)
    );
    assert_eq!(
        event.payload,
        json!({ "text": "Đề nghị đẩy nhanh tiến độ." })
    );
    assert!(outcome.notices.is_empty());
}

#[test]
fn a_progress_update_needs_text() {
    let blank = Command::ProgressUpdate {
        text: String::new(),
    };
    let refused = run(&case_in(S::Oriented), &liaison_of(court()), blank).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "text" });
}

#[test]
fn a_meeting_without_the_board_is_refused() {
    let cmd = meeting(people_committee(), vec![court(), front()], now());
    let refused = run(&case_in(S::Assigned), &liaison_of(court()), cmd).unwrap_err();
    assert_eq!(refused, R::MeetingWithoutBoard);
}

#[test]
fn a_meeting_chaired_by_the_board_counts_the_board_present() {
    let cmd = meeting(board(), vec![court()], now());
    let outcome = run(&case_in(S::Assigned), &board_officer(), cmd).unwrap();
    assert_eq!(outcome.events[0].payload["chair_unit"], "BTGDV-HN");
    assert_eq!(outcome.events[0].payload["attendees"], json!(["TAND-KV1"]));
}

#[test]
fn a_meeting_needs_attendees() {
    let cmd = meeting(board(), vec![], now());
    let refused = run(&case_in(S::Assigned), &board_officer(), cmd).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "attendees" });
}

#[test]
fn a_meeting_may_be_logged_ahead_but_not_years_away() {
    let next_month = meeting(
        people_committee(),
        vec![board()],
        now() + Duration::days(30),
    );
    assert!(run(&case_in(S::Assigned), &leader(), next_month).is_ok());
    let far = meeting(
        people_committee(),
        vec![board()],
        now() + Duration::days(800),
    );
    assert_eq!(
        run(&case_in(S::Assigned), &leader(), far).unwrap_err(),
        R::TimeOutOfRange {
            field: "held_at",
            window: TimeWindow::MEETING
        }
    );
    let long_ago = meeting(
        people_committee(),
        vec![board()],
        now() - Duration::days(400),
    );
    assert_eq!(
        run(&case_in(S::Assigned), &leader(), long_ago).unwrap_err(),
        R::TimeOutOfRange {
            field: "held_at",
            window: TimeWindow::MEETING
        }
    );
}

#[test]
fn setting_a_trial_date_records_it() {
    let outcome = run(
        &case_in(S::Oriented),
        &liaison_of(court()),
        command(A::SetTrialDate),
    )
    .unwrap();
    assert_eq!(
        outcome.case.trial_date,
        NaiveDate::from_ymd_opt(2026, 3, 20)
    );
    assert_eq!(
        outcome.events[0].payload,
        json!({ "trial_date": "2026-03-20" })
    );
}

#[test]
fn a_trial_date_ten_years_ahead_is_refused() {
    let far = Command::SetTrialDate {
        trial_date: NaiveDate::from_ymd_opt(2036, 3, 20).unwrap(),
    };
    let refused = run(&case_in(S::Oriented), &board_officer(), far).unwrap_err();
    assert_eq!(
        refused,
        R::TimeOutOfRange {
            field: "trial_date",
            window: TimeWindow::TRIAL
        }
    );
}

#[test]
fn a_trial_date_on_a_case_without_a_court_is_refused() {
    let case = Case {
        lead_unit: Some(people_committee()),
        coordinating_units: vec![],
        ..case_in(S::Assigned)
    };
    let refused = run(&case, &board_officer(), command(A::SetTrialDate)).unwrap_err();
    assert_eq!(refused, R::NotACourtCase);
}

#[test]
fn further_directed_communication_keeps_the_state() {
    let outcome = run(
        &case_in(S::Resolved),
        &board_officer(),
        command(A::AddOrientation),
    )
    .unwrap();
    assert_eq!(outcome.case.state, S::Resolved);
}

#[test]
fn a_refusal_for_the_role_comes_before_a_refusal_for_the_input() {
    let blank = Command::Dismiss {
        reason: String::new(),
    };
    let refused = run(&case_in(S::Reported), &reporter(), blank).unwrap_err();
    assert_eq!(
        refused,
        R::RoleNotAllowed {
            action: A::Dismiss,
            role: crate::Role::Reporter
        }
    );
}
