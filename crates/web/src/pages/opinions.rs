//! An escalation's differing opinions as a person reads them (SPEC §11):
//! side by side on the case page while the leader concludes, and on one
//! line in the timeline. An escalation recorded before opinions named
//! their units holds one text, which reads as it was written.

use serde_json::Value;
use store::StoredEvent;
use workflow::{ActionKind, InputField};

use super::directory::Directory;

/// One body's opinion: the unit's name and what it holds.
pub(crate) struct OpinionRow {
    /// The unit's name; empty for the one text of an older escalation.
    pub unit: String,
    /// The opinion.
    pub opinion: String,
}

/// The rows of a recorded `opinions` value: each `{unit, opinion}` with
/// the unit's name, or the older single text as one row.
pub(crate) fn rows(value: &Value, dir: &Directory) -> Vec<OpinionRow> {
    match value {
        Value::String(text) => vec![OpinionRow {
            unit: String::new(),
            opinion: text.clone(),
        }],
        Value::Array(items) => items
            .iter()
            .map(|item| OpinionRow {
                unit: dir.unit(item["unit"].as_str().unwrap_or_default()),
                opinion: item["opinion"].as_str().unwrap_or_default().to_owned(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The opinions of the case's last escalation, which the leader concludes
/// on; none when the reader's timeline holds no escalation.
pub(crate) fn latest(events: &[StoredEvent], dir: &Directory) -> Vec<OpinionRow> {
    events
        .iter()
        .rev()
        .find(|e| e.action == ActionKind::Escalate.code())
        .map(|e| rows(&e.payload[InputField::Opinions.name()], dir))
        .unwrap_or_default()
}

/// The opinions on one timeline line: "Unit: opinion; Unit: opinion".
pub(crate) fn one_line(value: &Value, dir: &Directory) -> Option<String> {
    let rows = rows(value, dir);
    if rows.is_empty() {
        return None;
    }
    Some(
        rows.iter()
            .map(|r| match r.unit.as_str() {
                "" => r.opinion.clone(),
                unit => format!("{unit}: {}", r.opinion),
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}
