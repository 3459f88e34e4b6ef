//! Whether a unit can be reached by e-mail (SPEC §14 "nothing silently
//! lost"): what is sent to a unit goes to its own address and its
//! liaisons; a board's work reaches its officers and a party committee's
//! its leaders, by role. A unit none of these reach receives nothing, and
//! administrators are shown it.

use crate::{Recipients, Role, UnitKind};

/// The roles whose users receive what is meant for a unit of `kind`,
/// besides its own address: its liaisons, and for a board its officers,
/// for a party committee its leaders.
pub fn reached_through(kind: UnitKind) -> &'static [Role] {
    match kind {
        UnitKind::Board => &[Recipients::UNIT_ROLE, Role::BoardOfficer],
        UnitKind::PartyCommittee => &[Recipients::UNIT_ROLE, Role::Leader],
        _ => &[Recipients::UNIT_ROLE],
    }
}

/// Whether a unit of `kind` is reached: it has an address of its own, or
/// an enabled user with an address holds one of the roles of
/// [`reached_through`] in it (`roles` lists the roles of those users).
pub fn unit_reachable(kind: UnitKind, own_address: bool, roles: &[Role]) -> bool {
    own_address || reached_through(kind).iter().any(|r| roles.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_body_is_reached_by_its_address_or_a_liaison_only() {
        let court = UnitKind::Court;
        assert!(unit_reachable(court, true, &[]));
        assert!(unit_reachable(court, false, &[Role::AgencyLiaison]));
        assert!(!unit_reachable(court, false, &[]));
        // Its leaders or reporters do not read the unit's mail.
        assert!(!unit_reachable(
            court,
            false,
            &[Role::Leader, Role::Reporter]
        ));
    }

    #[test]
    fn a_board_is_reached_by_its_officers_and_a_party_committee_by_its_leaders() {
        assert!(unit_reachable(
            UnitKind::Board,
            false,
            &[Role::BoardOfficer]
        ));
        assert!(!unit_reachable(UnitKind::Board, false, &[Role::Leader]));
        assert!(unit_reachable(
            UnitKind::PartyCommittee,
            false,
            &[Role::Leader]
        ));
        assert!(!unit_reachable(
            UnitKind::PartyCommittee,
            false,
            &[Role::Admin]
        ));
    }

    #[test]
    fn every_kind_is_reached_through_its_liaisons() {
        for kind in UnitKind::ALL {
            assert!(
                reached_through(*kind).contains(&Role::AgencyLiaison),
                "{kind:?}"
            );
        }
    }
}
