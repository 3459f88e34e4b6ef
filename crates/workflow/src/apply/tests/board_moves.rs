//! The board's moves after triage (§11): reassign, reassess, forward, the
//! escalation's opinions and the conclusion notice.

use super::*;
use crate::Opinion;

fn reassign(lead: UnitRef, coordinating: Vec<UnitRef>) -> Command {
    Command::Reassign {
        lead_unit: lead,
        coordinating_units: coordinating,
        reason: " Thuộc thẩm quyền của VKSND. ".to_owned(),
    }
}

#[test]
fn reassigning_hands_the_lead_over_and_tells_both_units() {
    let case = case_in(S::Assigned);
    let later = now() + Duration::days(3);
    let outcome = apply(
        &case,
        &board_officer(),
        reassign(procuracy(), vec![]),
        later,
        &policy(),
    )
    .unwrap();
    assert_eq!(outcome.case.state, S::Assigned);
    assert_eq!(outcome.case.lead_unit, Some(procuracy()));
    assert_eq!(outcome.case.coordinating_units, vec![people_committee()]);
    // The answer is awaited from the new lead: its clock starts again.
    let spec = policy().deadlines.answer.get(case.priority);
    let restarted = Deadline::compute(later, spec, &policy().calendar);
    assert_eq!(outcome.case.answer_due, Some(restarted));
    assert_eq!(
        outcome
            .notices
            .iter()
            .map(|n| (n.kind, n.recipients.clone()))
            .collect::<Vec<_>>(),
        vec![
            (
                N::LeadReassigned,
                To::Unit {
                    unit: procuracy().id
                }
            ),
            (N::LeadReleased, To::Unit { unit: court().id }),
        ]
    );
    assert_eq!(
        outcome.events[0].payload["reason"],
        json!("Thuộc thẩm quyền của VKSND.")
    );
}

#[test]
fn after_reassignment_the_old_lead_may_no_longer_respond() {
    let done = run(
        &case_in(S::Assigned),
        &board_officer(),
        reassign(procuracy(), vec![]),
    )
    .unwrap();
    let refused = run(&done.case, &liaison_of(court()), command(A::Respond)).unwrap_err();
    assert_eq!(refused, R::NotLeadUnit { action: A::Respond });
    assert!(run(&done.case, &liaison_of(procuracy()), command(A::Respond)).is_ok());
}

#[test]
fn reassigning_after_the_answer_keeps_its_deadline_and_may_name_coordinators() {
    let case = case_in(S::Responded);
    let outcome = run(
        &case,
        &board_officer(),
        reassign(procuracy(), vec![court()]),
    )
    .unwrap();
    assert_eq!(outcome.case.answer_due, case.answer_due);
    assert_eq!(outcome.case.coordinating_units, vec![court()]);
}

#[test]
fn reassigning_to_the_same_lead_or_a_non_state_body_is_refused() {
    let case = case_in(S::Oriented);
    let same = run(&case, &board_officer(), reassign(court(), vec![])).unwrap_err();
    assert_eq!(same, R::SameLeadUnit { unit: court().code });
    assert!(
        same.message(crate::Lang::Vi)
            .contains("đang là cơ quan chủ trì")
    );
    let front = run(&case, &board_officer(), reassign(front(), vec![])).unwrap_err();
    assert!(matches!(front, R::LeadUnitNotStateBody { .. }));
}

#[test]
fn reassessing_needs_one_of_the_three_and_recomputes_running_deadlines() {
    let case = case_in(S::Assigned);
    let nothing = Command::Reassess {
        priority: None,
        sensitivity: None,
        hotspot_risk: None,
        reason: "Lý do.".to_owned(),
    };
    assert_eq!(
        run(&case, &board_officer(), nothing).unwrap_err(),
        R::NothingReassessed
    );
    let outcome = run(&case, &board_officer(), command(A::Reassess)).unwrap();
    assert_eq!(outcome.case.priority, Priority::Urgent);
    assert_eq!(outcome.case.hotspot_risk, Some(crate::HotspotRisk::High));
    let d = &policy().deadlines;
    let calendar = &policy().calendar;
    assert_eq!(
        outcome.case.answer_due,
        Some(Deadline::compute(now(), d.answer.urgent, calendar))
    );
    assert_eq!(
        outcome.case.resolution_due,
        Some(Deadline::compute(now(), d.resolution.urgent, calendar))
    );
    assert!(outcome.notices.is_empty());
}

#[test]
fn reassessing_only_the_sensitivity_keeps_the_deadlines() {
    let case = case_in(S::Oriented);
    let sensitive = Command::Reassess {
        priority: None,
        sensitivity: Some(crate::Sensitivity::Sensitive),
        hotspot_risk: None,
        reason: "Có yếu tố tôn giáo.".to_owned(),
    };
    let outcome = run(&case, &board_officer(), sensitive).unwrap();
    assert_eq!(outcome.case.sensitivity, crate::Sensitivity::Sensitive);
    assert_eq!(outcome.case.resolution_due, case.resolution_due);
}

#[test]
fn forwarding_dismisses_and_tells_the_body_and_the_reporter() {
    let outcome = run(&case_in(S::Reported), &board_officer(), command(A::Forward)).unwrap();
    assert_eq!(outcome.case.state, S::Dismissed);
    assert_eq!(
        outcome
            .notices
            .iter()
            .map(|n| (n.kind, n.recipients.clone()))
            .collect::<Vec<_>>(),
        vec![
            (
                N::Forwarded,
                To::Unit {
                    unit: people_committee().id
                }
            ),
            (
                N::ReportForwarded,
                To::User {
                    user: reporter().user
                }
            ),
        ]
    );
    assert_eq!(
        outcome.events[0].payload["to_unit"],
        json!(people_committee().code)
    );
}

#[test]
fn forwarding_to_a_unit_of_another_province_is_refused() {
    let refused = run(
        &case_in(S::NeedsInfo),
        &board_officer(),
        Command::Forward {
            to_unit: other_people_committee(),
            reason: "Lý do.".to_owned(),
        },
    )
    .unwrap_err();
    assert!(matches!(
        refused,
        R::UnitOutsideArea {
            field: "to_unit",
            ..
        }
    ));
}

#[test]
fn dismissing_and_merging_tell_the_reporter() {
    for (kind, notice) in [
        (A::Dismiss, N::ReportDismissed),
        (A::Merge, N::ReportMerged),
    ] {
        let outcome = run(&case_in(S::Reported), &board_officer(), command(kind)).unwrap();
        assert_eq!(outcome.notices.len(), 1);
        assert_eq!(outcome.notices[0].kind, notice);
        assert_eq!(
            outcome.notices[0].recipients,
            To::User {
                user: reporter().user
            }
        );
    }
}

fn opinion(unit: UnitRef, text: &str) -> Opinion {
    Opinion {
        unit,
        opinion: text.to_owned(),
    }
}

#[test]
fn an_escalation_needs_the_opinions_of_two_units() {
    let case = case_in(S::Responded);
    for opinions in [
        vec![opinion(court(), "Giữ nguyên.")],
        vec![opinion(court(), "Giữ nguyên."), opinion(court(), "Chờ.")],
    ] {
        let refused = run(&case, &board_officer(), Command::Escalate { opinions }).unwrap_err();
        assert_eq!(refused, R::OpinionsFromOneUnit);
        assert!(
            refused
                .message(crate::Lang::Vi)
                .contains("ít nhất hai cơ quan")
        );
        assert_eq!(refused.field(), Some("opinions"));
    }
    let blank = Command::Escalate {
        opinions: vec![opinion(court(), "Giữ."), opinion(procuracy(), "  ")],
    };
    assert_eq!(
        run(&case, &board_officer(), blank).unwrap_err(),
        R::MissingInput { field: "opinions" }
    );
    let outcome = run(&case, &board_officer(), command(A::Escalate)).unwrap();
    assert_eq!(
        outcome.events[0].payload["opinions"][1],
        json!({"unit": court().code, "opinion": "Chờ bản án có hiệu lực."})
    );
}

/// The board is a party to the disagreement it reports up (seed 004): its
/// own opinion stands beside the agency's, though the board may not
/// coordinate a case.
#[test]
fn the_board_holds_an_opinion_of_its_own_in_an_escalation() {
    let opinions = vec![
        opinion(board(), "Đề nghị xử lý dứt điểm."),
        opinion(court(), "Chờ bản án có hiệu lực."),
    ];
    let outcome = run(
        &case_in(S::Responded),
        &board_officer(),
        Command::Escalate { opinions },
    )
    .unwrap();
    assert_eq!(
        outcome.events[0].payload["opinions"][0]["unit"],
        json!(board().code)
    );
}

#[test]
fn the_conclusion_notice_goes_to_the_board_the_lead_and_the_coordinating_units() {
    let outcome = run(&case_in(S::Escalated), &leader(), command(A::Conclude)).unwrap();
    let to: Vec<To> = outcome
        .notices
        .iter()
        .filter(|n| n.kind == N::Concluded)
        .map(|n| n.recipients.clone())
        .collect();
    assert_eq!(
        to,
        vec![
            To::Board { area: commune().id },
            To::Unit { unit: court().id },
            To::Unit {
                unit: people_committee().id
            },
        ]
    );
}
