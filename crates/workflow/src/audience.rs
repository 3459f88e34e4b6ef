//! Need-to-know inside a case (SPEC §10, *nguyên tắc cần biết*): seeing a
//! case is not seeing all of it. Every event and every attachment has an
//! audience decided here from the event's kind and input, and every reader
//! of a case belongs to one audience. The store, the API, the pages, the
//! e-mails and the documents all ask these functions; none decides alone.

use serde_json::Value;

use crate::coded::coded_enum;
use crate::rules::{Readers, is_involved, readers};
use crate::{ActionKind, Actor, Case, DeadlineKind, Role, Sensitivity};

#[cfg(test)]
pub(crate) mod tests;

/// The input field by which a `comment`, `orient` or `add_orientation`
/// is sent to the reporter too (SPEC §10).
pub const SHARE_WITH_REPORTER: &str = "share_with_reporter";

coded_enum! {
    /// Who may read an event, an attachment, or a case's internal facts.
    /// Ordered: a reader of the wider audience reads the narrower too.
    pub enum Audience {
        /// The case's reporter, and everyone with the internal audience.
        Reporter = ("reporter", audience_reporter),
        /// Board officers and leaders with jurisdiction, liaisons of the
        /// lead and coordinating units, admins.
        Internal = ("internal", audience_internal),
    }
}

impl Audience {
    /// Whether a reader of this audience may read what is meant for `what`.
    pub fn reads(self, what: Audience) -> bool {
        self >= what
    }
}

/// How much of an event a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sight {
    /// The event and its input.
    Whole,
    /// That it happened and the state it led to, without its input (the
    /// reporter and `accept`, `close`, `reopen`).
    StateChangeOnly,
    /// Nothing: the event is left out of the timeline.
    Hidden,
}

/// The audience `actor` reads `case` with. Internal: board officers and
/// leaders with jurisdiction or whose unit takes part, liaisons of the lead
/// and coordinating units, admins. Everyone else who may open the case —
/// its reporter first — reads the reporter audience. The caller must have
/// checked [`crate::can_view`]: a case one may not open has no audience.
pub fn reader(actor: &Actor, case: &Case) -> Audience {
    let internal = match actor.role {
        Role::Admin => true,
        Role::BoardOfficer | Role::Leader => {
            actor.unit.has_jurisdiction_over(&case.area) || is_involved(actor, case)
        }
        Role::AgencyLiaison => is_involved(actor, case),
        Role::Reporter => false,
    };
    if internal {
        Audience::Internal
    } else {
        Audience::Reporter
    }
}

/// The audience of an event's input (SPEC §10's table, written per action
/// in [`crate::rules`]): a shared comment or directed communication is the
/// reporter's too.
pub fn event_audience(action: ActionKind, payload: &Value) -> Audience {
    let shared = payload.get(SHARE_WITH_REPORTER) == Some(&Value::Bool(true));
    match readers(action) {
        Readers::Reporter => Audience::Reporter,
        Readers::AsShared if shared => Audience::Reporter,
        Readers::AsShared | Readers::Internal => Audience::Internal,
    }
}

/// Whether the state change of `action` reaches the reporter even though
/// its input does not: acceptance, closing and reopening tell them where
/// their report stands.
fn state_change_told(action: ActionKind) -> bool {
    matches!(
        action,
        ActionKind::Accept | ActionKind::Close | ActionKind::Reopen
    )
}

/// How much of an event a reader of `reader`'s audience sees.
pub fn event_sight(reader: Audience, action: ActionKind, payload: &Value) -> Sight {
    if reader.reads(event_audience(action, payload)) {
        Sight::Whole
    } else if state_change_told(action) {
        Sight::StateChangeOnly
    } else {
        Sight::Hidden
    }
}

/// The audience of an attachment: a file the case's reporter uploaded is
/// theirs to read; any other has the audience of the event it belongs to,
/// and is internal while it belongs to none (uploaded, not yet cited).
pub fn attachment_audience(
    uploaded_by_reporter: bool,
    event: Option<(ActionKind, &Value)>,
) -> Audience {
    if uploaded_by_reporter {
        return Audience::Reporter;
    }
    match event {
        Some((action, payload)) => event_audience(action, payload),
        None => Audience::Internal,
    }
}

/// Whether a list may carry `case`'s description. Opening a sensitive case
/// is audited (SPEC §9); a list is not (an audit write per search would
/// make every read a write), so a list leaves a sensitive case's text out
/// and the reader opens the case to read it.
pub fn description_listed(case: &Case) -> bool {
    case.sensitivity != Sensitivity::Sensitive
}

/// The list filters on a case's internal facts: its state, the board's
/// assessment and whether an internal deadline passed.
pub const INTERNAL_FILTERS: [&str; 4] = ["state", "sensitivity", "priority", "overdue"];

/// Whether a user of `role` may filter lists on [`INTERNAL_FILTERS`]. A
/// reporter is outside the internal audience of every case they list, so a
/// filter on a fact the case itself hides from them would tell it all the
/// same (`?state=escalated`, `?sensitivity=sensitive`); they filter on
/// `reporter_state` instead.
pub fn filters_on_internal_facts(role: Role) -> bool {
    role != Role::Reporter
}

/// The deadlines a reader of `reader`'s audience is shown: the reporter
/// the triage of their report, the internal audience every one.
pub fn deadlines_read(reader: Audience) -> &'static [DeadlineKind] {
    match reader {
        Audience::Reporter => &[DeadlineKind::Triage],
        Audience::Internal => &[
            DeadlineKind::Triage,
            DeadlineKind::Answer,
            DeadlineKind::Resolution,
        ],
    }
}
