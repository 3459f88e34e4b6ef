//! `visibility(actor).admits(case)` is `can_view(actor, case)`: the store
//! decides lists in SQL from the first, single cases with the second.

use proptest::prelude::*;

use super::visibility;
use crate::testkit::*;
use crate::{Actor, AreaRef, Case, Role, Sensitivity, UnitRef, UserId, can_view};

fn units() -> Vec<UnitRef> {
    vec![
        board(),
        committee(),
        people_committee(),
        court(),
        procuracy(),
        front(),
        other_board(),
        other_people_committee(),
        other_committee(),
    ]
}

fn areas() -> Vec<AreaRef> {
    vec![province(), commune(), other_commune(), other_province()]
}

fn actor_strategy() -> impl Strategy<Value = Actor> {
    let roles = Role::ALL.to_vec();
    (0..roles.len(), 0..units().len(), 10i64..14).prop_map(move |(r, u, user)| Actor {
        user: UserId(user),
        role: roles[r],
        unit: units()[u].clone(),
    })
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        0..areas().len(),
        0..Sensitivity::ALL.len(),
        10i64..14,
        proptest::option::of(0..units().len()),
        proptest::collection::vec(0..units().len(), 0..3),
    )
        .prop_map(|(area, sensitivity, reporter, lead, coordinating)| {
            let mut case = filed();
            case.area = areas()[area].clone();
            case.sensitivity = Sensitivity::ALL[sensitivity];
            case.reporter = UserId(reporter);
            case.lead_unit = lead.map(|u| units()[u].clone());
            case.coordinating_units = coordinating
                .into_iter()
                .map(|u| units()[u].clone())
                .collect();
            case
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn visibility_as_data_agrees_with_can_view(actor in actor_strategy(), case in case_strategy()) {
        prop_assert_eq!(visibility(&actor).admits(&case), can_view(&actor, &case));
    }
}

#[test]
fn a_reporter_sees_their_own_sensitive_report_but_no_one_elses() {
    let mut case = filed();
    case.sensitivity = Sensitivity::Sensitive;
    assert!(visibility(&reporter()).admits(&case));
    assert!(!visibility(&other_reporter()).admits(&case));
}

#[test]
fn an_admin_sees_every_normal_case_and_no_sensitive_one() {
    let seen = visibility(&admin());
    assert!(seen.normal.all);
    assert!(seen.sensitive.is_empty());
}

#[test]
fn a_liaison_sees_sensitive_cases_only_of_its_own_unit() {
    let seen = visibility(&liaison_of(court()));
    assert_eq!(seen.sensitive.involved_unit, Some(court().id));
    assert!(seen.sensitive.areas.is_empty());
}
