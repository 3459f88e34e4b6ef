//! An action on an existing case with its input (SPEC §3.3).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    ActionKind, HotspotRisk, InputField, MergeTarget, Opinion, Orientation, Priority, Refusal,
    Sensitivity, UnitRef,
};

/// An action on an existing case with its input, by the JSON names of
/// §3.3. `U` is how a unit is named and `C` how a case is: a client sends
/// codes (`Command<String, String>`), the store resolves them into the
/// references the rules decide on (`Command`, the default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command<U = UnitRef, C = MergeTarget> {
    /// `request_info`.
    RequestInfo {
        /// The question to the reporter.
        question: String,
    },
    /// `supplement`: text and/or attachments (ids of uploaded files).
    Supplement {
        /// Added information.
        #[serde(default)]
        text: Option<String>,
        /// Attachments uploaded beforehand.
        #[serde(default)]
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
        target: C,
    },
    /// `accept`.
    Accept {
        /// Sensitivity.
        sensitivity: Sensitivity,
        /// Priority.
        priority: Priority,
        /// The lead agency.
        lead_unit: U,
        /// Coordinating units.
        #[serde(default)]
        coordinating_units: Vec<U>,
        /// Overrides the computed written-answer deadline.
        #[serde(default)]
        answer_due: Option<DateTime<Utc>>,
    },
    /// `respond`.
    Respond {
        /// The written answer.
        answer: String,
        /// Documents uploaded beforehand.
        #[serde(default)]
        documents: Vec<i64>,
    },
    /// `orient`.
    Orient(Orientation<U>),
    /// `escalate`.
    Escalate {
        /// The differing opinions, each with its unit; at least two units.
        opinions: Vec<Opinion<U>>,
    },
    /// `conclude`.
    Conclude {
        /// The conclusion (kết luận chỉ đạo).
        conclusion: String,
        /// Documents uploaded beforehand.
        #[serde(default)]
        documents: Vec<i64>,
    },
    /// `report_resolution`.
    ReportResolution {
        /// What was done.
        summary: String,
        /// Documents uploaded beforehand.
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
        /// Whether the reporter reads it too (SPEC §10); internal by default.
        // Recorded only when true: an event says it was shared, not that it was not.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        share_with_reporter: bool,
    },
    /// `add_orientation`.
    AddOrientation(Orientation<U>),
    /// `schedule_meeting` (SPEC §11): a resolution meeting ahead, to which
    /// every invited unit is sent an invitation with a calendar entry.
    ScheduleMeeting {
        /// When it starts.
        starts_at: DateTime<Utc>,
        /// When it ends; [`crate::MEETING_DEFAULT_HOURS`] after the start
        /// when left out.
        #[serde(default)]
        ends_at: Option<DateTime<Utc>>,
        /// Where.
        place: String,
        /// The chairing unit.
        chair_unit: U,
        /// The units invited; the board must be among them (seed 000).
        invited_units: Vec<U>,
        /// What it is to settle.
        agenda: String,
    },
    /// `log_meeting`.
    LogMeeting {
        /// The scheduled meeting it records (its number), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        meeting: Option<i64>,
        /// When it was held.
        held_at: DateTime<Utc>,
        /// The chairing unit.
        chair_unit: U,
        /// Units invited; the board's representative must be among them.
        attendees: Vec<U>,
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
    /// `set_verdict_date` (§13).
    SetVerdictDate {
        /// The day of the verdict: on or after the trial date.
        verdict_date: NaiveDate,
    },
    /// `reassign` (§11).
    Reassign {
        /// The new lead agency.
        lead_unit: U,
        /// The coordinating units from now on; none given keeps them.
        #[serde(default)]
        coordinating_units: Vec<U>,
        /// Why.
        reason: String,
    },
    /// `reassess` (§11): at least one of the three, and why.
    Reassess {
        /// The new priority.
        #[serde(default)]
        priority: Option<Priority>,
        /// The new sensitivity.
        #[serde(default)]
        sensitivity: Option<Sensitivity>,
        /// The new risk of becoming a hotspot.
        #[serde(default)]
        hotspot_risk: Option<HotspotRisk>,
        /// Why.
        reason: String,
    },
    /// `forward` (§11).
    Forward {
        /// The competent body the report is sent to.
        to_unit: U,
        /// Why it belongs there.
        reason: String,
    },
}

impl<U, C> Command<U, C> {
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
            Command::ScheduleMeeting { .. } => ActionKind::ScheduleMeeting,
            Command::LogMeeting { .. } => ActionKind::LogMeeting,
            Command::ProgressUpdate { .. } => ActionKind::ProgressUpdate,
            Command::SetTrialDate { .. } => ActionKind::SetTrialDate,
            Command::SetVerdictDate { .. } => ActionKind::SetVerdictDate,
            Command::Reassign { .. } => ActionKind::Reassign,
            Command::Reassess { .. } => ActionKind::Reassess,
            Command::Forward { .. } => ActionKind::Forward,
        }
    }

    /// Every unit the input names, with the field that names it.
    pub fn units(&self) -> Vec<(&'static str, &U)> {
        match self {
            Command::Accept {
                lead_unit,
                coordinating_units,
                ..
            }
            | Command::Reassign {
                lead_unit,
                coordinating_units,
                ..
            } => {
                let mut units = vec![("lead_unit", lead_unit)];
                units.extend(coordinating_units.iter().map(|u| ("coordinating_units", u)));
                units
            }
            Command::ScheduleMeeting {
                chair_unit,
                invited_units,
                ..
            } => {
                let mut units = vec![("chair_unit", chair_unit)];
                units.extend(invited_units.iter().map(|u| ("invited_units", u)));
                units
            }
            Command::LogMeeting {
                chair_unit,
                attendees,
                ..
            } => {
                let mut units = vec![("chair_unit", chair_unit)];
                units.extend(attendees.iter().map(|u| ("attendees", u)));
                units
            }
            Command::Orient(o) | Command::AddOrientation(o) => {
                o.recipients.iter().map(|u| ("recipients", u)).collect()
            }
            Command::Forward { to_unit, .. } => vec![("to_unit", to_unit)],
            Command::Escalate { opinions } => {
                opinions.iter().map(|o| ("opinions", &o.unit)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The case the input names (`merge`'s target).
    pub fn target(&self) -> Option<&C> {
        match self {
            Command::Merge { target } => Some(target),
            _ => None,
        }
    }

    /// The ids of the uploaded files the input names.
    pub fn files(&self) -> &[i64] {
        match self {
            Command::Supplement { attachments, .. } => attachments,
            Command::Respond { documents, .. }
            | Command::ReportResolution { documents, .. }
            | Command::Conclude { documents, .. } => documents,
            _ => &[],
        }
    }

    /// The list of uploaded files the action takes (`supplement`'s
    /// `attachments`, the `documents` of `respond`, `report_resolution`
    /// and `conclude`),
    /// or `None` for an action that takes no files: a form sending files
    /// with it adds their ids here.
    pub fn files_mut(&mut self) -> Option<&mut Vec<i64>> {
        match self {
            Command::Supplement { attachments, .. } => Some(attachments),
            Command::Respond { documents, .. }
            | Command::ReportResolution { documents, .. }
            | Command::Conclude { documents, .. } => Some(documents),
            _ => None,
        }
    }

    /// The same command with its units and case named another way: `unit`
    /// gets each unit with the field naming it, `case` the merge target.
    pub fn resolve<U2, C2, E>(
        self,
        mut unit: impl FnMut(&'static str, U) -> Result<U2, E>,
        case: impl FnOnce(C) -> Result<C2, E>,
    ) -> Result<Command<U2, C2>, E> {
        Ok(match self {
            Command::RequestInfo { question } => Command::RequestInfo { question },
            Command::Supplement { text, attachments } => Command::Supplement { text, attachments },
            Command::Dismiss { reason } => Command::Dismiss { reason },
            Command::Merge { target } => Command::Merge {
                target: case(target)?,
            },
            Command::Accept {
                sensitivity,
                priority,
                lead_unit,
                coordinating_units,
                answer_due,
            } => Command::Accept {
                sensitivity,
                priority,
                lead_unit: unit("lead_unit", lead_unit)?,
                coordinating_units: coordinating_units
                    .into_iter()
                    .map(|u| unit("coordinating_units", u))
                    .collect::<Result<_, E>>()?,
                answer_due,
            },
            Command::Respond { answer, documents } => Command::Respond { answer, documents },
            Command::Orient(o) => Command::Orient(o.resolve(&mut unit)?),
            Command::Escalate { opinions } => Command::Escalate {
                opinions: opinions
                    .into_iter()
                    .map(|o| {
                        Ok(Opinion {
                            unit: unit("opinions", o.unit)?,
                            opinion: o.opinion,
                        })
                    })
                    .collect::<Result<_, E>>()?,
            },
            Command::Conclude {
                conclusion,
                documents,
            } => Command::Conclude {
                conclusion,
                documents,
            },
            Command::ReportResolution { summary, documents } => {
                Command::ReportResolution { summary, documents }
            }
            Command::PublishResult { text } => Command::PublishResult { text },
            Command::Close { remark } => Command::Close { remark },
            Command::Reopen { reason } => Command::Reopen { reason },
            Command::Comment {
                text,
                share_with_reporter,
            } => Command::Comment {
                text,
                share_with_reporter,
            },
            Command::AddOrientation(o) => Command::AddOrientation(o.resolve(&mut unit)?),
            Command::ScheduleMeeting {
                starts_at,
                ends_at,
                place,
                chair_unit,
                invited_units,
                agenda,
            } => Command::ScheduleMeeting {
                starts_at,
                ends_at,
                place,
                chair_unit: unit("chair_unit", chair_unit)?,
                invited_units: invited_units
                    .into_iter()
                    .map(|u| unit("invited_units", u))
                    .collect::<Result<_, E>>()?,
                agenda,
            },
            Command::LogMeeting {
                meeting,
                held_at,
                chair_unit,
                attendees,
                minutes,
            } => Command::LogMeeting {
                meeting,
                held_at,
                chair_unit: unit("chair_unit", chair_unit)?,
                attendees: attendees
                    .into_iter()
                    .map(|u| unit("attendees", u))
                    .collect::<Result<_, E>>()?,
                minutes,
            },
            Command::ProgressUpdate { text } => Command::ProgressUpdate { text },
            Command::SetTrialDate { trial_date } => Command::SetTrialDate { trial_date },
            Command::SetVerdictDate { verdict_date } => Command::SetVerdictDate { verdict_date },
            Command::Reassign {
                lead_unit,
                coordinating_units,
                reason,
            } => Command::Reassign {
                lead_unit: unit("lead_unit", lead_unit)?,
                coordinating_units: coordinating_units
                    .into_iter()
                    .map(|u| unit("coordinating_units", u))
                    .collect::<Result<_, E>>()?,
                reason,
            },
            Command::Reassess {
                priority,
                sensitivity,
                hotspot_risk,
                reason,
            } => Command::Reassess {
                priority,
                sensitivity,
                hotspot_risk,
                reason,
            },
            Command::Forward { to_unit, reason } => Command::Forward {
                to_unit: unit("to_unit", to_unit)?,
                reason,
            },
        })
    }
}

impl ActionKind {
    /// The required fields of the action's form that `blank` says were
    /// left blank, in the form's order, each as the refusal it reads: a
    /// form names every one at once.
    pub fn blanks(self, blank: impl Fn(InputField) -> bool) -> Vec<Refusal> {
        self.form()
            .iter()
            .filter(|field| field.widget().required() && blank(**field))
            .map(|field| Refusal::MissingInput {
                field: field.name(),
            })
            .collect()
    }

    /// The fields of the action's form, in the order it asks for them,
    /// besides the uploaded files of [`ActionKind::files_field`]. The
    /// event of the action records these fields, and its timeline entry
    /// shows them in this order.
    pub fn form(self) -> &'static [InputField] {
        use InputField::*;
        match self {
            ActionKind::File => &[
                Title,
                Description,
                Area,
                Category,
                Source,
                PeopleAffected,
                HotspotRisk,
            ],
            ActionKind::RequestInfo => &[Question],
            ActionKind::Supplement => &[AddedText],
            ActionKind::Dismiss | ActionKind::Reopen => &[Reason],
            ActionKind::Merge => &[Target],
            ActionKind::Accept => &[
                Sensitivity,
                Priority,
                LeadUnit,
                CoordinatingUnits,
                AnswerDue,
            ],
            ActionKind::Respond => &[Answer],
            ActionKind::Orient | ActionKind::AddOrientation => {
                &[Messages, Channels, Audience, Recipients, ShareWithReporter]
            }
            ActionKind::Escalate => &[Opinions],
            ActionKind::Conclude => &[Conclusion],
            ActionKind::ReportResolution => &[Summary],
            ActionKind::PublishResult => &[PublicText],
            ActionKind::Close => &[Remark],
            ActionKind::Comment => &[Note, ShareWithReporter],
            ActionKind::ProgressUpdate => &[Note],
            ActionKind::ScheduleMeeting => {
                &[StartsAt, EndsAt, Place, ChairUnit, InvitedUnits, Agenda]
            }
            ActionKind::LogMeeting => &[HeldAt, ChairUnit, Attendees, Minutes, Meeting],
            ActionKind::SetTrialDate => &[TrialDate],
            ActionKind::SetVerdictDate => &[VerdictDate],
            ActionKind::Reassign => &[NewLeadUnit, CoordinatingFromNow, Reason],
            ActionKind::Reassess => &[NewPriority, NewSensitivity, NewHotspotRisk, Reason],
            ActionKind::Forward => &[ToUnit, Reason],
        }
    }
}

impl ActionKind {
    /// The facts an action's event records beside its input, found by the
    /// rules rather than typed (a meeting's `board_present`).
    pub fn found(self) -> &'static [InputField] {
        match self {
            ActionKind::LogMeeting => &[InputField::BoardPresent],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests;
