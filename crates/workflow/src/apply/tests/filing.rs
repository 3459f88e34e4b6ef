//! Filing a report: who may, where, and the checks of its input.

use super::*;

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

#[test]
fn the_blanks_of_a_report_are_named_in_form_order() {
    let input = FileInput {
        title: " ".to_owned(),
        description: String::new(),
        area: String::new(),
        category: String::new(),
        ..file_input().with_area(String::new())
    };
    let fields: Vec<_> = input.blanks().iter().filter_map(R::field).collect();
    assert_eq!(fields, ["title", "description", "area", "category"]);
    assert!(file_input().with_area("HN".to_owned()).blanks().is_empty());
}

#[test]
fn a_blank_area_reads_choose_an_area() {
    let blank = R::MissingInput { field: "area" };
    assert_eq!(blank.message(crate::Lang::Vi), "Vui lòng chọn địa bàn.");
    assert_eq!(blank.message(crate::Lang::En), "Please choose an area.");
}
