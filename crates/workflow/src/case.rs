//! A case as the rules see it (SPEC §3.1).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    AreaRef, CaseId, CaseState, Deadline, DeadlineKind, HotspotRisk, Priority, Sensitivity, Source,
    UnitRef, UserId,
};

/// A nổi cộm case with everything a rule may look at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The store's id; [`CaseId::UNSAVED`] until the store inserts it.
    pub id: CaseId,
    /// The human-readable code, e.g. `HN-2026-000123`; empty until stored.
    pub code: String,
    /// Short title.
    pub title: String,
    /// What was reported.
    pub description: String,
    /// Where it happens.
    pub area: AreaRef,
    /// Category code (`land`, `environment`, …; admins may add more).
    pub category: String,
    /// Where the report came from.
    pub source: Source,
    /// Set at `accept`; `normal` before.
    pub sensitivity: Sensitivity,
    /// Set at `accept`; before that the triage priority follows the hotspot risk.
    pub priority: Priority,
    /// Risk of becoming a hotspot, as the filer judged it.
    pub hotspot_risk: Option<HotspotRisk>,
    /// Estimated number of people affected.
    pub people_affected: Option<i64>,
    /// The user who filed it.
    pub reporter: UserId,
    /// The lead agency (cơ quan chủ trì), from `accept`.
    pub lead_unit: Option<UnitRef>,
    /// Coordinating units, from `accept`.
    pub coordinating_units: Vec<UnitRef>,
    /// Current state.
    pub state: CaseState,
    /// The state `conclude` returns to, while escalated.
    pub escalated_from: Option<CaseState>,
    /// Whether `publish_result` happened since the last resolution.
    pub result_published: bool,
    /// The case this one was merged into.
    pub merged_into: Option<CaseId>,
    /// Trial date of a court case (§4.2).
    pub trial_date: Option<NaiveDate>,
    /// Verdict date of a court case (§13): the after-trial duty counts
    /// from it once it is set.
    pub verdict_date: Option<NaiveDate>,
    /// Triage deadline, from `file` (and again from `supplement`).
    pub triage_due: Option<Deadline>,
    /// Written-answer deadline, from `accept`.
    pub answer_due: Option<Deadline>,
    /// Resolution deadline, from `accept`.
    pub resolution_due: Option<Deadline>,
    /// Optimistic-concurrency version: 1 when filed, +1 per accepted action.
    pub version: i64,
    /// When it was filed.
    pub created_at: DateTime<Utc>,
    /// When the last action was carried out.
    pub updated_at: DateTime<Utc>,
}

impl Case {
    /// The deadlines that are running in the current state and passed at `now`.
    pub fn overdue_deadlines(&self, now: DateTime<Utc>) -> Vec<DeadlineKind> {
        self.running_deadlines()
            .into_iter()
            .filter(|(_, d)| d.is_passed(now))
            .map(|(k, _)| k)
            .collect()
    }

    /// Whether any running deadline passed at `now` (quá hạn).
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        !self.overdue_deadlines(now).is_empty()
    }

    /// The deadlines the current state is waiting on: triage while reported;
    /// the written answer while assigned; the resolution until resolved.
    pub fn running_deadlines(&self) -> Vec<(DeadlineKind, &Deadline)> {
        DeadlineKind::running_in(self.state)
            .iter()
            .filter_map(|&kind| self.deadline(kind).map(|d| (kind, d)))
            .collect()
    }

    /// One of the case's deadlines, if set.
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        match kind {
            DeadlineKind::Triage => self.triage_due.as_ref(),
            DeadlineKind::Answer => self.answer_due.as_ref(),
            DeadlineKind::Resolution => self.resolution_due.as_ref(),
        }
    }
}
