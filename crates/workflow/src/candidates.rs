//! Which units a board may name on a case (design.md "Lead unit"): the
//! rule `accept` judges a choice by, and the lists a form offers from it.

use crate::{AreaRef, Refusal, UnitId, UnitRef};

/// Whether `unit` may lead a case in `area`: an active state body serving
/// the area or one above it. The first broken rule is the refusal.
pub fn check_lead_unit(area: &AreaRef, unit: &UnitRef) -> Result<(), Refusal> {
    if !unit.active {
        return Err(Refusal::UnitInactive {
            unit: unit.code.clone(),
        });
    }
    if !unit.kind.is_state_body() {
        return Err(Refusal::LeadUnitNotStateBody {
            unit: unit.code.clone(),
        });
    }
    if !unit.has_jurisdiction_over(area) {
        return Err(Refusal::UnitOutsideArea {
            field: "lead_unit",
            unit: unit.code.clone(),
        });
    }
    Ok(())
}

/// Whether `unit` may coordinate a case in `area`: any active unit serving
/// the area or one above it that is not of the party side (the lead aside,
/// which `accept` judges).
pub fn check_coordinating_unit(area: &AreaRef, unit: &UnitRef) -> Result<(), Refusal> {
    check_serving_unit(area, unit, "coordinating_units")?;
    if !unit.kind.may_coordinate() {
        return Err(Refusal::CoordinatingUnitOfTheParty {
            unit: unit.code.clone(),
        });
    }
    Ok(())
}

/// Whether `unit`, named in `field`, is active and serves `area` or one
/// above it, whatever its kind: the units that hold an opinion in an
/// escalation (the board's own among them) or receive a forwarded report.
pub fn check_serving_unit(
    area: &AreaRef,
    unit: &UnitRef,
    field: &'static str,
) -> Result<(), Refusal> {
    if !unit.active {
        return Err(Refusal::UnitInactive {
            unit: unit.code.clone(),
        });
    }
    if !unit.has_jurisdiction_over(area) {
        return Err(Refusal::UnitOutsideArea {
            field,
            unit: unit.code.clone(),
        });
    }
    Ok(())
}

/// Whether `unit` may be sent an orientation notice (SPEC §12): an active
/// unit of the media, the Front, a mass organisation, a Party committee
/// or a board, at any level.
pub fn check_recipient(unit: &UnitRef) -> Result<(), Refusal> {
    if !unit.active {
        return Err(Refusal::UnitInactive {
            unit: unit.code.clone(),
        });
    }
    if !unit.kind.receives_orientations() {
        return Err(Refusal::RecipientNotAllowed {
            unit: unit.code.clone(),
        });
    }
    Ok(())
}

/// The units of `units` that may be sent an orientation notice.
pub fn recipient_candidates(units: &[UnitRef]) -> Vec<UnitId> {
    units
        .iter()
        .filter(|unit| check_recipient(unit).is_ok())
        .map(|unit| unit.id)
        .collect()
}

/// The units a form offers for a case in some area, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitCandidates {
    /// Those that may lead it.
    pub lead: Vec<UnitId>,
    /// Those that may coordinate it.
    pub coordinating: Vec<UnitId>,
    /// Every active unit serving it, whatever its kind: who may be invited
    /// to its meetings, chair one, hold an opinion or be forwarded to.
    pub serving: Vec<UnitId>,
}

/// The units of `units` that may lead, and those that may coordinate, a
/// case in `area`.
pub fn unit_candidates(units: &[UnitRef], area: &AreaRef) -> UnitCandidates {
    let offered = |check: fn(&AreaRef, &UnitRef) -> Result<(), Refusal>| {
        units
            .iter()
            .filter(|unit| check(area, unit).is_ok())
            .map(|unit| unit.id)
            .collect()
    };
    UnitCandidates {
        lead: offered(check_lead_unit),
        coordinating: offered(check_coordinating_unit),
        serving: offered(|area, unit| check_serving_unit(area, unit, "unit")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn a_state_body_serving_the_area_may_lead_and_coordinate() {
        let candidates = unit_candidates(&[people_committee(), court()], &commune());
        assert_eq!(candidates.lead, vec![people_committee().id, court().id]);
        assert_eq!(candidates.coordinating, candidates.lead);
    }

    #[test]
    fn a_unit_that_is_not_a_state_body_may_coordinate_but_not_lead() {
        let candidates = unit_candidates(&[front()], &commune());
        assert!(candidates.lead.is_empty());
        assert_eq!(candidates.coordinating, vec![front().id]);
    }

    #[test]
    fn a_unit_serving_another_area_is_offered_for_nothing() {
        assert_eq!(
            unit_candidates(&[other_people_committee()], &commune()),
            UnitCandidates::default()
        );
    }

    #[test]
    fn a_unit_serving_an_area_above_may_lead() {
        let candidates = unit_candidates(&[board(), people_committee()], &commune());
        assert_eq!(candidates.lead, vec![people_committee().id]);
        assert!(candidates.coordinating.contains(&people_committee().id));
    }

    #[test]
    fn the_board_and_the_party_committee_neither_lead_nor_coordinate() {
        // Issue 15: the form offered the board itself and the provincial
        // party committee as coordinating units. They still serve the area:
        // invited to its meetings, holding an opinion (issue 16).
        let candidates = unit_candidates(&[board(), committee()], &commune());
        assert!(candidates.lead.is_empty() && candidates.coordinating.is_empty());
        assert_eq!(candidates.serving, vec![board().id, committee().id]);
        assert!(matches!(
            check_coordinating_unit(&commune(), &board()),
            Err(Refusal::CoordinatingUnitOfTheParty { .. })
        ));
    }

    #[test]
    fn an_abolished_unit_is_offered_for_nothing() {
        assert_eq!(
            unit_candidates(&[abolished_people_committee()], &commune()),
            UnitCandidates::default()
        );
    }

    #[test]
    fn the_lead_rule_names_the_first_thing_wrong() {
        // The other province's board is neither a state body nor serving.
        assert!(matches!(
            check_lead_unit(&commune(), &other_board()),
            Err(Refusal::LeadUnitNotStateBody { .. })
        ));
    }
}
