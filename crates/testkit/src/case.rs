//! The case the store tests and benches file and act on: the shipped
//! policy, the Monday they act on, a report about land clearance in Ba Đình,
//! and actions in the JSON form a client sends.

use chrono::{DateTime, TimeZone, Utc};
use store::{ActionInput, FileRequest};
use workflow::{Policy, Source};

/// The shipped calendar and default deadlines.
pub fn policy() -> Policy {
    Policy::vietnam_default()
}

/// Monday 2 March 2026, 09:00 in Hà Nội.
pub fn monday() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap()
}

/// A report about land clearance in Ba Đình; a test or bench changes the
/// fields it cares about with `FileRequest { area, ..report(title) }`.
pub fn report(title: &str) -> FileRequest {
    FileRequest {
        title: title.to_owned(),
        description: "Người dân phản ánh việc giải phóng mặt bằng chậm, bồi thường chưa thỏa đáng."
            .into(),
        area: "HN-BADINH".into(),
        category: "land".into(),
        source: Source::Collaborator,
        people_affected: Some(120),
        hotspot_risk: None,
    }
}

/// Parses an action from its JSON form, as a client sends it.
///
/// # Panics
/// On JSON that is not an action: a mistake in the test itself.
pub fn action(json: serde_json::Value) -> ActionInput {
    serde_json::from_value(json).expect("action JSON")
}
