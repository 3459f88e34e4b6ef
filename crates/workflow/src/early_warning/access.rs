//! Who reads and who acknowledges an early-warning alert (SPEC §16): the
//! board officers and the leaders whose unit's jurisdiction holds the
//! alert's area read it, admins read all; only such a board officer
//! acknowledges it, once, with a note.

use crate::{Actor, AreaRef, LongText, Refusal, Role};

/// Whether `actor` may read an alert raised for `area`. Nobody else learns
/// that it exists.
pub fn may_read_alert(actor: &Actor, area: &AreaRef) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::BoardOfficer | Role::Leader => actor.unit.has_jurisdiction_over(area),
        Role::Reporter | Role::AgencyLiaison => false,
    }
}

/// A past acknowledgement: who (their name) and when (in local words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledged {
    /// The officer's name.
    pub by: String,
    /// When, as the reader reads it (`09:30 07/12/2026`).
    pub at: String,
}

/// Checks an acknowledgement of an alert on `area` that `actor` may read:
/// a board officer with jurisdiction, an alert not acknowledged before, a
/// note that says something. Returns the note.
pub fn check_alert_acknowledgement(
    actor: &Actor,
    area: &AreaRef,
    before: Option<Acknowledged>,
    note: &str,
) -> Result<LongText, Refusal> {
    if actor.role != Role::BoardOfficer || !actor.unit.has_jurisdiction_over(area) {
        return Err(Refusal::AlertNotAllowed);
    }
    if let Some(Acknowledged { by, at }) = before {
        return Err(Refusal::AlertAcknowledged { by, at });
    }
    LongText::parse("note", note)
}
