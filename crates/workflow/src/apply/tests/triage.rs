//! Triage: asking for more, supplementing, dismissing and merging.

use super::*;

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
