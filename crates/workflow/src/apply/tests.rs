//! One test per input rule of every action, and a case's whole life.

use chrono::{Duration, NaiveDate};
use serde_json::json;

use super::*;
use crate::testkit::*;
use crate::{
    ActionKind as A, CaseState as S, Channel, DeadlineSpec, NoticeKind as N, Priority,
    Recipients as To, Refusal as R, UnitKind, UnitRef, UserId,
};

fn run(case: &Case, actor: &Actor, command: Command) -> Result<Outcome, R> {
    apply(case, actor, command, now(), &policy())
}

fn command(kind: A) -> Command {
    valid_command(kind).unwrap()
}

fn accept(lead: UnitRef, coordinating: Vec<UnitRef>) -> Command {
    Command::Accept {
        sensitivity: crate::Sensitivity::Normal,
        priority: Priority::High,
        lead_unit: lead,
        coordinating_units: coordinating,
        answer_due: None,
    }
}

fn meeting(chair: UnitRef, attendees: Vec<UnitRef>, held_at: DateTime<Utc>) -> Command {
    Command::LogMeeting {
        held_at,
        chair_unit: chair,
        attendees,
        minutes: "Biên bản.".to_owned(),
    }
}

// ----- file -----

#[test]
fn filing_a_report_gives_version_one_an_unsaved_id_and_a_triage_deadline() {
    let outcome = file(&reporter(), file_input(), now(), &policy()).unwrap();
    let case = &outcome.case;
    assert_eq!(
        (case.id, case.code.as_str(), case.version),
        (CaseId::UNSAVED, "", 1)
    );
    assert_eq!(
        (case.state, case.sensitivity, case.priority),
        (S::Reported, Sensitivity::Normal, Priority::High)
    );
    assert_eq!(case.reporter, UserId(10));
    // Medium hotspot risk → triaged as high → one working day.
    let triage = case.triage_due.as_ref().unwrap();
    assert_eq!(triage.at, at("2026-03-03T23:59:59+07:00"));
    assert_eq!(triage.rule_label(), "1wd@2026-official");
    assert!(outcome.notices.is_empty());
}

#[test]
fn a_high_hotspot_risk_is_triaged_within_four_hours() {
    let input = FileInput {
        hotspot_risk: Some(HotspotRisk::High),
        ..file_input()
    };
    let case = file(&board_officer(), input, now(), &policy())
        .unwrap()
        .case;
    assert_eq!(case.priority, Priority::Urgent);
    assert_eq!(case.triage_due.unwrap().at, at("2026-03-02T13:00:00+07:00"));
}

#[test]
fn a_report_without_hotspot_risk_is_triaged_within_two_working_days() {
    let input = FileInput {
        hotspot_risk: None,
        ..file_input()
    };
    let case = file(&liaison_of(people_committee()), input, now(), &policy())
        .unwrap()
        .case;
    assert_eq!(case.triage_due.unwrap().at, at("2026-03-04T23:59:59+07:00"));
}

#[test]
fn the_file_event_carries_the_inputs_by_code() {
    let input = FileInput {
        title: "  Sạt lở  ".to_owned(),
        ..file_input()
    };
    let event = file(&reporter(), input, now(), &policy())
        .unwrap()
        .events
        .remove(0);
    assert_eq!(
        (event.action, event.from, event.to),
        (A::File, None, S::Reported)
    );
    assert_eq!(
        (event.actor, event.unit, event.at),
        (UserId(10), front().id, now())
    );
    assert_eq!(event.payload["title"], "Sạt lở");
    assert_eq!(event.payload["area"], "HN-PX");
    assert_eq!(event.payload["source"], "collaborator");
    assert_eq!(event.payload["hotspot_risk"], "medium");
    assert_eq!(event.payload["people_affected"], 120);
}

#[test]
fn a_reporter_cannot_file_outside_their_commune() {
    let input = FileInput {
        area: other_commune(),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(refused, R::OutsideJurisdiction { action: A::File });
}

#[test]
fn a_board_officer_cannot_file_in_another_province() {
    let input = FileInput {
        area: other_province(),
        ..file_input()
    };
    let refused = file(&board_officer(), input, now(), &policy()).unwrap_err();
    assert_eq!(refused, R::OutsideJurisdiction { action: A::File });
}

#[test]
fn an_admin_or_a_leader_cannot_file() {
    for actor in [admin(), leader()] {
        let refused = file(&actor, file_input(), now(), &policy()).unwrap_err();
        assert_eq!(
            refused,
            R::RoleNotAllowed {
                action: A::File,
                role: actor.role
            }
        );
    }
}

#[test]
fn a_blank_title_is_missing() {
    let input = FileInput {
        title: "   ".to_owned(),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "title" });
}

#[test]
fn a_title_of_301_characters_is_too_long() {
    let input = FileInput {
        title: "ạ".repeat(301),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(
        refused,
        R::InputTooLong {
            field: "title",
            max: 300
        }
    );
}

#[test]
fn a_description_over_twenty_thousand_characters_is_too_long() {
    let input = FileInput {
        description: "x".repeat(20_001),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(
        refused,
        R::InputTooLong {
            field: "description",
            max: 20_000
        }
    );
}

#[test]
fn a_negative_number_of_people_affected_is_invalid() {
    let input = FileInput {
        people_affected: Some(-1),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(
        refused,
        R::InvalidInput {
            field: "people_affected"
        }
    );
    let none = FileInput {
        people_affected: Some(0),
        ..file_input()
    };
    assert!(file(&reporter(), none, now(), &policy()).is_ok());
}

#[test]
fn a_blank_category_is_missing() {
    let input = FileInput {
        category: " ".to_owned(),
        ..file_input()
    };
    let refused = file(&reporter(), input, now(), &policy()).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "category" });
}

// ----- triage -----

#[test]
fn requesting_information_asks_the_reporter() {
    let case = case_in(S::Reported);
    let outcome = run(&case, &board_officer(), command(A::RequestInfo)).unwrap();
    assert_eq!(outcome.case.state, S::NeedsInfo);
    assert_eq!(
        (outcome.case.version, outcome.case.updated_at),
        (case.version + 1, now())
    );
    let notice = &outcome.notices[0];
    assert_eq!(
        (notice.kind, notice.case, &notice.recipients),
        (N::InfoRequested, case.id, &To::User { user: UserId(10) })
    );
    let event = &outcome.events[0];
    assert_eq!((event.from, event.to), (Some(S::Reported), S::NeedsInfo));
    assert_eq!(
        event.payload,
        json!({ "question": "Đề nghị gửi ảnh hiện trường." })
    );
}

#[test]
fn a_blank_question_is_missing() {
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        Command::RequestInfo {
            question: "\n".to_owned(),
        },
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "question" });
}

#[test]
fn a_supplement_restarts_the_triage_clock() {
    let case = case_in(S::NeedsInfo);
    let later = at("2026-03-05T10:00:00+07:00");
    let outcome = apply(&case, &reporter(), command(A::Supplement), later, &policy()).unwrap();
    assert_eq!(outcome.case.state, S::Reported);
    // Still triaged as high (medium risk): one working day from Thursday.
    assert_eq!(
        outcome.case.triage_due.unwrap().at,
        at("2026-03-06T23:59:59+07:00")
    );
    assert_eq!(
        outcome.events[0].payload,
        json!({ "text": "Ảnh chụp ngày 1/3.", "attachments": [7] })
    );
}

#[test]
fn a_supplement_needs_text_or_attachments() {
    let empty = Command::Supplement {
        text: Some("  ".to_owned()),
        attachments: vec![],
    };
    let refused = run(&case_in(S::NeedsInfo), &reporter(), empty).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "text" });
    let files_only = Command::Supplement {
        text: None,
        attachments: vec![3],
    };
    assert!(run(&case_in(S::NeedsInfo), &reporter(), files_only).is_ok());
}

#[test]
fn an_attachment_id_that_is_not_positive_is_invalid() {
    let bad = Command::Supplement {
        text: None,
        attachments: vec![0],
    };
    let refused = run(&case_in(S::NeedsInfo), &reporter(), bad).unwrap_err();
    assert_eq!(
        refused,
        R::InvalidInput {
            field: "attachments"
        }
    );
}

#[test]
fn dismissing_needs_a_reason() {
    let outcome = run(
        &case_in(S::NeedsInfo),
        &board_officer(),
        command(A::Dismiss),
    )
    .unwrap();
    assert_eq!(outcome.case.state, S::Dismissed);
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        Command::Dismiss {
            reason: String::new(),
        },
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "reason" });
}

// ----- merge -----

fn merge_into(target: crate::MergeTarget) -> Command {
    Command::Merge { target }
}

#[test]
fn merging_records_the_target_by_code() {
    let outcome = run(&case_in(S::Reported), &board_officer(), command(A::Merge)).unwrap();
    assert_eq!(outcome.case.state, S::Merged);
    assert_eq!(outcome.case.merged_into, Some(CaseId(99)));
    assert_eq!(
        outcome.events[0].payload,
        json!({ "target": "HN-2026-000099" })
    );
}

#[test]
fn a_case_cannot_be_merged_into_itself() {
    let target = crate::MergeTarget {
        id: CaseId(100),
        ..merge_target()
    };
    let refused = run(&case_in(S::Reported), &board_officer(), merge_into(target));
    assert_eq!(refused.unwrap_err(), R::MergeIntoItself);
}

#[test]
fn a_case_cannot_be_merged_into_a_closed_one() {
    let target = crate::MergeTarget {
        state: S::Closed,
        ..merge_target()
    };
    let refused = run(&case_in(S::Reported), &board_officer(), merge_into(target));
    assert_eq!(
        refused.unwrap_err(),
        R::MergeTargetNotOpen {
            target: "HN-2026-000099".to_owned()
        }
    );
}

#[test]
fn a_case_cannot_be_merged_into_one_of_a_sibling_commune() {
    let target = crate::MergeTarget {
        area: other_commune(),
        ..merge_target()
    };
    let refused = run(&case_in(S::Reported), &board_officer(), merge_into(target));
    assert_eq!(
        refused.unwrap_err(),
        R::MergeTargetOutsideArea {
            target: "HN-2026-000099".to_owned()
        }
    );
}

#[test]
fn a_case_may_be_merged_into_one_of_the_province_above() {
    let target = crate::MergeTarget {
        area: province(),
        ..merge_target()
    };
    assert!(run(&case_in(S::Reported), &board_officer(), merge_into(target)).is_ok());
}

#[test]
fn a_commune_board_cannot_merge_into_a_case_of_the_province() {
    let commune_board = UnitRef {
        id: crate::UnitId(11),
        code: "BXDD-PX".to_owned(),
        kind: UnitKind::Board,
        serves: vec![commune().id],
        active: true,
    };
    let officer = Actor {
        user: UserId(22),
        role: crate::Role::BoardOfficer,
        unit: commune_board,
    };
    let target = crate::MergeTarget {
        area: province(),
        ..merge_target()
    };
    let refused = run(&case_in(S::Reported), &officer, merge_into(target));
    assert_eq!(
        refused.unwrap_err(),
        R::MergeTargetOutsideArea {
            target: "HN-2026-000099".to_owned()
        }
    );
}

// ----- accept -----

#[test]
fn accepting_assigns_the_lead_unit_sets_both_deadlines_and_tells_the_lead_unit() {
    let outcome = run(&case_in(S::Reported), &board_officer(), command(A::Accept)).unwrap();
    let case = &outcome.case;
    assert_eq!(
        (case.state, case.priority, case.sensitivity),
        (S::Assigned, Priority::High, Sensitivity::Complex)
    );
    assert_eq!(case.lead_unit, Some(people_committee()));
    assert_eq!(case.coordinating_units, [court()]);
    // High: 3 working days to answer, 20 to resolve, from Monday 2/3.
    let answer = case.answer_due.as_ref().unwrap();
    assert_eq!(answer.at, at("2026-03-05T23:59:59+07:00"));
    assert_eq!(answer.rule_label(), "3wd@2026-official");
    assert_eq!(
        case.resolution_due.as_ref().unwrap().at,
        at("2026-03-30T23:59:59+07:00")
    );
    assert_eq!(outcome.notices[0].kind, N::CaseAssigned);
    assert_eq!(
        outcome.notices[0].recipients,
        To::Unit {
            unit: people_committee().id
        }
    );
    assert_eq!(
        outcome.events[0].payload,
        json!({
            "sensitivity": "complex", "priority": "high", "lead_unit": "UBND-PX",
            "coordinating_units": ["TAND-KV1"], "answer_due": null,
        })
    );
}

#[test]
fn an_urgent_case_must_be_answered_the_next_working_day() {
    let urgent = Command::Accept {
        sensitivity: Sensitivity::Normal,
        priority: Priority::Urgent,
        lead_unit: court(),
        coordinating_units: vec![],
        answer_due: None,
    };
    let friday = at("2026-03-06T16:00:00+07:00");
    let case = apply(
        &case_in(S::Reported),
        &board_officer(),
        urgent,
        friday,
        &policy(),
    )
    .unwrap()
    .case;
    assert_eq!(case.answer_due.unwrap().at, at("2026-03-09T23:59:59+07:00"));
    let resolution = case.resolution_due.unwrap();
    assert_eq!(
        resolution.rule,
        crate::DeadlineRule::Computed {
            spec: DeadlineSpec::WorkingDays(10),
            calendar_version: "2026-official".to_owned(),
        }
    );
}

#[test]
fn an_answer_due_override_is_recorded_as_an_override() {
    let due = at("2026-03-04T17:00:00+07:00");
    let mut cmd = command(A::Accept);
    if let Command::Accept { answer_due, .. } = &mut cmd {
        *answer_due = Some(due);
    }
    let outcome = run(&case_in(S::Reported), &board_officer(), cmd).unwrap();
    let answer = outcome.case.answer_due.unwrap();
    assert_eq!(
        (answer.at, answer.rule_label()),
        (due, "override".to_owned())
    );
    assert_eq!(outcome.events[0].payload["answer_due"], json!(due));
}

#[test]
fn an_answer_due_override_that_is_not_ahead_is_refused() {
    for due in [now(), now() - Duration::hours(1)] {
        let mut cmd = command(A::Accept);
        if let Command::Accept { answer_due, .. } = &mut cmd {
            *answer_due = Some(due);
        }
        let refused = run(&case_in(S::Reported), &board_officer(), cmd).unwrap_err();
        assert_eq!(
            refused,
            R::DeadlineInPast {
                field: "answer_due"
            }
        );
    }
}

#[test]
fn a_lead_unit_that_is_not_a_state_body_is_refused() {
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        accept(front(), vec![]),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        R::LeadUnitNotStateBody {
            unit: "MTTQ-PX".to_owned()
        }
    );
}

#[test]
fn a_lead_unit_that_does_not_serve_the_area_is_refused() {
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        accept(other_people_committee(), vec![]),
    );
    assert_eq!(
        refused.unwrap_err(),
        R::UnitOutsideArea {
            field: "lead_unit",
            unit: "UBND-PY".to_owned()
        }
    );
}

#[test]
fn an_abolished_unit_can_neither_lead_nor_coordinate() {
    let old = abolished_people_committee();
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        accept(old.clone(), vec![]),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        R::UnitInactive {
            unit: "UBND-CU".to_owned()
        }
    );
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        accept(court(), vec![old]),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        R::UnitInactive {
            unit: "UBND-CU".to_owned()
        }
    );
}

#[test]
fn a_coordinating_unit_that_does_not_serve_the_area_is_refused() {
    let cmd = accept(court(), vec![other_people_committee()]);
    let refused = run(&case_in(S::Reported), &board_officer(), cmd).unwrap_err();
    assert_eq!(
        refused,
        R::UnitOutsideArea {
            field: "coordinating_units",
            unit: "UBND-PY".to_owned()
        }
    );
}

#[test]
fn the_lead_unit_cannot_also_coordinate() {
    let refused = run(
        &case_in(S::Reported),
        &board_officer(),
        accept(court(), vec![court()]),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        R::InvalidInput {
            field: "coordinating_units"
        }
    );
}

#[test]
fn a_coordinating_unit_named_twice_is_kept_once() {
    let cmd = accept(court(), vec![front(), procuracy(), front()]);
    let case = run(&case_in(S::Reported), &board_officer(), cmd)
        .unwrap()
        .case;
    assert_eq!(case.coordinating_units, [front(), procuracy()]);
}

// ----- the agencies' answer, orientation, escalation -----

#[test]
fn answering_in_writing_tells_the_board_of_the_area() {
    let outcome = run(
        &case_in(S::Assigned),
        &liaison_of(court()),
        command(A::Respond),
    )
    .unwrap();
    assert_eq!(outcome.case.state, S::Responded);
    assert_eq!(outcome.notices[0].kind, N::AnswerReceived);
    assert_eq!(
        outcome.notices[0].recipients,
        To::Board { area: commune().id }
    );
    assert_eq!(outcome.events[0].payload["documents"], json!([8]));
}

#[test]
fn a_blank_answer_is_missing() {
    let blank = Command::Respond {
        answer: " ".to_owned(),
        documents: vec![],
    };
    let refused = run(&case_in(S::Assigned), &liaison_of(court()), blank).unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "answer" });
}

#[test]
fn orienting_records_the_channels_by_code_once_each() {
    let mut o = orientation();
    o.channels.push(Channel::Press);
    let outcome = run(&case_in(S::Responded), &board_officer(), Command::Orient(o)).unwrap();
    assert_eq!(outcome.case.state, S::Oriented);
    assert_eq!(
        outcome.events[0].payload["channels"],
        json!(["press", "grassroots_radio"])
    );
}

#[test]
fn an_orientation_needs_a_channel_and_an_audience() {
    let no_channel = crate::Orientation {
        channels: vec![],
        ..orientation()
    };
    let refused = run(
        &case_in(S::Assigned),
        &board_officer(),
        Command::Orient(no_channel),
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "channels" });
    let no_audience = crate::Orientation {
        audience: String::new(),
        ..orientation()
    };
    let refused = run(
        &case_in(S::Assigned),
        &board_officer(),
        Command::AddOrientation(no_audience),
    );
    assert_eq!(refused.unwrap_err(), R::MissingInput { field: "audience" });
}

#[test]
fn escalating_remembers_the_state_and_tells_the_leaders() {
    let outcome = run(
        &case_in(S::Responded),
        &liaison_of(people_committee()),
        command(A::Escalate),
    )
    .unwrap();
    assert_eq!(
        (outcome.case.state, outcome.case.escalated_from),
        (S::Escalated, Some(S::Responded))
    );
    assert_eq!(outcome.notices[0].kind, N::Escalated);
    assert_eq!(
        outcome.notices[0].recipients,
        To::Leaders { area: commune().id }
    );
}

#[test]
fn concluding_returns_to_the_state_escalated_from() {
    let escalated = run(
        &case_in(S::Responded),
        &board_officer(),
        command(A::Escalate),
    )
    .unwrap()
    .case;
    let concluded = run(&escalated, &leader(), command(A::Conclude))
        .unwrap()
        .case;
    assert_eq!(
        (concluded.state, concluded.escalated_from),
        (S::Responded, None)
    );
}

#[test]
fn a_blank_conclusion_is_missing() {
    let blank = Command::Conclude {
        conclusion: "\t".to_owned(),
    };
    let refused = run(&case_in(S::Escalated), &leader(), blank).unwrap_err();
    assert_eq!(
        refused,
        R::MissingInput {
            field: "conclusion"
        }
    );
}

// ----- resolution, publication, closing -----

#[test]
fn reporting_the_resolution_needs_a_new_publication_before_closing() {
    let published = Case {
        result_published: true,
        ..case_in(S::Oriented)
    };
    let resolved = run(
        &published,
        &liaison_of(court()),
        command(A::ReportResolution),
    )
    .unwrap()
    .case;
    assert_eq!(
        (resolved.state, resolved.result_published),
        (S::Resolved, false)
    );
    assert_eq!(
        run(&resolved, &leader(), command(A::Close)).unwrap_err(),
        R::ResultNotPublished
    );
}

#[test]
fn publishing_the_result_tells_the_reporter_and_allows_closing() {
    let outcome = run(
        &case_in(S::Resolved),
        &board_officer(),
        command(A::PublishResult),
    )
    .unwrap();
    assert_eq!(
        (outcome.case.state, outcome.case.result_published),
        (S::Resolved, true)
    );
    assert_eq!(outcome.notices[0].kind, N::ResultPublished);
    assert_eq!(outcome.notices[0].recipients, To::User { user: UserId(10) });
    let closed = run(&outcome.case, &leader(), command(A::Close))
        .unwrap()
        .case;
    assert_eq!(closed.state, S::Closed);
}

#[test]
fn closing_needs_a_remark() {
    let published = Case {
        result_published: true,
        ..case_in(S::Resolved)
    };
    let refused = run(
        &published,
        &leader(),
        Command::Close {
            remark: " ".to_owned(),
        },
    )
    .unwrap_err();
    assert_eq!(refused, R::MissingInput { field: "remark" });
}

#[test]
fn reopening_returns_to_oriented_and_clears_the_publication() {
    for state in [S::Resolved, S::Closed] {
        let case = Case {
            result_published: true,
            ..case_in(state)
        };
        let reopened = run(&case, &leader(), command(A::Reopen)).unwrap().case;
        assert_eq!(
            (reopened.state, reopened.result_published),
            (S::Oriented, false)
        );
    }
}

// ----- non-transition events -----

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
        R::InvalidInput { field: "held_at" }
    );
    let long_ago = meeting(
        people_committee(),
        vec![board()],
        now() - Duration::days(400),
    );
    assert_eq!(
        run(&case_in(S::Assigned), &leader(), long_ago).unwrap_err(),
        R::InvalidInput { field: "held_at" }
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
        R::InvalidInput {
            field: "trial_date"
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

// ----- a whole life -----

#[test]
fn a_case_goes_from_report_to_closure() {
    let mut case = filed();
    let steps: [(Actor, A, S); 7] = [
        (board_officer(), A::Accept, S::Assigned),
        (liaison_of(people_committee()), A::Respond, S::Responded),
        (board_officer(), A::Orient, S::Oriented),
        (
            liaison_of(people_committee()),
            A::ReportResolution,
            S::Resolved,
        ),
        (board_officer(), A::PublishResult, S::Resolved),
        (leader(), A::Close, S::Closed),
        (leader(), A::Reopen, S::Oriented),
    ];
    for (i, (actor, action, to)) in steps.into_iter().enumerate() {
        let before = case.state;
        let when = now() + Duration::hours(i as i64 + 1);
        let outcome = apply(&case, &actor, command(action), when, &policy()).unwrap();
        assert_eq!(outcome.events.len(), 1);
        assert_eq!(
            (outcome.events[0].from, outcome.events[0].to),
            (Some(before), to)
        );
        assert_eq!(outcome.case.version, i as i64 + 2);
        case = outcome.case;
    }
}
