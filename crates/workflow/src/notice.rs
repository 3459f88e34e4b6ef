//! The notifications an action causes (SPEC §5); the store turns them into
//! outbox rows in the action's transaction.

use serde::{Deserialize, Serialize};

use crate::{AreaId, CaseId, UnitId, UserId};

/// Why someone is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A lead unit was assigned a case.
    CaseAssigned,
    /// The board asked the reporter for more information.
    InfoRequested,
    /// The lead agency's written answer arrived.
    AnswerReceived,
    /// A case was escalated to the leaders.
    Escalated,
    /// The result was published.
    ResultPublished,
}

/// Who receives a notice; the store resolves it to e-mail addresses.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Recipients {
    /// One user.
    User {
        /// The user.
        user: UserId,
    },
    /// The liaisons of a unit (and the unit's own address if it has one).
    Unit {
        /// The unit.
        unit: UnitId,
    },
    /// The board officers with jurisdiction over an area.
    Board {
        /// The case's area.
        area: AreaId,
    },
    /// The leaders with jurisdiction over an area.
    Leaders {
        /// The case's area.
        area: AreaId,
    },
}

/// One notification caused by an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// Why.
    pub kind: NoticeKind,
    /// The case it is about.
    pub case: CaseId,
    /// Who.
    pub recipients: Recipients,
}
