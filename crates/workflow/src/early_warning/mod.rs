//! Hotspot early warning (SPEC §16, *cảnh báo nguy cơ điểm nóng*): for each
//! area subtree × category, a weekly signal against its own baseline.
//!
//! **The signal** of a week is what was reported in the subtree that week:
//! each case filed counts 1; each opinion item counts its mood × its reach
//! ([`item_weight`]). **The baseline** is the mean signal of the 8 weeks
//! before. **An alert** is raised when the week is improbable under the
//! baseline: P(X ≥ observed | X ~ Poisson(λ)) < 1 % with
//! λ = max(baseline, 2), and the observed signal at least 6
//! ([`Rule::default`]); or when a case with `hotspot_risk: high` was filed
//! that week ([`AlertReason::HighRiskCase`]). Weeks start on Monday, local
//! time (the calendar's zone, Asia/Ho_Chi_Minh).
//!
//! The store reads the counts, this module rolls them up into subtrees
//! ([`SignalGrid`]) and decides; nothing here reads a clock.

mod access;
mod grid;
mod poisson;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::{AlertReason, HotspotRisk, Mood, OpinionReach};

pub use access::{Acknowledged, check_alert_acknowledgement, may_read_alert};
pub use grid::{Alarm, SignalGrid};
pub use poisson::poisson_upper_tail;

/// Weeks the baseline averages, before the week judged.
pub const BASELINE_WEEKS: usize = 8;

/// Weeks a grid holds: the baseline and the week judged, oldest first.
pub const SERIES_WEEKS: usize = BASELINE_WEEKS + 1;

/// Weeks a sweep's grid holds: the baseline of the week just ended, that
/// week and the current one, oldest first ([`weeks_judged`]).
pub const SWEEP_WEEKS: usize = SERIES_WEEKS + 1;

/// The weight of one case filed. A case is a formal, checked report of a
/// concrete grievance: about as much as one concerned opinion heard among a
/// few people.
pub const CASE_WEIGHT: f64 = 1.0;

/// The weight of an opinion item: its mood × its reach.
///
/// Mood: supportive 0 (agreement warns of nothing), neutral 0.5, concerned
/// 1 (the unit a case also counts), angry 2. Reach: few 1, many 2,
/// widespread 4 — each step about doubles the people involved, so the
/// weight doubles. An angry opinion that is spreading widely weighs 8
/// cases; a neutral one among a few weighs half of one.
pub fn item_weight(mood: Mood, reach: OpinionReach) -> f64 {
    let mood = match mood {
        Mood::Supportive => 0.0,
        Mood::Neutral => 0.5,
        Mood::Concerned => 1.0,
        Mood::Angry => 2.0,
    };
    let reach = match reach {
        OpinionReach::Few => 1.0,
        OpinionReach::Many => 2.0,
        OpinionReach::Widespread => 4.0,
    };
    mood * reach
}

/// Whether a case's hotspot risk raises an alert on its own.
pub fn is_high_risk(risk: Option<HotspotRisk>) -> bool {
    risk == Some(HotspotRisk::High)
}

/// The test and its thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Alert below this upper-tail probability.
    pub p_threshold: f64,
    /// The least λ the test uses: a quiet baseline (0 or 0.25 a week) would
    /// otherwise make two reports "improbable". With λ ≥ 2, a quiet subtree
    /// alerts from a signal of 7 (P(X ≥ 7 | 2) = 0.45 %; 6 gives 1.7 %).
    pub lambda_floor: f64,
    /// The least observed signal that may alert, whatever the test says.
    pub min_observed: f64,
}

impl Default for Rule {
    fn default() -> Self {
        Rule {
            p_threshold: 0.01,
            lambda_floor: 2.0,
            min_observed: 6.0,
        }
    }
}

/// The verdict on one week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Why.
    pub reason: AlertReason,
    /// The week's signal.
    pub observed: f64,
    /// The mean of the weeks before.
    pub baseline: f64,
    /// The upper-tail probability, for an unusual rise.
    pub p_value: Option<f64>,
}

impl Rule {
    /// Judges a week: `weeks` is the series oldest first, its last entry the
    /// week judged and the up to [`BASELINE_WEEKS`] before it the baseline
    /// (missing weeks count as nothing reported); `high_risk` the high-risk
    /// cases filed in the week judged. An unusual rise wins over a high-risk
    /// case: it carries the more telling figures.
    pub fn judge(&self, weeks: &[f64], high_risk: u32) -> Option<Verdict> {
        let (&observed, before) = weeks.split_last()?;
        let before = &before[before.len().saturating_sub(BASELINE_WEEKS)..];
        let baseline = before.iter().sum::<f64>() / BASELINE_WEEKS as f64;
        let lambda = baseline.max(self.lambda_floor);
        let p = poisson_upper_tail(observed, lambda);
        if observed >= self.min_observed && p < self.p_threshold {
            return Some(Verdict {
                reason: AlertReason::UnusualRise,
                observed,
                baseline,
                p_value: Some(p),
            });
        }
        (high_risk > 0).then_some(Verdict {
            reason: AlertReason::HighRiskCase,
            observed,
            baseline,
            p_value: None,
        })
    }
}

/// The Monday that starts the local week of `at`.
pub fn week_start(at: DateTime<Utc>, zone: Tz) -> NaiveDate {
    let day = at.with_timezone(&zone).date_naive();
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The weeks a sweep at `now` judges, oldest first: the week just ended and
/// the current one. The week just ended is complete, so its judgement is
/// final; judging it again on the sweeps after it catches what its own
/// sweeps missed — a burst late on Sunday while the server was down. What
/// counts in a week is what was filed in it (its `created_at`): a report
/// filed on Monday about Sunday counts in the new week.
pub fn weeks_judged(now: DateTime<Utc>, zone: Tz) -> [NaiveDate; 2] {
    let current = week_start(now, zone);
    [current - Duration::weeks(1), current]
}

/// The instant the local week starting `monday` begins.
pub fn week_begins(monday: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = monday.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Asia/Ho_Chi_Minh has no daylight saving; a zone that skips midnight
    // would start the week at its first instant after it.
    midnight
        .and_local_timezone(zone)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// The index in a grid of the week of `at` when the grid's last week starts
/// `current`: 0 is the oldest; `None` outside the grid.
pub fn week_index(at: DateTime<Utc>, zone: Tz, current: NaiveDate) -> Option<usize> {
    let back = (current - week_start(at, zone)).num_days() / 7;
    let back = usize::try_from(back).ok()?;
    (back < SERIES_WEEKS).then(|| SERIES_WEEKS - 1 - back)
}
