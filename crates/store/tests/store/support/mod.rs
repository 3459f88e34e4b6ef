//! Helpers shared by the store's integration tests.

pub mod snapshot;
pub mod upgrade;

pub use testkit::org;

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

/// A report about land clearance in Ba Đình.
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
pub fn action(json: serde_json::Value) -> ActionInput {
    serde_json::from_value(json).expect("action JSON")
}
