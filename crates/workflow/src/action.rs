//! The actions of SPEC §3.3 and the inputs of `file` and `merge`.

use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::{AreaRef, CaseId, CaseState, Channel, HotspotRisk, Lang, Source};

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
    /// What the action does, as a verb phrase that fits "Chỉ … mới được …" and
    /// "Only … may …".
    pub fn verb(self, lang: Lang) -> &'static str {
        use ActionKind as A;
        let (vi, en) = match self {
            A::File => ("gửi phản ánh", "file a report"),
            A::RequestInfo => ("yêu cầu bổ sung thông tin", "ask for more information"),
            A::Supplement => ("bổ sung thông tin cho phản ánh", "supplement a report"),
            A::Dismiss => (
                "kết luận phản ánh không phải vấn đề nổi cộm",
                "dismiss a report",
            ),
            A::Merge => ("gộp vụ việc", "merge cases"),
            A::Accept => (
                "tiếp nhận và giao cơ quan chủ trì",
                "accept a case and assign the lead agency",
            ),
            A::Respond => ("trả lời bằng văn bản", "answer in writing"),
            A::Orient => ("định hướng thông tin", "direct the communication"),
            A::Escalate => (
                "trình Thường trực cấp ủy",
                "escalate a case to the party committee",
            ),
            A::Conclude => ("kết luận chỉ đạo", "give the conclusion"),
            A::ReportResolution => ("báo cáo kết quả giải quyết", "report the resolution"),
            A::PublishResult => ("công bố kết quả giải quyết", "publish the result"),
            A::Close => ("kết thúc vụ việc", "close a case"),
            A::Reopen => ("mở lại vụ việc", "reopen a case"),
            A::Comment => ("cho ý kiến", "comment"),
            A::AddOrientation => ("định hướng thông tin bổ sung", "add directed communication"),
            A::LogMeeting => ("ghi nhận cuộc họp giải quyết", "log a meeting"),
            A::ProgressUpdate => ("cập nhật tiến độ giải quyết", "update the progress"),
            A::SetTrialDate => ("ấn định ngày xét xử", "set the trial date"),
        };
        lang.pick(vi, en)
    }

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

    /// The input field in which the action takes uploaded files (§3.3:
    /// a supplement's `attachments`, the written answer's and the
    /// resolution report's `documents`), if it takes any.
    pub fn files_field(self) -> Option<&'static str> {
        match self {
            ActionKind::Supplement => Some("attachments"),
            ActionKind::Respond | ActionKind::ReportResolution => Some("documents"),
            _ => None,
        }
    }
}

/// The input of `file`, by the JSON names of §3.3. `A` is how the area
/// is named: a client sends its code (`FileInput<String>`), the store
/// resolves it into the reference the rules decide on (`FileInput`, the
/// default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FileInput<A = AreaRef> {
    /// Short title.
    pub title: String,
    /// What is happening.
    pub description: String,
    /// The area (its code, from a client).
    pub area: A,
    /// A category code (`land`, `environment`, …).
    pub category: String,
    /// Where the report came from.
    pub source: Source,
    /// Estimated number of people affected.
    #[serde(default)]
    pub people_affected: Option<i64>,
    /// Risk of becoming a hotspot.
    #[serde(default)]
    pub hotspot_risk: Option<HotspotRisk>,
}

impl<A> FileInput<A> {
    /// The same input with its area named another way.
    pub fn with_area<B>(self, area: B) -> FileInput<B> {
        FileInput {
            title: self.title,
            description: self.description,
            area,
            category: self.category,
            source: self.source,
            people_affected: self.people_affected,
            hotspot_risk: self.hotspot_risk,
        }
    }
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// Key messages.
    pub messages: String,
    /// Channels; at least one.
    pub channels: Vec<Channel>,
    /// Audience.
    pub audience: String,
    /// Whether the reporter is told too (SPEC §10); internal by default.
    // Recorded only when true: an event says it was shared, not that it was not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub share_with_reporter: bool,
}
