use std::collections::BTreeSet;

use super::*;
use crate::testkit::{canonical_actor, case_in, file_input, now, policy, valid_command};
use crate::{ActionKind, CaseState, Role, allowed_actions, apply, file};

/// The names an action's input or event may hold: its form's fields, its
/// files field and the facts its rules find.
fn named(kind: ActionKind) -> BTreeSet<&'static str> {
    kind.form()
        .iter()
        .chain(kind.found())
        .map(|f| f.name())
        .chain(kind.files_field())
        .collect()
}

fn keys(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|m| m.keys().filter(|k| *k != "action").cloned().collect())
        .unwrap_or_default()
}

#[test]
fn every_action_input_holds_exactly_the_fields_of_its_form() {
    for kind in ActionKind::ALL {
        let Some(command) = valid_command(*kind) else {
            continue;
        };
        let json = serde_json::to_value(&command).unwrap();
        let named: BTreeSet<String> = named(*kind).into_iter().map(str::to_owned).collect();
        // An unticked box is left out of the input.
        let required: BTreeSet<String> = kind
            .form()
            .iter()
            .filter(|f| f.widget() != Widget::Flag)
            .map(|f| f.name().to_owned())
            .chain(kind.files_field().map(str::to_owned))
            .collect();
        let keys = keys(&json);
        assert!(
            keys.is_subset(&named),
            "{kind:?}: {keys:?} beyond {named:?}"
        );
        assert!(
            required.is_subset(&keys),
            "{kind:?}: {required:?} beyond {keys:?}"
        );
    }
}

#[test]
fn every_field_an_event_records_has_a_label_on_the_timeline() {
    let filed = file(
        &canonical_actor(Role::Reporter),
        file_input(),
        now(),
        &policy(),
    )
    .unwrap();
    let mut recorded = vec![(ActionKind::File, filed.events[0].payload.clone())];
    for kind in ActionKind::ALL {
        let Some(command) = valid_command(*kind) else {
            continue;
        };
        // Closing needs the result published first.
        let cases = CaseState::ALL.iter().flat_map(|state| {
            let mut published = case_in(*state);
            published.result_published = true;
            [case_in(*state), published]
        });
        let done = cases.into_iter().find_map(|case| {
            Role::ALL.iter().find_map(|role| {
                let actor = canonical_actor(*role);
                if !allowed_actions(&actor, &case).contains(kind) {
                    return None;
                }
                apply(&case, &actor, command.clone(), now(), &policy()).ok()
            })
        });
        let done = done.unwrap_or_else(|| panic!("{kind:?} was never carried out"));
        recorded.push((*kind, done.events[0].payload.clone()));
    }
    for (kind, payload) in recorded {
        let named: BTreeSet<String> = named(kind).into_iter().map(str::to_owned).collect();
        let unlabelled: Vec<_> = keys(&payload).difference(&named).cloned().collect();
        assert!(unlabelled.is_empty(), "{kind:?} records {unlabelled:?}");
    }
}

#[test]
fn no_form_asks_for_the_same_name_twice() {
    for kind in ActionKind::ALL {
        let names: Vec<_> = named(*kind).into_iter().collect();
        assert_eq!(
            names.len(),
            kind.form().len() + kind.found().len() + usize::from(kind.files_field().is_some()),
            "{kind:?}"
        );
    }
}

#[test]
fn every_field_has_a_label_in_both_languages() {
    for field in InputField::ALL {
        for lang in [Lang::Vi, Lang::En] {
            assert!(!field.label(lang).trim().is_empty(), "{field:?} {lang:?}");
            assert!(
                !field.recorded_label(lang).trim().is_empty(),
                "{field:?} {lang:?}"
            );
        }
        assert_ne!(field.label(Lang::Vi), field.label(Lang::En), "{field:?}");
    }
}

#[test]
fn a_fixed_list_knows_its_codes_and_the_stores_lists_are_left_to_the_store() {
    assert_eq!(
        Choices::Priority.label_of("high", Lang::Vi),
        Some(Some(crate::Priority::High.label(Lang::Vi)))
    );
    assert_eq!(Choices::Source.label_of("rumour", Lang::Vi), Some(None));
    assert_eq!(Choices::Unit.label_of("UBND-NB", Lang::Vi), None);
    let channels = Choices::Channel.fixed(Lang::En).unwrap();
    assert_eq!(channels.len(), crate::Channel::ALL.len());
    assert_eq!(channels[0].0, crate::Channel::ALL[0].code());
}
