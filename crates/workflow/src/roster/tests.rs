use chrono::NaiveDate;

use super::*;
use crate::testkit::{
    admin, board_officer, commune, leader, other_commune, other_province, outside_officer, reporter,
};
use crate::{Lang, Role};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn input() -> CollaboratorInput {
    CollaboratorInput {
        kind: Some("collaborator".into()),
        areas: vec![" HN-PX ".into(), "HN-PY".into(), "HN-PX".into()],
        from: Some("01/01/2026".into()),
        until: Some("2027-12-31".into()),
        active: None,
    }
}

#[test]
fn a_full_input_becomes_a_profile_with_areas_once_and_active_by_default() {
    let p = check_collaborator(&input()).unwrap();
    assert_eq!(p.kind, CollaboratorKind::Collaborator);
    assert_eq!(p.areas, vec!["HN-PX", "HN-PY"]);
    assert_eq!(p.term.from, day(2026, 1, 1));
    assert_eq!(p.term.until, Some(day(2027, 12, 31)));
    assert!(p.active);
    // And back again, unchanged.
    assert_eq!(check_collaborator(&p.to_input()).unwrap(), p);
}

#[test]
fn each_missing_or_bad_field_is_named() {
    let cases: Vec<(CollaboratorInput, Refusal)> = vec![
        (
            CollaboratorInput {
                kind: Some(" ".into()),
                ..input()
            },
            Refusal::MissingInput { field: "kind" },
        ),
        (
            CollaboratorInput {
                kind: Some("spy".into()),
                ..input()
            },
            Refusal::UnknownCode {
                field: "kind",
                code: "spy".into(),
            },
        ),
        (
            CollaboratorInput {
                areas: vec![" ".into()],
                ..input()
            },
            Refusal::MissingInput { field: "areas" },
        ),
        (
            CollaboratorInput {
                from: None,
                ..input()
            },
            Refusal::MissingInput { field: "from" },
        ),
        (
            CollaboratorInput {
                from: Some("31/02/2026".into()),
                ..input()
            },
            Refusal::InvalidInput { field: "from" },
        ),
        (
            CollaboratorInput {
                until: Some("20266-01-01".into()),
                ..input()
            },
            Refusal::InvalidInput { field: "until" },
        ),
        (
            CollaboratorInput {
                until: Some("31/12/2025".into()),
                ..input()
            },
            Refusal::TermEndsBeforeStart,
        ),
    ];
    for (given, expected) in cases {
        assert_eq!(check_collaborator(&given), Err(expected), "{given:?}");
    }
}

#[test]
fn a_one_day_term_and_an_open_ended_one_are_valid() {
    let one = CollaboratorInput {
        until: Some("2026-01-01".into()),
        ..input()
    };
    assert!(check_collaborator(&one).is_ok());
    let open = CollaboratorInput {
        until: Some("".into()),
        ..input()
    };
    assert_eq!(check_collaborator(&open).unwrap().term.until, None);
}

#[test]
fn serving_means_active_and_within_the_term_both_ends_included() {
    let mut p = check_collaborator(&input()).unwrap();
    assert!(!p.is_serving(day(2025, 12, 31)));
    assert!(p.is_serving(day(2026, 1, 1)));
    assert!(p.is_serving(day(2027, 12, 31)));
    assert!(!p.is_serving(day(2028, 1, 1)));
    p.active = false;
    assert!(!p.is_serving(day(2026, 6, 1)));
}

#[test]
fn only_a_reporter_has_a_profile_and_the_refusal_names_the_role() {
    assert!(check_collaborator_user("an@x.vn", Role::Reporter).is_ok());
    let refused = check_collaborator_user("lan@x.vn", Role::Leader).unwrap_err();
    assert_eq!(refused.field(), Some("user"));
    let vi = refused.message(Lang::Vi);
    assert!(vi.contains("lan@x.vn") && vi.contains("Lãnh đạo"), "{vi}");
    let en = refused.message(Lang::En);
    assert!(en.contains("reporter role"), "{en}");
}

#[test]
fn admins_and_board_officers_manage_the_roster_and_no_one_else() {
    assert_eq!(roster_scope(&admin()), Ok(RosterScope::All));
    assert!(matches!(
        roster_scope(&board_officer()),
        Ok(RosterScope::Areas(_))
    ));
    for actor in [reporter(), leader()] {
        assert_eq!(roster_scope(&actor), Err(Refusal::RosterNotAllowed));
        assert!(Refusal::RosterNotAllowed.is_forbidden());
    }
}

#[test]
fn a_board_officer_manages_only_areas_their_unit_serves() {
    let ours = [commune(), other_commune()];
    assert!(check_roster_change(&board_officer(), &[], &ours).is_ok());
    assert_eq!(
        check_roster_change(&outside_officer(), &[], &ours),
        Err(Refusal::AreaOutsideScope {
            area: "HN-PX".into()
        })
    );
    // Nor takes over a profile that covered an area outside their scope.
    assert_eq!(
        check_roster_change(&board_officer(), &[other_province()], &ours),
        Err(Refusal::AreaOutsideScope { area: "HP".into() })
    );
    assert!(check_roster_change(&admin(), &[other_province()], &ours).is_ok());
    // The list shows a profile with one area in scope.
    let scope = roster_scope(&outside_officer()).unwrap();
    assert!(!scope.sees(&ours));
    assert!(scope.sees(&[commune(), other_province()]));
}

#[test]
fn last_month_and_this_month_are_owed_due_on_the_configured_day() {
    let owed = opinion_reports_owed(day(2026, 1, 10), 25);
    assert_eq!(
        owed,
        vec![
            OpinionReportDuty {
                period: "2025-12".into(),
                due_on: day(2025, 12, 25)
            },
            OpinionReportDuty {
                period: "2026-01".into(),
                due_on: day(2026, 1, 25)
            },
        ]
    );
    // A day past 28 is read as 28, so February has it.
    assert_eq!(opinion_report_due_on(2026, 2, 31), day(2026, 2, 28));
}

#[test]
fn a_report_is_owed_by_whoever_serves_today_and_had_begun_by_the_due_day() {
    let p = CollaboratorProfile {
        term: Term {
            from: day(2026, 1, 26),
            until: None,
        },
        ..check_collaborator(&input()).unwrap()
    };
    let [january, february]: [OpinionReportDuty; 2] = opinion_reports_owed(day(2026, 2, 3), 25)
        .try_into()
        .unwrap();
    // Their term began after January's due day: January is not theirs.
    assert!(!january.is_owed_by(&p, day(2026, 2, 3)));
    assert!(february.is_owed_by(&p, day(2026, 2, 3)));
    let resting = CollaboratorProfile {
        active: false,
        ..p.clone()
    };
    assert!(!february.is_owed_by(&resting, day(2026, 2, 3)));
}

#[test]
fn a_period_reads_as_a_month_in_words() {
    assert_eq!(opinion_period_label("2026-11", Lang::Vi), "tháng 11/2026");
    assert_eq!(opinion_period_label("2026-11", Lang::En), "11/2026");
    assert_eq!(opinion_period_label("quick", Lang::Vi), "quick");
}
