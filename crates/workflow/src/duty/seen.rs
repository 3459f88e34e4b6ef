//! Which duty instances a caller may see (SPEC §4.1, §6.2), as data the
//! store translates into a `WHERE` clause: lists and single reads decide
//! visibility in SQL from this one rule.
//!
//! A unit sees the duties it gives or receives. A board officer or a
//! leader also sees the duties of every unit serving an area of their
//! jurisdiction (their unit's served areas and everything below), as they
//! see the cases there. An administrator sees every duty; a reporter none.

use crate::{Actor, AreaId, AreaRef, Role, UnitId};

/// The parties of one duty instance, as much as the rule needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyParties {
    /// The unit that owes the information.
    pub provider: UnitId,
    /// The board that receives it.
    pub recipient: UnitId,
    /// The areas the provider serves, with their ancestry.
    pub provider_serves: Vec<AreaRef>,
}

/// Which duties a caller may see; the parts are alternatives (OR).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DutyScope {
    /// Every duty.
    pub all: bool,
    /// Duties these units give or receive.
    pub units: Vec<UnitId>,
    /// Duties of providers serving one of these areas or an area below one.
    pub areas: Vec<AreaId>,
}

impl DutyScope {
    /// Whether the scope admits the duty of `parties`.
    pub fn admits(&self, parties: &DutyParties) -> bool {
        self.all
            || self
                .units
                .iter()
                .any(|u| *u == parties.provider || *u == parties.recipient)
            || parties
                .provider_serves
                .iter()
                .any(|served| self.areas.iter().any(|a| served.is_within(*a)))
    }

    /// Whether the scope admits nothing.
    pub fn is_empty(&self) -> bool {
        !self.all && self.units.is_empty() && self.areas.is_empty()
    }
}

/// The duties `actor` may see (see the module's rule).
pub fn duty_visibility(actor: &Actor) -> DutyScope {
    if !actor.role.sees_duties() {
        return DutyScope::default();
    }
    let own = vec![actor.unit.id];
    match actor.role {
        Role::Admin => DutyScope {
            all: true,
            ..DutyScope::default()
        },
        Role::BoardOfficer | Role::Leader => DutyScope {
            all: false,
            units: own,
            areas: actor.unit.serves.clone(),
        },
        Role::AgencyLiaison => DutyScope {
            all: false,
            units: own,
            areas: Vec::new(),
        },
        Role::Reporter => DutyScope::default(),
    }
}

#[cfg(test)]
#[path = "seen_tests.rs"]
mod tests;
