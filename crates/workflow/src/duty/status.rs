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
        Pending = ("pending", duty_status_pending),
        /// Đã cung cấp.
        Submitted = ("submitted", duty_status_submitted),
        /// Đã tiếp nhận.
        Acknowledged = ("acknowledged", duty_status_acknowledged),
        /// Được miễn.
        Waived = ("waived", duty_waived),
    }
}

impl DutyStatus {
    /// The statuses in which the information is still owed: only a pending
    /// duty can be late (a submitted one waits for the board, not for the
    /// provider). Reminders go out, and a moved trial date is followed, only
    /// in these.
    pub const OWED: &'static [DutyStatus] = &[DutyStatus::Pending];

    /// The status a new duty instance starts in.
    pub const FIRST: DutyStatus = DutyStatus::Pending;

    /// Whether the information is still owed ([`DutyStatus::OWED`]).
    pub fn is_owed(self) -> bool {
        DutyStatus::OWED.contains(&self)
    }

    /// Whether a duty in this status, due at `due_at`, is overdue at `now`
    /// ([`OverdueDuties`]).
    pub fn is_overdue(self, due_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        OverdueDuties::at(now).admits(self, due_at)
    }
}

/// "Overdue" as data, so that a store states it as a filter without a
/// second copy of the rule: the duties still owed ([`DutyStatus::OWED`])
/// that were due strictly before a moment. A store test proves the filter
/// and [`DutyStatus::is_overdue`] agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueDuties {
    /// The statuses an overdue duty is in.
    pub statuses: &'static [DutyStatus],
    /// An overdue duty was due strictly before this.
    pub due_before: DateTime<Utc>,
}

impl OverdueDuties {
    /// The duties overdue at `now`.
    pub fn at(now: DateTime<Utc>) -> OverdueDuties {
        OverdueDuties {
            statuses: DutyStatus::OWED,
            due_before: now,
        }
    }

    /// Whether a duty in `status`, due at `due_at`, is one of them.
    pub fn admits(&self, status: DutyStatus, due_at: DateTime<Utc>) -> bool {
        self.statuses.contains(&status) && due_at < self.due_before
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
