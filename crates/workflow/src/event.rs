//! The immutable record an accepted action appends to a case's timeline.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{ActionKind, CaseState, UnitId, UserId};

/// One entry of a case's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// What was done.
    pub action: ActionKind,
    /// The state before (`None` for `file`).
    pub from: Option<CaseState>,
    /// The state after.
    pub to: CaseState,
    /// Who did it.
    pub actor: UserId,
    /// On behalf of which unit.
    pub unit: UnitId,
    /// When.
    pub at: DateTime<Utc>,
    /// The input, with the JSON names of §3.3 and units and cases by code.
    pub payload: EventPayload,
}

/// The input of an event as stored: a JSON object.
pub type EventPayload = serde_json::Value;
