//! Carrying out an action: the one entry point the store calls.
//!
//! Every action is checked in the same order — role, unit or jurisdiction,
//! state (in [`crate::rules`]), then its input — and carried out on a copy
//! of the case, so a refusal leaves nothing behind.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::rules::{check, check_file};
use crate::{
    ActionKind, Actor, Calendar, Case, CaseId, CaseState, Command, Deadline, DeadlinePolicy, Event,
    FileInput, HotspotRisk, Notice, NoticeKind, Recipients, Refusal, Sensitivity,
};

mod board_moves;
mod events;
mod inputs;
mod transitions;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

pub use events::MEETING_DEFAULT_HOURS;
pub use inputs::{MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};

/// The configuration the rules depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Working days and holidays.
    pub calendar: Calendar,
    /// Deadline lengths by priority.
    pub deadlines: DeadlinePolicy,
}

impl Policy {
    /// The shipped calendar with the deadline defaults of §3.4.
    pub fn vietnam_default() -> Policy {
        Policy {
            calendar: Calendar::vietnam_default(),
            deadlines: DeadlinePolicy::default(),
        }
    }
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
    check_file(actor, &input.area)?;
    let title = inputs::text("title", &input.title, MAX_TITLE_CHARS)?;
    let description = inputs::text("description", &input.description, MAX_TEXT_CHARS)?;
    let category = inputs::text("category", &input.category, MAX_SHORT_TEXT_CHARS)?;
    if input.people_affected.is_some_and(|n| n < 0) {
        return Err(Refusal::InvalidInput {
            field: "people_affected",
        });
    }
    // Until the board sets a priority at `accept`, the hotspot risk decides
    // how fast the report must be triaged.
    let priority = HotspotRisk::triage_priority(input.hotspot_risk);
    let triage_due =
        Deadline::compute(now, policy.deadlines.triage.get(priority), &policy.calendar);
    let payload = json!({
        "title": title,
        "description": description,
        "area": input.area.code,
        "category": category,
        "source": input.source,
        "people_affected": input.people_affected,
        "hotspot_risk": input.hotspot_risk,
    });
    let case = Case {
        id: CaseId::UNSAVED,
        code: String::new(),
        title,
        description,
        area: input.area,
        category,
        source: input.source,
        sensitivity: Sensitivity::Normal,
        priority,
        hotspot_risk: input.hotspot_risk,
        people_affected: input.people_affected,
        reporter: actor.user,
        lead_unit: None,
        coordinating_units: Vec::new(),
        state: CaseState::Reported,
        escalated_from: None,
        result_published: false,
        merged_into: None,
        trial_date: None,
        verdict_date: None,
        triage_due: Some(triage_due),
        answer_due: None,
        resolution_due: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let event = Event {
        action: ActionKind::File,
        from: None,
        to: CaseState::Reported,
        actor: actor.user,
        unit: actor.unit.id,
        at: now,
        payload,
    };
    Ok(Outcome {
        case,
        events: vec![event],
        notices: Vec::new(),
    })
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
    let action = command.kind();
    check(actor, case, action)?;
    let mut next = case.clone();
    let ctx = Context { actor, now, policy };
    let change = transitions::carry_out(&mut next, command, &ctx)?;
    next.version = case.version + 1;
    next.updated_at = now;
    let event = Event {
        action,
        from: Some(case.state),
        to: next.state,
        actor: actor.user,
        unit: actor.unit.id,
        at: now,
        payload: recorded_payload(change.recorded, change.found),
    };
    let notices = change
        .notices
        .into_iter()
        .map(|(kind, recipients)| Notice {
            kind,
            case: case.id,
            recipients,
        })
        .collect();
    Ok(Outcome {
        case: next,
        events: vec![event],
        notices,
    })
}

/// What the step functions need besides the case.
struct Context<'a> {
    actor: &'a Actor,
    now: DateTime<Utc>,
    policy: &'a Policy,
}

/// What one action did besides changing the case: its input as checked
/// (trimmed, each unit once), which the event records, and whom to tell.
struct Change {
    recorded: Command,
    notices: Vec<(NoticeKind, Recipients)>,
    /// Facts the rules found, recorded beside the input.
    found: Vec<(&'static str, serde_json::Value)>,
}

/// The event's payload: the checked input by the JSON names of §3.3, with
/// units and cases by code, as a client sends it (the event itself holds
/// the action).
/// `found` adds what the rules found rather than what was typed (a
/// meeting's `board_present`).
fn recorded_payload(
    recorded: Command,
    found: Vec<(&'static str, serde_json::Value)>,
) -> serde_json::Value {
    let coded: Command<String, String> = match recorded.resolve(
        |_, unit| Ok::<_, std::convert::Infallible>(unit.code),
        |case| Ok(case.code),
    ) {
        Ok(coded) => coded,
        Err(never) => match never {},
    };
    let mut payload = serde_json::to_value(coded).unwrap_or_default();
    if let Some(fields) = payload.as_object_mut() {
        fields.remove("action");
        for (name, value) in found {
            fields.insert(name.to_owned(), value);
        }
    }
    payload
}

impl Change {
    fn quiet(recorded: Command) -> Change {
        Change {
            recorded,
            notices: Vec::new(),
            found: Vec::new(),
        }
    }

    fn found(mut self, name: &'static str, value: serde_json::Value) -> Change {
        self.found.push((name, value));
        self
    }

    fn notify(mut self, kind: NoticeKind, recipients: Recipients) -> Change {
        self.notices.push((kind, recipients));
        self
    }
}
