//! The life of a duty instance (SPEC §4.1): `pending` → `submitted` →
//! `acknowledged`, or `waived` by an admin with a reason; and who may move
//! it. Overdue is not a status: it is derived from the due time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::{Actor, Refusal, Role, UnitId};

coded_enum! {
    /// Where a duty instance stands.
    pub enum DutyStatus {
        /// Chưa cung cấp.
        Pending = ("pending", "Chưa cung cấp", "Pending"),
        /// Đã cung cấp.
        Submitted = ("submitted", "Đã cung cấp", "Submitted"),
        /// Đã tiếp nhận.
        Acknowledged = ("acknowledged", "Đã tiếp nhận", "Acknowledged"),
        /// Được miễn.
        Waived = ("waived", "Được miễn", "Waived"),
    }
}

impl DutyStatus {
    /// Whether the information is still owed: only a pending duty can be
    /// late (a submitted one waits for the board, not for the provider).
    pub fn is_owed(self) -> bool {
        self == DutyStatus::Pending
    }

    /// Whether a duty in this status, due at `due_at`, is overdue at `now`.
    pub fn is_overdue(self, due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        self.is_owed() && due_at < now
    }
}

/// What a user does to a duty instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DutyAction {
    /// A liaison of the provider unit gives the information.
    Submit,
    /// An officer of the recipient board confirms receipt.
    Acknowledge,
    /// An admin releases the unit from the duty, with a reason.
    Waive,
}

/// The status after `action` by `actor` on a duty of `provider` toward
/// `recipient` that is now `status`, or the rule that forbids it. Who may
/// is judged before the status, as for case actions (403 before 409).
pub fn duty_transition(
    actor: &Actor,
    provider: UnitId,
    recipient: UnitId,
    status: DutyStatus,
    action: DutyAction,
) -> Result<DutyStatus, Refusal> {
    let allowed = match action {
        DutyAction::Submit => actor.role == Role::AgencyLiaison && actor.unit.id == provider,
        DutyAction::Acknowledge => actor.role == Role::BoardOfficer && actor.unit.id == recipient,
        DutyAction::Waive => actor.role == Role::Admin,
    };
    if !allowed {
        return Err(Refusal::DutyNotAllowed { action });
    }
    let next = match (action, status) {
        // A liaison may correct a submission until the board acknowledges it.
        (DutyAction::Submit, DutyStatus::Pending | DutyStatus::Submitted) => DutyStatus::Submitted,
        (DutyAction::Acknowledge, DutyStatus::Submitted) => DutyStatus::Acknowledged,
        (DutyAction::Waive, DutyStatus::Pending | DutyStatus::Submitted) => DutyStatus::Waived,
        _ => return Err(Refusal::DutyWrongStatus { action, status }),
    };
    Ok(next)
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
