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
fn a_meeting_held_without_the_board_is_recorded_as_such_not_refused() {
    // SPEC §11: the breach of seed 000's rule is recorded for the dashboard.
    let cmd = meeting(people_committee(), vec![court(), front()], now());
    let outcome = run(&case_in(S::Assigned), &liaison_of(court()), cmd).unwrap();
    assert_eq!(outcome.case.state, S::Assigned);
    assert_eq!(outcome.events[0].payload["board_present"], json!(false));
    assert_eq!(outcome.events[0].payload.get("meeting"), None);
    assert!(outcome.notices.is_empty());
}

#[test]
fn a_logged_meeting_may_name_the_meeting_it_records() {
    let cmd = Command::LogMeeting {
        meeting: Some(7),
        held_at: now(),
        chair_unit: board(),
        attendees: vec![court()],
        minutes: "Biên bản.".to_owned(),
    };
    let outcome = run(&case_in(S::Oriented), &board_officer(), cmd).unwrap();
    assert_eq!(outcome.events[0].payload["meeting"], json!(7));
    assert_eq!(outcome.events[0].payload["board_present"], json!(true));
}

fn scheduled(invited: Vec<UnitRef>, starts_at: DateTime<Utc>) -> Command {
    Command::ScheduleMeeting {
        starts_at,
        ends_at: None,
        place: " Hội trường UBND phường ".to_owned(),
        chair_unit: people_committee(),
        invited_units: invited,
        agenda: "Thống nhất phương án.".to_owned(),
    }
}

#[test]
fn a_scheduled_meeting_invites_each_unit_once_and_lasts_two_hours_by_default() {
    let starts = now() + chrono::Duration::days(2);
    let cmd = scheduled(vec![board(), court(), board()], starts);
    let outcome = run(&case_in(S::Responded), &board_officer(), cmd).unwrap();
    assert_eq!(outcome.case.state, S::Responded);
    let payload = &outcome.events[0].payload;
    assert_eq!(payload["invited_units"], json!(["BTGDV-HN", "TAND-KV1"]));
    assert_eq!(payload["place"], "Hội trường UBND phường");
    assert_eq!(
        payload["ends_at"],
        json!(starts + chrono::Duration::hours(crate::MEETING_DEFAULT_HOURS))
    );
    let invited: Vec<_> = outcome
        .notices
        .iter()
        .map(|n| (n.kind, n.recipients.clone()))
        .collect();
    assert_eq!(
        invited,
        vec![
            (
                crate::NoticeKind::MeetingInvitation,
                crate::Recipients::Officers { unit: board().id }
            ),
            (
                crate::NoticeKind::MeetingInvitation,
                crate::Recipients::Unit { unit: court().id }
            ),
        ]
    );
}

#[test]
fn a_meeting_scheduled_without_inviting_the_board_is_refused_in_words() {
    let cmd = scheduled(vec![court(), front()], now() + chrono::Duration::days(1));
    let refused = run(&case_in(S::Assigned), &liaison_of(court()), cmd).unwrap_err();
    assert_eq!(refused, R::MeetingWithoutBoard);
    assert_eq!(refused.field(), Some("invited_units"));
    assert!(
        refused
            .message(crate::Lang::Vi)
            .contains("phải mời đại diện Ban Tuyên giáo")
    );
}

#[test]
fn a_meeting_is_scheduled_ahead_and_ends_after_it_starts() {
    let past = scheduled(vec![board()], now() - chrono::Duration::hours(1));
    let refused = run(&case_in(S::Assigned), &board_officer(), past).unwrap_err();
    assert_eq!(refused.field(), Some("starts_at"));
    let starts = now() + chrono::Duration::days(1);
    let Command::ScheduleMeeting {
        place,
        chair_unit,
        invited_units,
        agenda,
        ..
    } = scheduled(vec![board()], starts)
    else {
        unreachable!()
    };
    let backwards = Command::ScheduleMeeting {
        starts_at: starts,
        ends_at: Some(starts - chrono::Duration::minutes(30)),
        place,
        chair_unit,
        invited_units,
        agenda,
    };
    let refused = run(&case_in(S::Assigned), &board_officer(), backwards).unwrap_err();
    assert_eq!(refused, R::InvalidInput { field: "ends_at" });
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

#[test]
fn setting_a_verdict_date_records_it() {
    let outcome = run(
        &case_in(S::Oriented),
        &liaison_of(court()),
        command(A::SetVerdictDate),
    )
    .unwrap();
    assert_eq!(
        outcome.case.verdict_date,
        NaiveDate::from_ymd_opt(2026, 2, 27)
    );
    assert_eq!(outcome.case.state, S::Oriented);
    assert_eq!(
        outcome.events[0].payload,
        json!({ "verdict_date": "2026-02-27" })
    );
    assert!(outcome.notices.is_empty());
}

#[test]
fn a_verdict_before_the_trial_is_refused_naming_its_field() {
    let early = Command::SetVerdictDate {
        verdict_date: NaiveDate::from_ymd_opt(2026, 2, 24).unwrap(),
    };
    let refused = run(&case_in(S::Oriented), &board_officer(), early).unwrap_err();
    assert_eq!(refused, R::VerdictBeforeTrial);
    assert_eq!(refused.field(), Some("verdict_date"));
    assert_eq!(
        refused.message(crate::Lang::Vi),
        "Ngày tuyên án không được trước ngày xét xử."
    );
    let far = Command::SetVerdictDate {
        verdict_date: NaiveDate::from_ymd_opt(2036, 3, 20).unwrap(),
    };
    assert!(matches!(
        run(&case_in(S::Oriented), &board_officer(), far),
        Err(R::TimeOutOfRange {
            field: "verdict_date",
            ..
        })
    ));
}
