//! The inputs of filing and of actions as a client sends them: units, areas,
//! categories and cases by code. The store resolves them into the references
//! `workflow` decides on.

use serde::{Deserialize, Serialize};
use workflow::{HotspotRisk, Source};

/// What a reporter sends to file a case (SPEC §3.3 `file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRequest {
    /// Short title.
    pub title: String,
    /// What is happening.
    pub description: String,
    /// Area code.
    pub area: String,
    /// Category code.
    pub category: String,
    /// Source code.
    pub source: Source,
    /// Estimated number of people affected.
    #[serde(default)]
    pub people_affected: Option<i64>,
    /// Risk of becoming a hotspot.
    #[serde(default)]
    pub hotspot_risk: Option<HotspotRisk>,
}

/// An action on a case as a client sends it: units and the merge target by
/// code (or, for a case, by id).
pub type ActionInput = workflow::Command<String, String>;
