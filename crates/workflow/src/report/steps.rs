//! When the steps the report measures happened to one case, folded from
//! its timeline: the step ends are judged by [`DeadlineKind::ended_by`],
//! the same table that says which deadline runs in which state.

use chrono::{DateTime, Utc};

use crate::{ActionKind, CaseState, DeadlineKind};

/// The steps of one case the report times and judges. Each is the first
/// time, except the end of triage, which is the last (a `supplement`
/// restarts the triage clock, so only the last decision answers it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CaseSteps {
    /// The last event that took the case out of a state where triage runs.
    pub triage_end: Option<DateTime<Utc>>,
    /// The first `accept`.
    pub accepted: Option<DateTime<Utc>>,
    /// The first event that took the case out of a state where the answer
    /// runs: the written answer, or orientation or escalation before one,
    /// after which the answer deadline no longer runs.
    pub answer_end: Option<DateTime<Utc>>,
    /// The first `respond`.
    pub responded: Option<DateTime<Utc>>,
    /// The first `report_resolution`.
    pub resolved: Option<DateTime<Utc>>,
}

impl CaseSteps {
    /// The actions whose first time is a step of its own; with the events
    /// that change the state where triage or the answer runs, these are all
    /// the events [`CaseSteps::record`] looks at.
    pub const TIMED: [ActionKind; 3] = [
        ActionKind::Accept,
        ActionKind::Respond,
        ActionKind::ReportResolution,
    ];

    /// The states whose leaving may end a step: where triage or the answer
    /// runs. A store reads only the events out of these (that change the
    /// state) and those of [`CaseSteps::TIMED`].
    pub fn ending_states() -> Vec<CaseState> {
        let mut states = DeadlineKind::Triage.runs_in();
        states.extend(DeadlineKind::Answer.runs_in());
        states.sort();
        states.dedup();
        states
    }

    /// Folds one event of the case's timeline, oldest first: `action` took
    /// the case from `from` (none for `file`) to `to` at `at`.
    pub fn record(
        &mut self,
        action: ActionKind,
        from: Option<CaseState>,
        to: CaseState,
        at: DateTime<Utc>,
    ) {
        if let Some(from) = from {
            if DeadlineKind::Triage.ended_by(from, to) {
                self.triage_end = Some(at);
            }
            if DeadlineKind::Answer.ended_by(from, to) {
                self.answer_end.get_or_insert(at);
            }
        }
        let first = match action {
            ActionKind::Accept => &mut self.accepted,
            ActionKind::Respond => &mut self.responded,
            ActionKind::ReportResolution => &mut self.resolved,
            _ => return,
        };
        first.get_or_insert(at);
    }

    /// When the `kind` deadline of a case now in `state` was met, if it
    /// was: triage that runs again (back in `reported` after a
    /// `supplement`) is not met by an earlier decision.
    pub fn met_at(&self, kind: DeadlineKind, state: CaseState) -> Option<DateTime<Utc>> {
        match kind {
            DeadlineKind::Triage if DeadlineKind::running_in(state).contains(&kind) => None,
            DeadlineKind::Triage => self.triage_end,
            DeadlineKind::Answer => self.answer_end,
            DeadlineKind::Resolution => self.resolved,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use ActionKind as A;
    use CaseState as S;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, hour, 0, 0).unwrap()
    }

    fn fold(events: &[(ActionKind, Option<CaseState>, CaseState, u32)]) -> CaseSteps {
        let mut steps = CaseSteps::default();
        for &(action, from, to, hour) in events {
            steps.record(action, from, to, at(hour));
        }
        steps
    }

    #[test]
    fn the_last_triage_decision_ends_triage_after_a_supplement() {
        let steps = fold(&[
            (A::File, None, S::Reported, 1),
            (A::RequestInfo, Some(S::Reported), S::NeedsInfo, 2),
            (A::Supplement, Some(S::NeedsInfo), S::Reported, 3),
            (A::Accept, Some(S::Reported), S::Assigned, 4),
        ]);
        assert_eq!(steps.triage_end, Some(at(4)));
        assert_eq!(steps.accepted, Some(at(4)));
    }

    #[test]
    fn triage_running_again_is_not_met_by_an_earlier_decision() {
        let steps = fold(&[
            (A::RequestInfo, Some(S::Reported), S::NeedsInfo, 2),
            (A::Supplement, Some(S::NeedsInfo), S::Reported, 3),
        ]);
        assert_eq!(steps.met_at(DeadlineKind::Triage, S::Reported), None);
        assert_eq!(
            steps.met_at(DeadlineKind::Triage, S::NeedsInfo),
            Some(at(2))
        );
    }

    #[test]
    fn orientation_or_escalation_before_an_answer_ends_the_answer_step() {
        for (action, to) in [(A::Orient, S::Oriented), (A::Escalate, S::Escalated)] {
            let steps = fold(&[
                (A::Accept, Some(S::Reported), S::Assigned, 1),
                (A::Comment, Some(S::Assigned), S::Assigned, 2),
                (action, Some(S::Assigned), to, 3),
            ]);
            assert_eq!(steps.answer_end, Some(at(3)));
            assert_eq!(steps.responded, None);
        }
    }

    #[test]
    fn the_answer_step_ends_the_first_time_only() {
        let steps = fold(&[
            (A::Escalate, Some(S::Assigned), S::Escalated, 1),
            (A::Conclude, Some(S::Escalated), S::Assigned, 2),
            (A::Respond, Some(S::Assigned), S::Responded, 3),
        ]);
        assert_eq!(steps.answer_end, Some(at(1)));
        assert_eq!(steps.responded, Some(at(3)));
    }

    #[test]
    fn a_comment_ends_no_step() {
        let steps = fold(&[(A::Comment, Some(S::Assigned), S::Assigned, 2)]);
        assert_eq!(steps, CaseSteps::default());
    }

    #[test]
    fn the_resolution_is_met_by_the_first_reported_resolution() {
        let steps = fold(&[
            (A::ReportResolution, Some(S::Oriented), S::Resolved, 5),
            (A::Reopen, Some(S::Resolved), S::Oriented, 6),
            (A::ReportResolution, Some(S::Oriented), S::Resolved, 7),
        ]);
        assert_eq!(
            steps.met_at(DeadlineKind::Resolution, S::Resolved),
            Some(at(5))
        );
    }

    #[test]
    fn the_events_read_are_those_out_of_reported_or_assigned() {
        assert_eq!(CaseSteps::ending_states(), vec![S::Reported, S::Assigned]);
    }
}
