//! Why an action is refused: every rule that can be broken, with a message in
//! Vietnamese (the default) and English that says which rule it was.

use thiserror::Error;

use crate::{ActionKind, CaseState, DutyAction, DutyStatus, Lang, Role, TimeWindow};

#[cfg(test)]
mod input_tests;
mod inputs;
mod labels;

pub use labels::{field_label, value_label};
mod messages;
#[cfg(test)]
mod tests;

/// A refused action. Nothing was changed. `Display` is the Vietnamese
/// message; [`Refusal::message`] gives either language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Refusal {
    /// The role may never carry out this action.
    #[error("{}", self.message(Lang::Vi))]
    RoleNotAllowed {
        /// The action.
        action: ActionKind,
        /// The caller's role.
        role: Role,
    },
    /// The caller's unit does not serve the case's area or one above it.
    #[error("{}", self.message(Lang::Vi))]
    OutsideJurisdiction {
        /// The action.
        action: ActionKind,
    },
    /// Only a liaison of the lead unit may do this.
    #[error("{}", self.message(Lang::Vi))]
    NotLeadUnit {
        /// The action.
        action: ActionKind,
    },
    /// Only a liaison of the lead or a coordinating unit may do this.
    #[error("{}", self.message(Lang::Vi))]
    NotInvolvedUnit {
        /// The action.
        action: ActionKind,
    },
    /// Only the reporter who filed the case (or the board) may do this.
    #[error("{}", self.message(Lang::Vi))]
    NotTheReporter,
    /// The action is not possible in the case's current state.
    #[error("{}", self.message(Lang::Vi))]
    WrongState {
        /// The action.
        action: ActionKind,
        /// The current state.
        state: CaseState,
    },
    /// A required input is missing or blank.
    #[error("{}", self.message(Lang::Vi))]
    MissingInput {
        /// The JSON field name.
        field: &'static str,
    },
    /// An input is longer than allowed.
    #[error("{}", self.message(Lang::Vi))]
    InputTooLong {
        /// The JSON field name.
        field: &'static str,
        /// The maximum number of characters.
        max: usize,
    },
    /// An input has a value outside its range.
    #[error("{}", self.message(Lang::Vi))]
    InvalidInput {
        /// The JSON field name.
        field: &'static str,
    },
    /// A time (or date, or year) outside the window a user may type for
    /// it: a far one is a typing mistake, and some cannot even be shown.
    #[error("{}", self.message(Lang::Vi))]
    TimeOutOfRange {
        /// The JSON field or query parameter.
        field: &'static str,
        /// The window it must lie in.
        window: TimeWindow,
    },
    /// A search of more words than one query may hold.
    #[error("{}", self.message(Lang::Vi))]
    TooManyWords {
        /// The query parameter.
        field: &'static str,
        /// The most words.
        max: usize,
    },
    /// A code names nothing known (area, category, unit, case…).
    #[error("{}", self.message(Lang::Vi))]
    UnknownCode {
        /// The JSON field name.
        field: &'static str,
        /// The code given.
        code: String,
    },
    /// The lead unit is not a state body (HĐND, UBND, TAND, VKSND).
    #[error("{}", self.message(Lang::Vi))]
    LeadUnitNotStateBody {
        /// The unit's code.
        unit: String,
    },
    /// The coordinating unit is the party side of the coordination (a
    /// party committee or a board), not a body the board coordinates with.
    #[error("{}", self.message(Lang::Vi))]
    CoordinatingUnitOfTheParty {
        /// The unit's code.
        unit: String,
    },
    /// The named unit does not serve the case's area.
    #[error("{}", self.message(Lang::Vi))]
    UnitOutsideArea {
        /// The JSON field name.
        field: &'static str,
        /// The unit's code.
        unit: String,
    },
    /// The named unit no longer exists (abolished or merged).
    #[error("{}", self.message(Lang::Vi))]
    UnitInactive {
        /// The unit's code.
        unit: String,
    },
    /// A case cannot be merged into itself.
    #[error("{}", self.message(Lang::Vi))]
    MergeIntoItself,
    /// The merge target is not open.
    #[error("{}", self.message(Lang::Vi))]
    MergeTargetNotOpen {
        /// The target's code.
        target: String,
    },
    /// The merge target is outside the case's area subtree.
    #[error("{}", self.message(Lang::Vi))]
    MergeTargetOutsideArea {
        /// The target's code.
        target: String,
    },
    /// `close` before the result was published.
    #[error("{}", self.message(Lang::Vi))]
    ResultNotPublished,
    /// A deadline override that is not in the future.
    #[error("{}", self.message(Lang::Vi))]
    DeadlineInPast {
        /// The JSON field name.
        field: &'static str,
    },
    /// A resolution meeting scheduled without inviting the board (seed 000).
    /// A meeting logged without it is recorded, as a breach, not refused.
    #[error("{}", self.message(Lang::Vi))]
    MeetingWithoutBoard,
    /// An orientation notice named a unit of a kind that does not carry
    /// directed communication (SPEC §12).
    #[error("{}", self.message(Lang::Vi))]
    RecipientNotAllowed {
        /// The unit's code.
        unit: String,
    },
    /// Only a user of a recipient unit acknowledges an orientation notice.
    #[error("{}", self.message(Lang::Vi))]
    NotARecipient,
    /// An acknowledgement link that is unknown or past its 14 days.
    #[error("{}", self.message(Lang::Vi))]
    AcknowledgementLinkInvalid,
    /// A trial date on a case no court takes part in.
    #[error("{}", self.message(Lang::Vi))]
    NotACourtCase,
    /// A verdict date on a case whose trial date is not set (§13).
    #[error("{}", self.message(Lang::Vi))]
    NoTrialDate,
    /// A verdict date before the trial date (§13).
    #[error("{}", self.message(Lang::Vi))]
    VerdictBeforeTrial,
    /// Only a board officer asks a unit for information ad hoc (§13).
    #[error("{}", self.message(Lang::Vi))]
    DutyRequestNotAllowed,
    /// Information is asked only of a state body (§13, seed 003).
    #[error("{}", self.message(Lang::Vi))]
    NotADutyProvider {
        /// The unit's code.
        unit: String,
    },
    /// Only an administrator manages areas, units, users and categories.
    #[error("{}", self.message(Lang::Vi))]
    AdminOnly,
    /// Only leaders, board officers and administrators read the reports.
    #[error("{}", self.message(Lang::Vi))]
    ReportsNotAllowed,
    /// A new password shorter than the policy's minimum.
    #[error("{}", self.message(Lang::Vi))]
    PasswordTooShort {
        /// The input.
        field: &'static str,
        /// The fewest characters.
        min: usize,
    },
    /// A new password equal to the account's e-mail address.
    #[error("{}", self.message(Lang::Vi))]
    PasswordIsEmail {
        /// The input.
        field: &'static str,
    },
    /// The current password given to change it is not the current one.
    #[error("{}", self.message(Lang::Vi))]
    WrongCurrentPassword,
    /// A password reset link that is unknown, used or expired.
    #[error("{}", self.message(Lang::Vi))]
    ResetLinkInvalid,
    /// The caller's role or unit may not do this to a duty (§4.1): only a
    /// liaison of the provider submits, an officer of the recipient board
    /// acknowledges, an admin waives.
    #[error("{}", self.message(Lang::Vi))]
    DutyNotAllowed {
        /// What was tried.
        action: DutyAction,
    },
    /// The duty's status does not allow this (e.g. acknowledging a duty
    /// that was not submitted).
    #[error("{}", self.message(Lang::Vi))]
    DutyWrongStatus {
        /// What was tried.
        action: DutyAction,
        /// The current status.
        status: DutyStatus,
    },
    /// The caller may not add files to this case: only its reporter and
    /// those who work on it may.
    #[error("{}", self.message(Lang::Vi))]
    AttachmentNotAllowed,
    /// Files are not added to a closed, dismissed or merged case.
    #[error("{}", self.message(Lang::Vi))]
    AttachmentCaseFinished {
        /// The current state.
        state: CaseState,
    },
    /// The file's content is not an accepted kind (photo, PDF, office
    /// document), whatever its name says.
    #[error("{}", self.message(Lang::Vi))]
    UnsupportedFileType {
        /// The MIME type sniffed from the content, if any was recognised.
        sniffed: Option<String>,
    },
    /// Only an e-mail whose delivery failed may be sent again.
    #[error("{}", self.message(Lang::Vi))]
    EmailNotFailed,
    /// An escalation reports the opinions of fewer than two bodies (§11).
    #[error("{}", self.message(Lang::Vi))]
    OpinionsFromOneUnit,
    /// A reassessment that names neither priority, sensitivity nor hotspot
    /// risk.
    #[error("{}", self.message(Lang::Vi))]
    NothingReassessed,
    /// A reassignment to the unit that already leads the case.
    #[error("{}", self.message(Lang::Vi))]
    SameLeadUnit {
        /// The unit's code.
        unit: String,
    },
    /// A collaborator profile for a user who is not a `reporter` (§16).
    #[error("{}", self.message(Lang::Vi))]
    NotAReporter {
        /// The user as named (e-mail or name).
        user: String,
        /// Their role.
        role: Role,
    },
    /// Only admins and board officers manage the roster (§16).
    #[error("{}", self.message(Lang::Vi))]
    RosterNotAllowed,
    /// A term whose last day is before its first.
    #[error("{}", self.message(Lang::Vi))]
    TermEndsBeforeStart,
    /// A board officer naming an area their unit does not serve.
    #[error("{}", self.message(Lang::Vi))]
    AreaOutsideScope {
        /// The area's code.
        area: String,
    },
    /// Only a board officer with jurisdiction over an early-warning
    /// alert's area acknowledges it (§16).
    #[error("{}", self.message(Lang::Vi))]
    AlertNotAllowed,
    /// The alert was acknowledged before: by whom and when.
    #[error("{}", self.message(Lang::Vi))]
    AlertAcknowledged {
        /// The officer's name.
        by: String,
        /// When, in local words.
        at: String,
    },
}

impl Refusal {
    /// A stable machine code for the API (`wrong_state`, `missing_input`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::RoleNotAllowed { .. } => "role_not_allowed",
            Refusal::OutsideJurisdiction { .. } => "outside_jurisdiction",
            Refusal::NotLeadUnit { .. } => "not_lead_unit",
            Refusal::NotInvolvedUnit { .. } => "not_involved_unit",
            Refusal::NotTheReporter => "not_the_reporter",
            Refusal::WrongState { .. } => "wrong_state",
            Refusal::MissingInput { .. } => "missing_input",
            Refusal::InputTooLong { .. } => "input_too_long",
            Refusal::InvalidInput { .. } => "invalid_input",
            Refusal::TimeOutOfRange { .. } => "time_out_of_range",
            Refusal::TooManyWords { .. } => "too_many_words",
            Refusal::UnknownCode { .. } => "unknown_code",
            Refusal::LeadUnitNotStateBody { .. } => "lead_unit_not_state_body",
            Refusal::CoordinatingUnitOfTheParty { .. } => "coordinating_unit_of_the_party",
            Refusal::UnitOutsideArea { .. } => "unit_outside_area",
            Refusal::UnitInactive { .. } => "unit_inactive",
            Refusal::MergeIntoItself => "merge_into_itself",
            Refusal::MergeTargetNotOpen { .. } => "merge_target_not_open",
            Refusal::MergeTargetOutsideArea { .. } => "merge_target_outside_area",
            Refusal::ResultNotPublished => "result_not_published",
            Refusal::DeadlineInPast { .. } => "deadline_in_past",
            Refusal::MeetingWithoutBoard => "meeting_without_board",
            Refusal::RecipientNotAllowed { .. } => "recipient_not_allowed",
            Refusal::NotARecipient => "not_a_recipient",
            Refusal::AcknowledgementLinkInvalid => "acknowledgement_link_invalid",
            Refusal::NotACourtCase => "not_a_court_case",
            Refusal::NoTrialDate => "no_trial_date",
            Refusal::VerdictBeforeTrial => "verdict_before_trial",
            Refusal::DutyRequestNotAllowed => "duty_request_not_allowed",
            Refusal::NotADutyProvider { .. } => "not_a_duty_provider",
            Refusal::AdminOnly => "admin_only",
            Refusal::ReportsNotAllowed => "reports_not_allowed",
            Refusal::PasswordTooShort { .. } => "password_too_short",
            Refusal::PasswordIsEmail { .. } => "password_is_email",
            Refusal::WrongCurrentPassword => "wrong_current_password",
            Refusal::ResetLinkInvalid => "reset_link_invalid",
            Refusal::DutyNotAllowed { .. } => "duty_not_allowed",
            Refusal::DutyWrongStatus { .. } => "duty_wrong_status",
            Refusal::AttachmentNotAllowed => "attachment_not_allowed",
            Refusal::AttachmentCaseFinished { .. } => "case_finished",
            Refusal::UnsupportedFileType { .. } => "unsupported_file_type",
            Refusal::EmailNotFailed => "email_not_failed",
            Refusal::OpinionsFromOneUnit => "opinions_from_one_unit",
            Refusal::NothingReassessed => "nothing_reassessed",
            Refusal::SameLeadUnit { .. } => "same_lead_unit",
            Refusal::NotAReporter { .. } => "not_a_reporter",
            Refusal::RosterNotAllowed => "roster_not_allowed",
            Refusal::TermEndsBeforeStart => "term_ends_before_start",
            Refusal::AreaOutsideScope { .. } => "area_outside_scope",
            Refusal::AlertNotAllowed => "alert_not_allowed",
            Refusal::AlertAcknowledged { .. } => "alert_acknowledged",
        }
    }

    /// The message a user reads, naming the rule that was broken.
    pub fn message(&self, lang: Lang) -> String {
        messages::message(self, lang)
    }

    /// The JSON field at fault, for validation errors.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Refusal::MissingInput { field }
            | Refusal::InputTooLong { field, .. }
            | Refusal::InvalidInput { field }
            | Refusal::TimeOutOfRange { field, .. }
            | Refusal::TooManyWords { field, .. }
            | Refusal::UnknownCode { field, .. }
            | Refusal::UnitOutsideArea { field, .. }
            | Refusal::DeadlineInPast { field } => Some(field),
            Refusal::LeadUnitNotStateBody { .. } | Refusal::SameLeadUnit { .. } => {
                Some("lead_unit")
            }
            Refusal::OpinionsFromOneUnit => Some("opinions"),
            Refusal::VerdictBeforeTrial => Some("verdict_date"),
            Refusal::NotADutyProvider { .. } => Some("unit"),
            Refusal::NothingReassessed => Some("priority"),
            Refusal::CoordinatingUnitOfTheParty { .. } => Some("coordinating_units"),
            Refusal::MergeIntoItself
            | Refusal::MergeTargetNotOpen { .. }
            | Refusal::MergeTargetOutsideArea { .. } => Some("target"),
            Refusal::MeetingWithoutBoard => Some("invited_units"),
            Refusal::RecipientNotAllowed { .. } => Some("recipients"),
            Refusal::AcknowledgementLinkInvalid => Some("token"),
            Refusal::UnsupportedFileType { .. } => Some("file"),
            Refusal::PasswordTooShort { field, .. } | Refusal::PasswordIsEmail { field } => {
                Some(field)
            }
            Refusal::WrongCurrentPassword => Some("current_password"),
            Refusal::NotAReporter { .. } => Some("user"),
            Refusal::AreaOutsideScope { .. } => Some("areas"),
            Refusal::TermEndsBeforeStart => Some("until"),
            Refusal::ResetLinkInvalid => Some("token"),
            Refusal::RoleNotAllowed { .. }
            | Refusal::OutsideJurisdiction { .. }
            | Refusal::NotLeadUnit { .. }
            | Refusal::NotInvolvedUnit { .. }
            | Refusal::NotTheReporter
            | Refusal::WrongState { .. }
            | Refusal::UnitInactive { .. }
            | Refusal::ResultNotPublished
            | Refusal::NotACourtCase
            | Refusal::NoTrialDate
            | Refusal::DutyRequestNotAllowed
            | Refusal::AdminOnly
            | Refusal::ReportsNotAllowed
            | Refusal::DutyNotAllowed { .. }
            | Refusal::DutyWrongStatus { .. }
            | Refusal::AttachmentNotAllowed
            | Refusal::AttachmentCaseFinished { .. }
            | Refusal::NotARecipient
            | Refusal::RosterNotAllowed
            | Refusal::EmailNotFailed
            | Refusal::AlertNotAllowed
            | Refusal::AlertAcknowledged { .. } => None,
        }
    }

    /// Whether the refusal is about who is asking (HTTP 403) rather than
    /// the case's state (409) or the input (422).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            Refusal::RoleNotAllowed { .. }
                | Refusal::OutsideJurisdiction { .. }
                | Refusal::NotLeadUnit { .. }
                | Refusal::NotInvolvedUnit { .. }
                | Refusal::NotTheReporter
                | Refusal::AdminOnly
                | Refusal::ReportsNotAllowed
                | Refusal::DutyNotAllowed { .. }
                | Refusal::DutyRequestNotAllowed
                | Refusal::AttachmentNotAllowed
                | Refusal::NotARecipient
                | Refusal::RosterNotAllowed
                | Refusal::AreaOutsideScope { .. }
                | Refusal::AlertNotAllowed
        )
    }

    /// Whether the refusal is about the case's state or conditions (HTTP
    /// 409): the wrong state, `close` before publication, a trial date on a
    /// case without a court.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            Refusal::WrongState { .. }
                | Refusal::ResultNotPublished
                | Refusal::NotACourtCase
                | Refusal::NoTrialDate
                | Refusal::DutyWrongStatus { .. }
                | Refusal::AttachmentCaseFinished { .. }
                | Refusal::EmailNotFailed
                | Refusal::AlertAcknowledged { .. }
        )
    }
}
