//! Who sees which duty: the provider's and the recipient's people, the
//! board and leaders with jurisdiction over the provider, admins; nobody
//! else.

use super::*;
use crate::UnitRef;
use crate::testkit::*;

/// A duty of `provider` toward `recipient`, with the provider's areas
/// looked up in the test kit's map.
fn duty(provider: &UnitRef, recipient: &UnitRef) -> DutyParties {
    let areas = [province(), commune(), other_commune(), other_province()];
    DutyParties {
        provider: provider.id,
        recipient: recipient.id,
        provider_serves: provider
            .serves
            .iter()
            .map(|id| {
                areas
                    .iter()
                    .find(|a| a.id == *id)
                    .cloned()
                    .expect("known area")
            })
            .collect(),
    }
}

fn sees(actor: &crate::Actor, parties: &DutyParties) -> bool {
    duty_visibility(actor).admits(parties)
}

#[test]
fn the_liaisons_of_the_provider_see_its_duties_and_no_others() {
    let ward = duty(&people_committee(), &board());
    assert!(sees(&liaison_of(people_committee()), &ward));
    assert!(!sees(&liaison_of(other_people_committee()), &ward));
    assert!(!sees(&liaison_of(court()), &ward), "same area, other unit");
}

#[test]
fn the_board_and_leaders_see_the_duties_of_their_jurisdiction() {
    let ward = duty(&people_committee(), &board());
    let regional = duty(&court(), &board());
    for actor in [board_officer(), leader()] {
        assert!(sees(&actor, &ward), "{actor:?}");
        assert!(sees(&actor, &regional), "{actor:?}");
    }
    assert!(!sees(&outside_officer(), &ward));
    assert!(!sees(&outside_leader(), &regional));
}

#[test]
fn a_board_sees_what_is_addressed_to_it_even_from_outside_its_areas() {
    let from_elsewhere = duty(&other_people_committee(), &other_board());
    assert!(sees(&outside_officer(), &from_elsewhere));
    let addressed = duty(&people_committee(), &other_board());
    assert!(sees(&outside_officer(), &addressed));
}

#[test]
fn admins_see_everything_and_reporters_nothing() {
    let ward = duty(&people_committee(), &board());
    assert!(sees(&admin(), &ward));
    assert!(!sees(&reporter(), &ward));
    assert!(duty_visibility(&reporter()).is_empty());
    assert!(!duty_visibility(&admin()).is_empty());
}
