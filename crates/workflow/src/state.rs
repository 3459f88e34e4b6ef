//! The states of a case (SPEC §3.2).

use crate::coded::coded_enum;

coded_enum! {
    /// Where a case stands in its workflow.
    pub enum CaseState {
        /// Filed, waiting for triage.
        Reported = ("reported", state_reported),
        /// The board asked the reporter for more.
        NeedsInfo = ("needs_info", state_needs_info),
        /// Accepted as nổi cộm; the lead agency must answer in writing.
        Assigned = ("assigned", state_assigned),
        /// Written answer and documents received.
        Responded = ("responded", state_responded),
        /// The board issued directed communication; resolution under way.
        Oriented = ("oriented", state_oriented),
        /// Bodies disagree; all opinions reported up for a conclusion.
        Escalated = ("escalated", state_escalated),
        /// The lead agency reported the result.
        Resolved = ("resolved", state_resolved),
        /// A leader closed it after the result was made public.
        Closed = ("closed", state_closed),
        /// Triage decided it is not a nổi cộm issue.
        Dismissed = ("dismissed", state_dismissed),
        /// Duplicate of another open case.
        Merged = ("merged", state_merged),
    }
}

impl CaseState {
    /// No action leads out of these. `closed` is not terminal: a leader may
    /// `reopen` it.
    pub fn is_terminal(self) -> bool {
        matches!(self, CaseState::Dismissed | CaseState::Merged)
    }

    /// Open cases still need work: everything but closed, dismissed, merged.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            CaseState::Closed | CaseState::Dismissed | CaseState::Merged
        )
    }

    /// Accepted (triaged in) and not yet closed: where the non-transition
    /// events of §3.3 are allowed.
    pub fn is_accepted_open(self) -> bool {
        matches!(
            self,
            CaseState::Assigned
                | CaseState::Responded
                | CaseState::Oriented
                | CaseState::Escalated
                | CaseState::Resolved
        )
    }
}

coded_enum! {
    /// A case's state in the reporter's terms (SPEC §10): what they may
    /// know of where their report stands, without the internal steps.
    pub enum ReporterState {
        /// Filed, waiting for triage.
        Received = ("received", reporter_state_received),
        /// The board asked the reporter for more.
        NeedsInfo = ("needs_info", reporter_state_needs_info),
        /// Accepted; the bodies are working on it.
        InProgress = ("in_progress", reporter_state_in_progress),
        /// The lead agency reported the result.
        Resolved = ("resolved", reporter_state_resolved),
        /// Closed after the result was made public.
        Closed = ("closed", state_closed),
        /// Not taken up as a prominent issue (dismissed or forwarded).
        NotAccepted = ("not_accepted", reporter_state_not_accepted),
        /// Joined to another case on the same matter.
        Merged = ("merged", state_merged),
    }
}

impl ReporterState {
    /// The states that read as this one: what a reporter's filter on it
    /// selects.
    pub fn states(self) -> &'static [CaseState] {
        match self {
            ReporterState::Received => &[CaseState::Reported],
            ReporterState::NeedsInfo => &[CaseState::NeedsInfo],
            ReporterState::InProgress => &[
                CaseState::Assigned,
                CaseState::Responded,
                CaseState::Oriented,
                CaseState::Escalated,
            ],
            ReporterState::Resolved => &[CaseState::Resolved],
            ReporterState::Closed => &[CaseState::Closed],
            ReporterState::NotAccepted => &[CaseState::Dismissed],
            ReporterState::Merged => &[CaseState::Merged],
        }
    }
}

impl CaseState {
    /// The state as the reporter reads it (SPEC §10): every internal step
    /// between acceptance and the result is "in progress".
    pub fn for_reporter(self) -> ReporterState {
        match self {
            CaseState::Reported => ReporterState::Received,
            CaseState::NeedsInfo => ReporterState::NeedsInfo,
            CaseState::Assigned
            | CaseState::Responded
            | CaseState::Oriented
            | CaseState::Escalated => ReporterState::InProgress,
            CaseState::Resolved => ReporterState::Resolved,
            CaseState::Closed => ReporterState::Closed,
            CaseState::Dismissed => ReporterState::NotAccepted,
            CaseState::Merged => ReporterState::Merged,
        }
    }
}
