//! The deadlines of a case (SPEC §3.4): which one is meant, its code and
//! the words for it, and in which states it runs.

use crate::coded::coded_enum;
use crate::{ActionKind, CaseState, Lang, Tr};

coded_enum! {
    /// Which of a case's deadlines is meant; its label names the step, as
    /// the report's tables do.
    pub enum DeadlineKind {
        /// Triage by the board.
        Triage = ("triage", deadline_triage),
        /// Written answer by the lead agency.
        Answer = ("answer", deadline_answer),
        /// Resolution by the lead agency.
        Resolution = ("resolution", deadline_resolution),
    }
}

impl DeadlineKind {
    /// The deadlines that run in `state` (design.md "Deadlines"): triage
    /// while reported, the answer while assigned, the resolution until
    /// resolved. The scheduler asks this without loading a whole case, and
    /// the store builds its `overdue` list filter from it.
    pub fn running_in(state: CaseState) -> &'static [DeadlineKind] {
        match state {
            CaseState::Reported => &[DeadlineKind::Triage],
            CaseState::Assigned => &[DeadlineKind::Answer, DeadlineKind::Resolution],
            CaseState::Responded | CaseState::Oriented | CaseState::Escalated => {
                &[DeadlineKind::Resolution]
            }
            _ => &[],
        }
    }

    /// The states in which this deadline runs ([`DeadlineKind::running_in`]
    /// read the other way round).
    pub fn runs_in(self) -> Vec<CaseState> {
        CaseState::ALL
            .iter()
            .copied()
            .filter(|&state| DeadlineKind::running_in(state).contains(&self))
            .collect()
    }

    /// Whether an event that takes a case from `from` to `to` ends this
    /// step: the deadline ran before it and does not after it. A comment
    /// leaves the state as it was and ends nothing; a `supplement` starts
    /// triage, it does not end it.
    pub fn ended_by(self, from: CaseState, to: CaseState) -> bool {
        DeadlineKind::running_in(from).contains(&self)
            && !DeadlineKind::running_in(to).contains(&self)
    }

    /// The actions that (re)start this deadline; it runs from the last of
    /// them: triage from filing or a supplement, the answer and the
    /// resolution from acceptance.
    pub fn started_by(self) -> &'static [ActionKind] {
        match self {
            DeadlineKind::Triage => &[ActionKind::File, ActionKind::Supplement],
            DeadlineKind::Answer | DeadlineKind::Resolution => &[ActionKind::Accept],
        }
    }

    /// The deadline as a page names it: "Hạn phân loại".
    pub fn due_label(self, lang: Lang) -> &'static str {
        let t = Tr(lang);
        match self {
            DeadlineKind::Triage => t.deadline_triage_due(),
            DeadlineKind::Answer => t.deadline_answer_due(),
            DeadlineKind::Resolution => t.deadline_resolution_due(),
        }
    }

    /// The step inside a sentence, lower case: "… hạn phân loại".
    pub fn step_in_sentence(self, lang: Lang) -> &'static str {
        let t = Tr(lang);
        match self {
            DeadlineKind::Triage => t.deadline_triage_step(),
            DeadlineKind::Answer => t.deadline_answer_step(),
            DeadlineKind::Resolution => t.deadline_resolution_step(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_the_serde_name_and_reads_back() {
        for &kind in DeadlineKind::ALL {
            let serde = serde_json::to_value(kind).unwrap();
            assert_eq!(serde.as_str(), Some(kind.code()));
            assert_eq!(DeadlineKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn each_deadline_runs_in_the_states_that_wait_on_it() {
        use CaseState as S;
        assert_eq!(DeadlineKind::Triage.runs_in(), [S::Reported]);
        assert_eq!(DeadlineKind::Answer.runs_in(), [S::Assigned]);
        assert_eq!(
            DeadlineKind::Resolution.runs_in(),
            [S::Assigned, S::Responded, S::Oriented, S::Escalated]
        );
    }

    #[test]
    fn leaving_assigned_for_responded_ends_the_answer_but_not_the_resolution() {
        use CaseState as S;
        assert!(DeadlineKind::Answer.ended_by(S::Assigned, S::Responded));
        assert!(!DeadlineKind::Resolution.ended_by(S::Assigned, S::Responded));
        assert!(DeadlineKind::Resolution.ended_by(S::Oriented, S::Resolved));
    }

    #[test]
    fn triage_restarts_with_a_supplement_and_the_other_deadlines_run_from_acceptance() {
        use ActionKind as A;
        assert_eq!(DeadlineKind::Triage.started_by(), [A::File, A::Supplement]);
        assert_eq!(DeadlineKind::Answer.started_by(), [A::Accept]);
        assert_eq!(DeadlineKind::Resolution.started_by(), [A::Accept]);
    }
}
