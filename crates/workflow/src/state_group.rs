//! Which stretch of the workflow a state belongs to (issue 15): a page
//! colours a state's badge by its group, so that a desk tells at a glance
//! whose move a case waits on. The state's label still says which state.

use crate::{CaseState, ReporterState};

/// Whose move a case waits on, or how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateGroup {
    /// The board's: triage, the reporter's supplement, the answer to orient.
    Board,
    /// The lead agency's: the written answer, the resolution.
    Agency,
    /// A leader's: the conclusion of an escalation.
    Leader,
    /// Finished: the result reported, or the case closed.
    Finished,
    /// Not taken up: dismissed, or merged into another case.
    SetAside,
}

impl StateGroup {
    /// Every group, in workflow order.
    pub const ALL: [StateGroup; 5] = [
        StateGroup::Board,
        StateGroup::Agency,
        StateGroup::Leader,
        StateGroup::Finished,
        StateGroup::SetAside,
    ];

    /// A stable name, for a page's style.
    pub fn code(self) -> &'static str {
        match self {
            StateGroup::Board => "board",
            StateGroup::Agency => "agency",
            StateGroup::Leader => "leader",
            StateGroup::Finished => "finished",
            StateGroup::SetAside => "set_aside",
        }
    }
}

impl CaseState {
    /// The group of this state.
    pub fn group(self) -> StateGroup {
        match self {
            CaseState::Reported | CaseState::NeedsInfo | CaseState::Responded => StateGroup::Board,
            CaseState::Assigned | CaseState::Oriented => StateGroup::Agency,
            CaseState::Escalated => StateGroup::Leader,
            CaseState::Resolved | CaseState::Closed => StateGroup::Finished,
            CaseState::Dismissed | CaseState::Merged => StateGroup::SetAside,
        }
    }
}

impl ReporterState {
    /// The group of this state as the reporter reads it: one group for all
    /// that is "in progress", so the colour tells a reporter no more than
    /// the words (SPEC §10).
    pub fn group(self) -> StateGroup {
        match self {
            ReporterState::Received | ReporterState::NeedsInfo => StateGroup::Board,
            ReporterState::InProgress => StateGroup::Agency,
            ReporterState::Resolved | ReporterState::Closed => StateGroup::Finished,
            ReporterState::NotAccepted | ReporterState::Merged => StateGroup::SetAside,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_holds_a_state_and_the_reporter_reads_no_more() {
        for group in StateGroup::ALL {
            assert!(CaseState::ALL.iter().any(|s| s.group() == group));
        }
        // Every state the reporter reads as one has one colour for them.
        for state in CaseState::ALL {
            let seen = state.for_reporter();
            for other in seen.states() {
                assert_eq!(other.for_reporter().group(), seen.group());
            }
        }
        assert_eq!(CaseState::Escalated.group(), StateGroup::Leader);
        assert_eq!(
            CaseState::Escalated.for_reporter().group(),
            StateGroup::Agency
        );
    }

    #[test]
    fn the_board_colours_what_waits_on_it() {
        assert_eq!(CaseState::Reported.group(), StateGroup::Board);
        assert_eq!(CaseState::Responded.group(), StateGroup::Board);
        assert_eq!(CaseState::Assigned.group(), StateGroup::Agency);
        assert_eq!(CaseState::Closed.group(), StateGroup::Finished);
        assert_eq!(CaseState::Merged.group(), StateGroup::SetAside);
    }
}
