//! The inputs of filing and of actions as a client sends them: units, areas,
//! categories and cases by code. The store resolves them into the references
//! `workflow` decides on.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use workflow::{ActionKind, HotspotRisk, Orientation, Priority, Sensitivity, Source};

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

/// An action on a case with its input, by the JSON names of SPEC §3.3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ActionInput {
    /// `request_info`.
    RequestInfo {
        /// The question.
        question: String,
    },
    /// `supplement`.
    Supplement {
        /// Added information.
        #[serde(default)]
        text: Option<String>,
        /// Ids of attachments uploaded to the case beforehand.
        #[serde(default)]
        attachments: Vec<i64>,
    },
    /// `dismiss`.
    Dismiss {
        /// Why.
        reason: String,
    },
    /// `merge`.
    Merge {
        /// Code or id of the open case this one duplicates.
        target: String,
    },
    /// `accept`.
    Accept {
        /// Sensitivity.
        sensitivity: Sensitivity,
        /// Priority.
        priority: Priority,
        /// Code of the lead unit.
        lead_unit: String,
        /// Codes of coordinating units.
        #[serde(default)]
        coordinating_units: Vec<String>,
        /// Overrides the computed written-answer deadline.
        #[serde(default)]
        answer_due: Option<DateTime<Utc>>,
    },
    /// `respond`.
    Respond {
        /// The written answer.
        answer: String,
        /// Ids of documents uploaded to the case beforehand.
        #[serde(default)]
        documents: Vec<i64>,
    },
    /// `orient`.
    Orient(Orientation),
    /// `escalate`.
    Escalate {
        /// The differing opinions.
        opinions: String,
    },
    /// `conclude`.
    Conclude {
        /// The conclusion.
        conclusion: String,
    },
    /// `report_resolution`.
    ReportResolution {
        /// What was done.
        summary: String,
        /// Ids of documents uploaded to the case beforehand.
        #[serde(default)]
        documents: Vec<i64>,
    },
    /// `publish_result`.
    PublishResult {
        /// The result as told to the public.
        text: String,
    },
    /// `close`.
    Close {
        /// Closing remark.
        remark: String,
    },
    /// `reopen`.
    Reopen {
        /// Why.
        reason: String,
    },
    /// `comment`.
    Comment {
        /// The comment.
        text: String,
    },
    /// `add_orientation`.
    AddOrientation(Orientation),
    /// `log_meeting`.
    LogMeeting {
        /// When it was held.
        held_at: DateTime<Utc>,
        /// Code of the chairing unit.
        chair_unit: String,
        /// Codes of the units invited.
        attendees: Vec<String>,
        /// Minutes.
        minutes: String,
    },
    /// `progress_update`.
    ProgressUpdate {
        /// What progressed.
        text: String,
    },
    /// `set_trial_date`.
    SetTrialDate {
        /// The trial date.
        trial_date: NaiveDate,
    },
}

impl ActionInput {
    /// The action this input asks for.
    pub fn kind(&self) -> ActionKind {
        match self {
            ActionInput::RequestInfo { .. } => ActionKind::RequestInfo,
            ActionInput::Supplement { .. } => ActionKind::Supplement,
            ActionInput::Dismiss { .. } => ActionKind::Dismiss,
            ActionInput::Merge { .. } => ActionKind::Merge,
            ActionInput::Accept { .. } => ActionKind::Accept,
            ActionInput::Respond { .. } => ActionKind::Respond,
            ActionInput::Orient(_) => ActionKind::Orient,
            ActionInput::Escalate { .. } => ActionKind::Escalate,
            ActionInput::Conclude { .. } => ActionKind::Conclude,
            ActionInput::ReportResolution { .. } => ActionKind::ReportResolution,
            ActionInput::PublishResult { .. } => ActionKind::PublishResult,
            ActionInput::Close { .. } => ActionKind::Close,
            ActionInput::Reopen { .. } => ActionKind::Reopen,
            ActionInput::Comment { .. } => ActionKind::Comment,
            ActionInput::AddOrientation(_) => ActionKind::AddOrientation,
            ActionInput::LogMeeting { .. } => ActionKind::LogMeeting,
            ActionInput::ProgressUpdate { .. } => ActionKind::ProgressUpdate,
            ActionInput::SetTrialDate { .. } => ActionKind::SetTrialDate,
        }
    }
}
