//! The whole state × action × role table as one reviewed snapshot, so that
//! any change to the rules shows up as a diff (STYLE.md "Tests").
//!
//! Each cell is `ok` or the refusal code, for the canonical actor of the
//! role (a unit with jurisdiction; for the liaison, the lead unit, a court).

use std::fmt::Write;

use crate::rules::check;
use crate::testkit::{canonical_actor, case_in, now, policy, valid_command};
use crate::{ActionKind, Case, CaseState, Role, apply};

/// Every state, with `resolved` twice: before and after `publish_result`.
fn rows() -> Vec<(String, Case)> {
    let mut rows = Vec::new();
    for &state in CaseState::ALL {
        rows.push((state.code().to_owned(), case_in(state)));
        if state == CaseState::Resolved {
            let published = Case {
                result_published: true,
                ..case_in(state)
            };
            rows.push(("resolved+published".to_owned(), published));
        }
    }
    rows
}

fn actions() -> impl Iterator<Item = ActionKind> {
    ActionKind::ALL
        .iter()
        .copied()
        .filter(|a| *a != ActionKind::File)
}

#[test]
fn the_state_action_role_table() {
    let mut table = format!("{:<19} {:<18}", "state", "action");
    for role in Role::ALL {
        write!(table, " {:<21}", role.code()).unwrap();
    }
    table = table.trim_end().to_owned();
    for (label, case) in rows() {
        table.push('\n');
        for action in actions() {
            let mut line = format!("{label:<19} {:<18}", action.code());
            for &role in Role::ALL {
                let cell = match check(&canonical_actor(role), &case, action) {
                    Ok(()) => "ok",
                    Err(refusal) => refusal.code(),
                };
                write!(line, " {cell:<21}").unwrap();
            }
            table.push('\n');
            table.push_str(line.trim_end());
        }
    }
    // The readers of each event follow in the same snapshot (SPEC §10).
    table.push_str("\n\n");
    table.push_str(&crate::audience::tests::the_event_reader_table());
    insta::assert_snapshot!(table);
}

#[test]
fn every_allowed_cell_is_carried_out_with_a_valid_input() {
    for (label, case) in rows() {
        for action in actions() {
            for &role in Role::ALL {
                let actor = canonical_actor(role);
                if check(&actor, &case, action).is_err() {
                    continue;
                }
                let command = valid_command(action).unwrap();
                let outcome = apply(&case, &actor, command, now(), &policy());
                assert!(outcome.is_ok(), "{label} {action} {role}: {outcome:?}");
            }
        }
    }
}
