//! Carrying out an action: the one entry point the store calls.

use chrono::{DateTime, Utc};

use crate::{Actor, Calendar, Case, Command, DeadlinePolicy, Event, FileInput, Notice, Refusal};

/// The configuration the rules depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Working days and holidays.
    pub calendar: Calendar,
    /// Deadline lengths by priority.
    pub deadlines: DeadlinePolicy,
}

/// What an accepted action produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The case after the action, its version one higher.
    pub case: Case,
    /// The events to append, in order (at least one).
    pub events: Vec<Event>,
    /// The notifications to enqueue.
    pub notices: Vec<Notice>,
}

/// Files a new case (`— → reported`). The result has version 1,
/// [`crate::CaseId::UNSAVED`] and an empty code: the store assigns both.
pub fn file(
    actor: &Actor,
    input: FileInput,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Outcome, Refusal> {
    let _ = (actor, input, now, policy);
    todo!("helper")
}

/// Carries out `command` on `case` as `actor` at `now`, or says which rule
/// forbids it. Pure: a refusal changes nothing.
pub fn apply(
    case: &Case,
    actor: &Actor,
    command: Command,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Outcome, Refusal> {
    let _ = (case, actor, command, now, policy);
    todo!("helper")
}
