//! What a caller may see, as data: the rule of [`crate::can_view`] turned
//! into a description the store can translate into a `WHERE` clause, so
//! that lists, counts and search decide visibility in SQL without a second
//! copy of the rule. The tests prove the two agree on every actor and case.

use crate::{Actor, AreaId, Case, Role, Sensitivity, UnitId, UserId};

#[cfg(test)]
mod tests;

/// Which cases of one sensitivity class a caller may see, besides their
/// own reports. The parts are alternatives (OR).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// Every case of the class.
    pub all: bool,
    /// Cases whose area is one of these or lies below one.
    pub areas: Vec<AreaId>,
    /// Cases this unit leads or coordinates.
    pub involved_unit: Option<UnitId>,
}

impl Scope {
    /// Nothing (except one's own reports).
    pub fn none() -> Scope {
        Scope::default()
    }

    /// Whether the scope admits `case` (own reports aside).
    pub fn admits(&self, case: &Case) -> bool {
        self.all
            || self.areas.iter().any(|a| case.area.is_within(*a))
            || self.involved_unit.is_some_and(|unit| {
                case.lead_unit.as_ref().is_some_and(|l| l.id == unit)
                    || case.coordinating_units.iter().any(|c| c.id == unit)
            })
    }

    /// Whether the scope admits nothing.
    pub fn is_empty(&self) -> bool {
        !self.all && self.areas.is_empty() && self.involved_unit.is_none()
    }
}

/// Everything `actor` may see: their own reports, the non-`sensitive`
/// cases of `normal`, and the `sensitive` cases of `sensitive`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    /// The caller: every case they filed is visible to them.
    pub own_reports: UserId,
    /// Which `normal` and `complex` cases.
    pub normal: Scope,
    /// Which `sensitive` cases.
    pub sensitive: Scope,
}

impl Visibility {
    /// Whether `case` is visible; equal to [`crate::can_view`] by test.
    pub fn admits(&self, case: &Case) -> bool {
        if case.reporter == self.own_reports {
            return true;
        }
        if case.sensitivity == Sensitivity::Sensitive {
            self.sensitive.admits(case)
        } else {
            self.normal.admits(case)
        }
    }
}

/// What `actor` may see (SPEC §2, §6.2; design.md "Visibility"): a unit
/// sees its served areas' subtrees and the cases it leads or coordinates;
/// a `sensitive` case only the board and leaders with jurisdiction and the
/// liaisons of the units involved; admins every case that is not sensitive.
pub fn visibility(actor: &Actor) -> Visibility {
    let jurisdiction = Scope {
        areas: actor.unit.serves.clone(),
        ..Scope::none()
    };
    let involved = Scope {
        involved_unit: Some(actor.unit.id),
        ..Scope::none()
    };
    let normal = Scope {
        all: actor.role == Role::Admin,
        areas: actor.unit.serves.clone(),
        involved_unit: Some(actor.unit.id),
    };
    let sensitive = match actor.role {
        Role::BoardOfficer | Role::Leader => jurisdiction,
        Role::AgencyLiaison => involved,
        Role::Reporter | Role::Admin => Scope::none(),
    };
    Visibility {
        own_reports: actor.user,
        normal,
        sensitive,
    }
}
