//! Accepting a case: the lead and coordinating units and the deadlines.

use super::*;

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
fn an_answer_due_override_years_ahead_is_refused_and_changes_nothing() {
    let far = [
        now() + Duration::days(2 * 366),
        // What serde reads from the JSON of the issue.
        "+10000-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap(),
        DateTime::<Utc>::MAX_UTC,
    ];
    for due in far {
        let mut cmd = command(A::Accept);
        if let Command::Accept { answer_due, .. } = &mut cmd {
            *answer_due = Some(due);
        }
        let refused = run(&case_in(S::Reported), &board_officer(), cmd).unwrap_err();
        assert_eq!(
            refused,
            R::TimeOutOfRange {
                field: "answer_due",
                window: TimeWindow::ANSWER_DUE
            },
            "{due}"
        );
    }
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
