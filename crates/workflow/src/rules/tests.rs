//! One test per rule of design.md "Who may" and "Visibility", and the order
//! in which they are checked.

use super::*;
use crate::testkit::*;
use crate::{ActionKind as A, CaseState as S, Refusal as R, Sensitivity};

fn refusal(actor: &Actor, case: &Case, action: A) -> Option<R> {
    check(actor, case, action).err()
}

#[test]
fn a_reporter_cannot_accept_a_case() {
    let refused = refusal(&reporter(), &case_in(S::Reported), A::Accept);
    assert_eq!(
        refused,
        Some(R::RoleNotAllowed {
            action: A::Accept,
            role: Role::Reporter
        })
    );
}

#[test]
fn an_admin_carries_out_no_case_action() {
    for &state in S::ALL {
        assert!(
            allowed_actions(&admin(), &case_in(state)).is_empty(),
            "{state}"
        );
    }
    let refused = refusal(&admin(), &case_in(S::Assigned), A::Comment);
    assert_eq!(
        refused,
        Some(R::RoleNotAllowed {
            action: A::Comment,
            role: Role::Admin
        })
    );
}

#[test]
fn a_board_officer_of_another_province_cannot_dismiss_a_case() {
    let refused = refusal(&outside_officer(), &case_in(S::Reported), A::Dismiss);
    assert_eq!(refused, Some(R::OutsideJurisdiction { action: A::Dismiss }));
}

#[test]
fn a_board_officer_with_jurisdiction_triages_a_reported_case() {
    let allowed = allowed_actions(&board_officer(), &case_in(S::Reported));
    assert_eq!(
        allowed,
        [
            A::RequestInfo,
            A::Dismiss,
            A::Merge,
            A::Accept,
            A::Reassess,
            A::Forward
        ]
    );
}

#[test]
fn a_liaison_of_a_coordinating_unit_cannot_respond() {
    let refused = refusal(
        &liaison_of(people_committee()),
        &case_in(S::Assigned),
        A::Respond,
    );
    assert_eq!(refused, Some(R::NotLeadUnit { action: A::Respond }));
}

#[test]
fn the_liaison_of_the_lead_unit_may_respond_and_report_the_resolution() {
    let lead = liaison_of(court());
    assert!(check(&lead, &case_in(S::Assigned), A::Respond).is_ok());
    assert!(check(&lead, &case_in(S::Oriented), A::ReportResolution).is_ok());
}

#[test]
fn a_liaison_of_an_uninvolved_unit_cannot_escalate() {
    let refused = refusal(
        &liaison_of(procuracy()),
        &case_in(S::Responded),
        A::Escalate,
    );
    assert_eq!(
        refused,
        Some(R::NotInvolvedUnit {
            action: A::Escalate
        })
    );
}

#[test]
fn a_liaison_of_a_coordinating_unit_may_escalate_comment_and_update_progress() {
    let liaison = liaison_of(people_committee());
    let allowed = allowed_actions(&liaison, &case_in(S::Oriented));
    assert_eq!(
        allowed,
        [A::Escalate, A::Comment, A::LogMeeting, A::ProgressUpdate]
    );
}

#[test]
fn another_reporter_cannot_supplement_a_report() {
    let refused = refusal(&other_reporter(), &case_in(S::NeedsInfo), A::Supplement);
    assert_eq!(refused, Some(R::NotTheReporter));
}

#[test]
fn the_reporter_and_the_board_may_supplement_a_report() {
    assert_eq!(
        allowed_actions(&reporter(), &case_in(S::NeedsInfo)),
        [A::Supplement]
    );
    assert!(check(&board_officer(), &case_in(S::NeedsInfo), A::Supplement).is_ok());
}

#[test]
fn information_cannot_be_requested_on_an_accepted_case() {
    let refused = refusal(&board_officer(), &case_in(S::Assigned), A::RequestInfo);
    assert_eq!(
        refused,
        Some(R::WrongState {
            action: A::RequestInfo,
            state: S::Assigned
        })
    );
}

#[test]
fn the_role_is_checked_before_the_state() {
    let refused = refusal(&reporter(), &case_in(S::Closed), A::Accept);
    assert_eq!(
        refused,
        Some(R::RoleNotAllowed {
            action: A::Accept,
            role: Role::Reporter
        })
    );
}

#[test]
fn the_unit_is_checked_before_the_state() {
    let refused = refusal(&outside_officer(), &case_in(S::Closed), A::Accept);
    assert_eq!(refused, Some(R::OutsideJurisdiction { action: A::Accept }));
    let refused = refusal(&liaison_of(procuracy()), &case_in(S::Closed), A::Respond);
    assert_eq!(refused, Some(R::NotLeadUnit { action: A::Respond }));
}

#[test]
fn a_leader_cannot_close_a_case_before_the_result_is_published() {
    let case = case_in(S::Resolved);
    assert_eq!(
        refusal(&leader(), &case, A::Close),
        Some(R::ResultNotPublished)
    );
    let published = Case {
        result_published: true,
        ..case
    };
    assert!(check(&leader(), &published, A::Close).is_ok());
}

#[test]
fn a_leader_of_another_province_cannot_conclude() {
    let refused = refusal(&outside_leader(), &case_in(S::Escalated), A::Conclude);
    assert_eq!(
        refused,
        Some(R::OutsideJurisdiction {
            action: A::Conclude
        })
    );
    assert!(check(&leader(), &case_in(S::Escalated), A::Conclude).is_ok());
}

#[test]
fn a_trial_date_needs_a_court_among_the_units() {
    let case = Case {
        lead_unit: Some(people_committee()),
        coordinating_units: vec![],
        ..case_in(S::Assigned)
    };
    assert_eq!(
        refusal(&board_officer(), &case, A::SetTrialDate),
        Some(R::NotACourtCase)
    );
}

#[test]
fn only_the_court_among_the_involved_units_may_set_the_trial_date() {
    let case = case_in(S::Assigned);
    let refused = refusal(&liaison_of(people_committee()), &case, A::SetTrialDate);
    assert_eq!(
        refused,
        Some(R::NotInvolvedUnit {
            action: A::SetTrialDate
        })
    );
    assert!(check(&liaison_of(court()), &case, A::SetTrialDate).is_ok());
    assert!(check(&board_officer(), &case, A::SetTrialDate).is_ok());
}

#[test]
fn dismissed_and_merged_cases_allow_nothing() {
    for state in [S::Dismissed, S::Merged] {
        for &role in Role::ALL {
            assert!(allowed_actions(&canonical_actor(role), &case_in(state)).is_empty());
        }
    }
}

#[test]
fn a_closed_case_can_only_be_reopened_by_a_leader() {
    for &role in Role::ALL {
        let allowed = allowed_actions(&canonical_actor(role), &case_in(S::Closed));
        let expected: &[A] = if role == Role::Leader {
            &[A::Reopen]
        } else {
            &[]
        };
        assert_eq!(allowed, expected, "{role}");
    }
}

#[test]
fn a_file_action_on_an_existing_case_is_in_the_wrong_state() {
    let refused = refusal(&board_officer(), &case_in(S::Reported), A::File);
    assert_eq!(
        refused,
        Some(R::WrongState {
            action: A::File,
            state: S::Reported
        })
    );
}

#[test]
fn the_reporter_sees_their_own_case_even_when_sensitive() {
    let case = Case {
        sensitivity: Sensitivity::Sensitive,
        ..case_in(S::Assigned)
    };
    assert!(can_view(&reporter(), &case));
    assert!(!can_view(&other_reporter(), &case));
}

#[test]
fn a_unit_with_jurisdiction_sees_a_normal_case() {
    let case = case_in(S::Assigned);
    assert!(can_view(&other_reporter(), &case));
    assert!(can_view(&liaison_of(procuracy()), &case));
    assert!(can_view(&leader(), &case));
}

#[test]
fn a_unit_of_another_province_does_not_see_a_case() {
    let case = case_in(S::Reported);
    assert!(!can_view(&outside_officer(), &case));
    assert!(!can_view(&outside_leader(), &case));
    assert!(!can_view(&liaison_of(other_people_committee()), &case));
}

#[test]
fn an_admin_sees_normal_cases_but_not_sensitive_ones() {
    let case = case_in(S::Reported);
    assert!(can_view(&admin(), &case));
    let sensitive = Case {
        sensitivity: Sensitivity::Sensitive,
        ..case
    };
    assert!(!can_view(&admin(), &sensitive));
}

#[test]
fn a_sensitive_case_is_seen_by_the_board_leaders_and_involved_units_only() {
    let case = Case {
        sensitivity: Sensitivity::Sensitive,
        ..case_in(S::Oriented)
    };
    assert!(can_view(&board_officer(), &case));
    assert!(can_view(&leader(), &case));
    assert!(can_view(&liaison_of(court()), &case));
    assert!(can_view(&liaison_of(people_committee()), &case));
    assert!(
        !can_view(&liaison_of(procuracy()), &case),
        "has jurisdiction but is not involved"
    );
    assert!(!can_view(&outside_officer(), &case));
}

#[test]
fn the_who_may_table_gives_every_action_a_role_and_admins_none() {
    for &action in A::ALL {
        let permits = who_may(action);
        assert!(!permits.is_empty(), "{action}");
        assert!(permits.iter().all(|p| p.role != Role::Admin), "{action}");
    }
}

#[test]
fn the_public_checks_give_the_same_answers_as_apply() {
    let case = case_in(S::Reported);
    assert_eq!(
        check_action(&reporter(), &case, A::Accept),
        check(&reporter(), &case, A::Accept)
    );
    assert!(check_filing(&reporter(), &commune()).is_ok());
    assert_eq!(
        check_filing(&reporter(), &other_commune()),
        Err(R::OutsideJurisdiction { action: A::File })
    );
    assert_eq!(
        check_filing(&leader(), &commune()),
        Err(R::RoleNotAllowed {
            action: A::File,
            role: Role::Leader
        })
    );
}

#[test]
fn only_an_administrator_manages_the_organisation() {
    assert_eq!(crate::check_administration(&admin()), Ok(()));
    for actor in [reporter(), board_officer(), leader(), liaison_of(court())] {
        assert_eq!(crate::check_administration(&actor), Err(Refusal::AdminOnly));
    }
}

#[test]
fn only_leaders_board_officers_and_administrators_read_the_reports() {
    for actor in [admin(), board_officer(), leader()] {
        assert_eq!(crate::check_reports(&actor), Ok(()));
    }
    for actor in [reporter(), liaison_of(court())] {
        assert_eq!(
            crate::check_reports(&actor),
            Err(Refusal::ReportsNotAllowed)
        );
    }
}

#[test]
fn a_verdict_date_is_set_by_whoever_sets_the_trial_date_once_there_is_one() {
    let case = case_in(S::Resolved);
    assert!(check(&liaison_of(court()), &case, A::SetVerdictDate).is_ok());
    assert!(check(&board_officer(), &case, A::SetVerdictDate).is_ok());
    assert_eq!(
        refusal(&liaison_of(people_committee()), &case, A::SetVerdictDate),
        Some(R::NotInvolvedUnit {
            action: A::SetVerdictDate
        })
    );
    for actor in [leader(), reporter(), admin()] {
        assert!(matches!(
            refusal(&actor, &case, A::SetVerdictDate),
            Some(R::RoleNotAllowed { .. })
        ));
    }
    let untried = Case {
        trial_date: None,
        ..case_in(S::Oriented)
    };
    assert_eq!(
        refusal(&board_officer(), &untried, A::SetVerdictDate),
        Some(R::NoTrialDate)
    );
    assert!(R::NoTrialDate.is_conflict());
    let no_court = Case {
        lead_unit: Some(people_committee()),
        coordinating_units: vec![],
        ..case_in(S::Oriented)
    };
    assert_eq!(
        refusal(&board_officer(), &no_court, A::SetVerdictDate),
        Some(R::NotACourtCase)
    );
}
