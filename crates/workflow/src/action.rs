//! The actions of SPEC §3.3 and the inputs of `file` and `merge`.

use serde::{Deserialize, Serialize};

use crate::coded::coded_enum;
use crate::{
    AreaRef, CaseId, CaseState, Channel, HotspotRisk, InputField, Lang, Refusal, Source, Tr,
};

coded_enum! {
    /// Every action and non-transition event of §3.3, by its JSON name.
    pub enum ActionKind {
        /// File a report.
        File = ("file", action_file),
        /// Ask the reporter for more information.
        RequestInfo = ("request_info", action_request_info),
        /// Supply the information asked for.
        Supplement = ("supplement", action_supplement),
        /// Decide it is not a nổi cộm issue.
        Dismiss = ("dismiss", action_dismiss),
        /// Merge into another open case.
        Merge = ("merge", action_merge),
        /// Accept and assign the lead agency.
        Accept = ("accept", action_accept),
        /// Answer in writing.
        Respond = ("respond", action_respond),
        /// Issue directed communication.
        Orient = ("orient", action_orient),
        /// Report the disagreement up for a conclusion.
        Escalate = ("escalate", action_escalate),
        /// Give the conclusion (kết luận chỉ đạo).
        Conclude = ("conclude", action_conclude),
        /// Report the resolution.
        ReportResolution = ("report_resolution", action_report_resolution),
        /// Publish the result to the public.
        PublishResult = ("publish_result", action_publish_result),
        /// Close the case.
        Close = ("close", action_close),
        /// Reopen a resolved or closed case.
        Reopen = ("reopen", action_reopen),
        /// A comment (no state change).
        Comment = ("comment", action_comment),
        /// Further directed communication (no state change).
        AddOrientation = ("add_orientation", action_add_orientation),
        /// Schedule a resolution meeting and invite its units (SPEC §11; no
        /// state change).
        ScheduleMeeting = ("schedule_meeting", action_schedule_meeting),
        /// A resolution meeting (họp giải quyết; no state change).
        LogMeeting = ("log_meeting", action_log_meeting),
        /// Progress of the resolution (no state change).
        ProgressUpdate = ("progress_update", action_progress_update),
        /// The trial date of a court case (§4.2; no state change).
        SetTrialDate = ("set_trial_date", action_set_trial_date),
        /// The day the verdict of a court case was (or will be) given
        /// (§13; no state change): the after-trial duty counts from it.
        SetVerdictDate = ("set_verdict_date", action_set_verdict_date),
        /// Hand the case to another lead unit (§11; state kept).
        Reassign = ("reassign", action_reassign),
        /// Assess priority, sensitivity or hotspot risk again (§11; state kept).
        Reassess = ("reassess", action_reassess),
        /// Send the report to the competent body (§11; dismissed here).
        Forward = ("forward", action_forward),
    }
}

impl ActionKind {
    /// What the action does, as a verb phrase that fits "Chỉ … mới được …" and
    /// "Only … may …".
    pub fn verb(self, lang: Lang) -> &'static str {
        use ActionKind as A;
        let t = Tr(lang);
        match self {
            A::File => t.action_verb_file(),
            A::RequestInfo => t.action_verb_request_info(),
            A::Supplement => t.action_verb_supplement(),
            A::Dismiss => t.action_verb_dismiss(),
            A::Merge => t.action_verb_merge(),
            A::Accept => t.action_verb_accept(),
            A::Respond => t.action_verb_respond(),
            A::Orient => t.action_verb_orient(),
            A::Escalate => t.action_verb_escalate(),
            A::Conclude => t.action_verb_conclude(),
            A::ReportResolution => t.action_verb_report_resolution(),
            A::PublishResult => t.action_verb_publish_result(),
            A::Close => t.action_verb_close(),
            A::Reopen => t.action_verb_reopen(),
            A::Comment => t.action_verb_comment(),
            A::AddOrientation => t.action_verb_add_orientation(),
            A::ScheduleMeeting => t.action_verb_schedule_meeting(),
            A::LogMeeting => t.action_verb_log_meeting(),
            A::ProgressUpdate => t.action_verb_progress_update(),
            A::SetTrialDate => t.action_verb_set_trial_date(),
            A::SetVerdictDate => t.action_verb_set_verdict_date(),
            A::Reassign => t.action_verb_reassign(),
            A::Reassess => t.action_verb_reassess(),
            A::Forward => t.action_verb_forward(),
        }
    }

    /// The words of the button that sends the action's form: its label,
    /// or a verb where the label is a noun ("Ý kiến" → "Gửi ý kiến").
    pub fn submit_label(self, lang: Lang) -> &'static str {
        match self {
            ActionKind::Comment => Tr(lang).action_submit_comment(),
            other => other.label(lang),
        }
    }

    /// What a person reads once the action is done.
    pub fn done(self, lang: Lang) -> &'static str {
        use ActionKind as A;
        let t = Tr(lang);
        match self {
            A::File => t.filed_ok(),
            A::RequestInfo => t.action_done_request_info(),
            A::Supplement => t.action_done_supplement(),
            A::Dismiss => t.action_done_dismiss(),
            A::Merge => t.action_done_merge(),
            A::Accept => t.action_done_accept(),
            A::Respond => t.action_done_respond(),
            A::Orient => t.action_done_orient(),
            A::Escalate => t.action_done_escalate(),
            A::Conclude => t.action_done_conclude(),
            A::ReportResolution => t.action_done_report_resolution(),
            A::PublishResult => t.published(),
            A::Close => t.action_done_close(),
            A::Reopen => t.action_done_reopen(),
            A::Comment => t.action_done_comment(),
            A::AddOrientation => t.action_done_add_orientation(),
            A::ScheduleMeeting => t.action_done_schedule_meeting(),
            A::Reassign => t.action_done_reassign(),
            A::Reassess => t.action_done_reassess(),
            A::Forward => t.action_done_forward(),
            A::LogMeeting => t.action_done_log_meeting(),
            A::ProgressUpdate => t.action_done_progress_update(),
            A::SetTrialDate => t.action_done_set_trial_date(),
            A::SetVerdictDate => t.action_done_set_verdict_date(),
        }
    }

    /// Whether the action leaves the state as it is (the non-transition
    /// events, and `publish_result`).
    pub fn keeps_state(self) -> bool {
        matches!(
            self,
            ActionKind::PublishResult
                | ActionKind::Comment
                | ActionKind::AddOrientation
                | ActionKind::ScheduleMeeting
                | ActionKind::LogMeeting
                | ActionKind::ProgressUpdate
                | ActionKind::SetTrialDate
                | ActionKind::SetVerdictDate
                | ActionKind::Reassign
                | ActionKind::Reassess
        )
    }

    /// The input field in which the action takes uploaded files (§3.3:
    /// a supplement's `attachments`, the written answer's, the resolution
    /// report's and the conclusion's `documents`), if it takes any.
    pub fn files_field(self) -> Option<&'static str> {
        match self {
            ActionKind::Supplement => Some("attachments"),
            ActionKind::Respond | ActionKind::ReportResolution | ActionKind::Conclude => {
                Some("documents")
            }
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

impl FileInput<String> {
    /// The required inputs left blank, in the order of the filing form,
    /// each as the refusal it reads (the source is typed: never blank).
    /// A caller that answers one refusal answers the first, so that the
    /// filer hears of the fields in the order they fill them in.
    pub fn blanks(&self) -> Vec<Refusal> {
        ActionKind::File.blanks(|field| match field {
            InputField::Title => self.title.trim().is_empty(),
            InputField::Description => self.description.trim().is_empty(),
            InputField::Area => self.area.trim().is_empty(),
            InputField::Category => self.category.trim().is_empty(),
            _ => false,
        })
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

/// One body's opinion in an escalation (§11: every differing opinion is
/// reported up, each with the unit that holds it). `U` names the unit as
/// [`crate::Command`] does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Opinion<U = crate::UnitRef> {
    /// The unit whose opinion it is.
    pub unit: U,
    /// What it holds.
    pub opinion: String,
}

/// The inputs of `orient` and `add_orientation`. `U` is how a unit is
/// named, as in [`crate::Command`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Orientation<U = crate::UnitRef> {
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
    /// The units sent the orientation notice (SPEC §12): media, the
    /// Front, mass organisations, Party committees, boards.
    // Left out of an event that named none, as events before §12 read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<U>,
}

impl<U> Orientation<U> {
    /// The same input with its recipients named another way.
    pub fn resolve<U2, E>(
        self,
        unit: &mut impl FnMut(&'static str, U) -> Result<U2, E>,
    ) -> Result<Orientation<U2>, E> {
        Ok(Orientation {
            messages: self.messages,
            channels: self.channels,
            audience: self.audience,
            share_with_reporter: self.share_with_reporter,
            recipients: self
                .recipients
                .into_iter()
                .map(|u| unit("recipients", u))
                .collect::<Result<_, E>>()?,
        })
    }
}
