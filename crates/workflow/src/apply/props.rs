//! Invariants over random sequences of (actor, command) from random
//! starting states: a refusal changes nothing and agrees with the rules
//! table; terminal states stay terminal; every accepted action records one
//! event that matches the transition and bumps the version by exactly one.

use chrono::Duration;
use proptest::prelude::*;

use super::*;
use crate::rules::check;
use crate::testkit::*;
use crate::{ActionKind, Sensitivity, allowed_actions};

fn actors() -> Vec<Actor> {
    vec![
        reporter(),
        other_reporter(),
        board_officer(),
        outside_officer(),
        liaison_of(court()),
        liaison_of(people_committee()),
        liaison_of(procuracy()),
        leader(),
        outside_leader(),
        admin(),
    ]
}

/// A valid command of every kind, then a few with bad input.
fn commands() -> Vec<Command> {
    let mut all: Vec<Command> = ActionKind::ALL
        .iter()
        .filter_map(|k| valid_command(*k))
        .collect();
    all.push(Command::Comment {
        text: "  ".to_owned(),
        share_with_reporter: false,
    });
    all.push(Command::Supplement {
        text: None,
        attachments: vec![],
    });
    all.push(Command::Accept {
        sensitivity: Sensitivity::Sensitive,
        priority: crate::Priority::Urgent,
        lead_unit: front(),
        coordinating_units: vec![],
        answer_due: None,
    });
    all.push(Command::Accept {
        sensitivity: Sensitivity::Normal,
        priority: crate::Priority::Normal,
        lead_unit: court(),
        coordinating_units: vec![],
        answer_due: Some(now() - Duration::days(30)),
    });
    all.push(Command::LogMeeting {
        meeting: None,
        held_at: now(),
        chair_unit: court(),
        attendees: vec![people_committee()],
        minutes: "Biên bản.".to_owned(),
    });
    all.push(Command::Merge {
        target: crate::MergeTarget {
            id: CaseId(100),
            ..merge_target()
        },
    });
    all.push(Command::Orient(crate::Orientation {
        channels: vec![],
        ..orientation()
    }));
    all
}

/// A case in `state`, led by the court or by the People's Committee.
fn start(state: CaseState, court_leads: bool, published: bool, sensitive: bool) -> Case {
    let mut case = case_in(state);
    if case.lead_unit.is_some() && !court_leads {
        case.lead_unit = Some(people_committee());
        case.coordinating_units = vec![procuracy()];
    }
    if state == CaseState::Resolved {
        case.result_published = published;
    }
    if sensitive {
        case.sensitivity = Sensitivity::Sensitive;
    }
    case
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_keep_the_workflow_invariants(
        state in prop::sample::select(CaseState::ALL),
        court_leads in any::<bool>(),
        published in any::<bool>(),
        sensitive in any::<bool>(),
        steps in prop::collection::vec((0usize..10, 0usize..25, 1i64..72), 1..30),
    ) {
        let actors = actors();
        let commands = commands();
        let policy = policy();
        let mut case = start(state, court_leads, published, sensitive);
        let mut when = now();
        for (a, c, hours) in steps {
            let actor = &actors[a % actors.len()];
            let command = commands[c % commands.len()].clone();
            let action = command.kind();
            when += Duration::hours(hours);
            let before = case.clone();
            let checked = check(actor, &case, action);
            prop_assert_eq!(allowed_actions(actor, &case).contains(&action), checked.is_ok());
            let result = apply(&case, actor, command, when, &policy);
            prop_assert_eq!(&case, &before, "apply must not touch its input");
            if case.state.is_terminal() {
                prop_assert!(result.is_err(), "{} accepted {:?} on a {} case", actor.role, action, case.state);
                prop_assert!(allowed_actions(actor, &case).is_empty());
            }
            match result {
                Err(refusal) => match checked {
                    Err(rule) => prop_assert_eq!(refusal, rule),
                    Ok(()) => prop_assert!(
                        !refusal.is_forbidden() && !refusal.is_conflict(),
                        "an input refusal expected, got {:?}", refusal
                    ),
                },
                Ok(outcome) => {
                    prop_assert!(checked.is_ok());
                    prop_assert!(!outcome.events.is_empty());
                    let first = &outcome.events[0];
                    let last = &outcome.events[outcome.events.len() - 1];
                    prop_assert_eq!(first.from, Some(before.state));
                    prop_assert_eq!(last.to, outcome.case.state);
                    prop_assert_eq!(first.action, action);
                    prop_assert!(first.payload.is_object());
                    prop_assert_eq!(outcome.case.version, before.version + 1);
                    prop_assert_eq!(outcome.case.updated_at, when);
                    if action.keeps_state() {
                        prop_assert_eq!(outcome.case.state, before.state);
                    } else {
                        prop_assert_ne!(outcome.case.state, before.state);
                    }
                    prop_assert!(outcome.notices.iter().all(|n| n.case == before.id));
                    case = outcome.case;
                }
            }
        }
    }
}
