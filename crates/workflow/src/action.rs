//! The actions of SPEC §3.3 and their inputs, already resolved by the store
//! (codes turned into the units, areas and cases they name).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::{
    AreaRef, CaseId, CaseState, Channel, HotspotRisk, Priority, Sensitivity, Source, UnitRef,
};

coded_enum! {
    /// Every action and non-transition event of §3.3, by its JSON name.
    pub enum ActionKind {
        /// File a report.
        File = ("file", "Gửi phản ánh", "File a report"),
        /// Ask the reporter for more information.
        RequestInfo = ("request_info", "Yêu cầu bổ sung thông tin", "Request information"),
        /// Supply the information asked for.
        Supplement = ("supplement", "Bổ sung thông tin", "Supplement"),
        /// Decide it is not a nổi cộm issue.
        Dismiss = ("dismiss", "Không tiếp nhận", "Dismiss"),
        /// Merge into another open case.
        Merge = ("merge", "Gộp vụ việc", "Merge"),
        /// Accept and assign the lead agency.
        Accept = ("accept", "Tiếp nhận và giao cơ quan chủ trì", "Accept and assign"),
        /// Answer in writing.
        Respond = ("respond", "Trả lời bằng văn bản", "Respond in writing"),
        /// Issue directed communication.
        Orient = ("orient", "Định hướng thông tin", "Direct communication"),
        /// Report the disagreement up for a conclusion.
        Escalate = ("escalate", "Trình Thường trực cấp ủy", "Escalate"),
        /// Give the conclusion (kết luận chỉ đạo).
        Conclude = ("conclude", "Kết luận chỉ đạo", "Conclude"),
        /// Report the resolution.
        ReportResolution = ("report_resolution", "Báo cáo kết quả giải quyết", "Report resolution"),
        /// Publish the result to the public.
        PublishResult = ("publish_result", "Công bố kết quả", "Publish result"),
        /// Close the case.
        Close = ("close", "Kết thúc vụ việc", "Close"),
        /// Reopen a resolved or closed case.
        Reopen = ("reopen", "Mở lại vụ việc", "Reopen"),
        /// A comment (no state change).
        Comment = ("comment", "Ý kiến", "Comment"),
        /// Further directed communication (no state change).
        AddOrientation = ("add_orientation", "Định hướng bổ sung", "Add orientation"),
        /// A resolution meeting (họp giải quyết; no state change).
        LogMeeting = ("log_meeting", "Ghi nhận cuộc họp", "Log a meeting"),
        /// Progress of the resolution (no state change).
        ProgressUpdate = ("progress_update", "Cập nhật tiến độ", "Progress update"),
        /// The trial date of a court case (§4.2; no state change).
        SetTrialDate = ("set_trial_date", "Ấn định ngày xét xử", "Set trial date"),
    }
}

impl ActionKind {
    /// Whether the action leaves the state as it is (the non-transition
    /// events, and `publish_result`).
    pub fn keeps_state(self) -> bool {
        matches!(
            self,
            ActionKind::PublishResult
                | ActionKind::Comment
                | ActionKind::AddOrientation
                | ActionKind::LogMeeting
                | ActionKind::ProgressUpdate
                | ActionKind::SetTrialDate
        )
    }
}

/// The input of `file`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileInput {
    /// Short title.
    pub title: String,
    /// What is happening.
    pub description: String,
    /// The area, resolved from its code.
    pub area: AreaRef,
    /// A category code the store has checked exists.
    pub category: String,
    /// Where the report came from.
    pub source: Source,
    /// Estimated number of people affected.
    pub people_affected: Option<i64>,
    /// Risk of becoming a hotspot.
    pub hotspot_risk: Option<HotspotRisk>,
}

/// A case named as the target of `merge`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeTarget {
    /// Its id.
    pub id: CaseId,
    /// Its code.
    pub code: String,
    /// Its state (must be open).
    pub state: CaseState,
    /// Its area (must be in the same subtree).
    pub area: AreaRef,
}

/// The inputs of `orient` and `add_orientation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Orientation {
    /// Key messages.
    pub messages: String,
    /// Channels; at least one.
    pub channels: Vec<Channel>,
    /// Audience.
    pub audience: String,
}

/// An action on an existing case with its resolved input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Command {
    /// `request_info`.
    RequestInfo {
        /// The question to the reporter.
        question: String,
    },
    /// `supplement`: text and/or attachments (ids of uploaded files).
    Supplement {
        /// Added information.
        text: Option<String>,
        /// Attachments uploaded beforehand.
        attachments: Vec<i64>,
    },
    /// `dismiss`.
    Dismiss {
        /// Why it is not a nổi cộm issue.
        reason: String,
    },
    /// `merge`.
    Merge {
        /// The open case this one duplicates.
        target: MergeTarget,
    },
    /// `accept`.
    Accept {
        /// Sensitivity.
        sensitivity: Sensitivity,
        /// Priority.
        priority: Priority,
        /// The lead agency.
        lead_unit: UnitRef,
        /// Coordinating units.
        coordinating_units: Vec<UnitRef>,
        /// Overrides the computed written-answer deadline.
        answer_due: Option<DateTime<Utc>>,
    },
    /// `respond`.
    Respond {
        /// The written answer.
        answer: String,
        /// Documents uploaded beforehand.
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
        /// The conclusion (kết luận chỉ đạo).
        conclusion: String,
    },
    /// `report_resolution`.
    ReportResolution {
        /// What was done.
        summary: String,
        /// Documents uploaded beforehand.
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
        /// The chairing unit.
        chair_unit: UnitRef,
        /// Units invited; the board's representative must be among them.
        attendees: Vec<UnitRef>,
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

impl Command {
    /// The action this command carries out.
    pub fn kind(&self) -> ActionKind {
        match self {
            Command::RequestInfo { .. } => ActionKind::RequestInfo,
            Command::Supplement { .. } => ActionKind::Supplement,
            Command::Dismiss { .. } => ActionKind::Dismiss,
            Command::Merge { .. } => ActionKind::Merge,
            Command::Accept { .. } => ActionKind::Accept,
            Command::Respond { .. } => ActionKind::Respond,
            Command::Orient(_) => ActionKind::Orient,
            Command::Escalate { .. } => ActionKind::Escalate,
            Command::Conclude { .. } => ActionKind::Conclude,
            Command::ReportResolution { .. } => ActionKind::ReportResolution,
            Command::PublishResult { .. } => ActionKind::PublishResult,
            Command::Close { .. } => ActionKind::Close,
            Command::Reopen { .. } => ActionKind::Reopen,
            Command::Comment { .. } => ActionKind::Comment,
            Command::AddOrientation(_) => ActionKind::AddOrientation,
            Command::LogMeeting { .. } => ActionKind::LogMeeting,
            Command::ProgressUpdate { .. } => ActionKind::ProgressUpdate,
            Command::SetTrialDate { .. } => ActionKind::SetTrialDate,
        }
    }
}
