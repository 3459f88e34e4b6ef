//! The JSON shapes of the API (SPEC §6.2): a case with codes for its area,
//! category, source and units, its deadlines in local time with the
//! offset, `overdue` and the actions the caller may take now. A reader
//! outside the case's internal audience (SPEC §10: its reporter first) gets
//! `reporter_state` and the facts of their audience only; the internal
//! fields are left out of the JSON, not sent empty.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use utoipa::ToSchema;
use workflow::{Actor, Audience, Case, DeadlineKind};

/// An RFC 3339 time with the offset of the configured time zone
/// (`2026-03-02T09:00:00+07:00`).
pub(crate) type Time = String;

/// `at` in `tz`, RFC 3339 with the offset.
pub(crate) fn time(at: DateTime<Utc>, tz: Tz) -> Time {
    in_zone(at, tz).to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// `at` in `tz`; in UTC when it lies within a day of the ends of chrono's
/// range, where shifting it to local time panics ("Local time out of
/// range"). Inputs are bounded (`workflow::TimeWindow`), so only a value
/// stored before that can be there: one odd time shown in UTC beats a
/// list that fails for everyone who may see it.
pub(crate) fn in_zone(at: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    let utc = at.naive_utc();
    let day = TimeDelta::days(1);
    let shiftable = utc.checked_add_signed(day).is_some() && utc.checked_sub_signed(day).is_some();
    if shiftable {
        at.with_timezone(&tz).fixed_offset()
    } else {
        at.fixed_offset()
    }
}

/// A case as the caller sees it.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseView {
    /// Id.
    pub id: i64,
    /// Human-readable code, e.g. `HN-2026-000123`.
    pub code: String,
    /// State code (`reported`, `assigned`, …); internal (SPEC §10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The state in the reporter's terms (`received`, `needs_info`,
    /// `in_progress`, `resolved`, `closed`, `not_accepted`, `merged`).
    pub reporter_state: String,
    /// Optimistic-concurrency version: send it back with an action.
    pub version: i64,
    /// Title.
    pub title: String,
    /// Description.
    /// Left out of lists for a `sensitive` case: opening it is audited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Area code.
    pub area: String,
    /// Category code.
    pub category: String,
    /// Source code.
    pub source: String,
    /// `normal`, `complex` or `sensitive`; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<String>,
    /// `urgent`, `high` or `normal`; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// `low`, `medium` or `high`, if given.
    pub hotspot_risk: Option<String>,
    /// Estimated number of people affected.
    pub people_affected: Option<i64>,
    /// Id of the user who filed it.
    pub reporter: i64,
    /// Lead unit code, from `accept`.
    pub lead_unit: Option<String>,
    /// Coordinating unit codes; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinating_units: Option<Vec<String>>,
    /// The state `conclude` returns to, while escalated; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escalated_from: Option<String>,
    /// Whether the result was published since the last resolution.
    pub result_published: bool,
    /// Id of the case this one was merged into.
    pub merged_into: Option<i64>,
    /// Trial date of a court case; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trial_date: Option<NaiveDate>,
    /// Verdict date of a court case (§13); internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_date: Option<NaiveDate>,
    /// Triage deadline.
    pub triage_due: Option<Time>,
    /// Written-answer deadline; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer_due: Option<Time>,
    /// Resolution deadline; internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_due: Option<Time>,
    /// Whether a running deadline has passed (quá hạn); internal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<bool>,
    /// The actions the caller may carry out now.
    pub allowed_actions: Vec<String>,
    /// Filed at.
    pub created_at: Time,
    /// Last changed at.
    pub updated_at: Time,
}

impl CaseView {
    /// `case` as `actor` sees it at `now`: whole for the internal
    /// audience, the reporter's facts only for anyone else (SPEC §10).
    pub(crate) fn new(actor: &Actor, case: &Case, now: DateTime<Utc>, tz: Tz) -> CaseView {
        let reader = workflow::reader(actor, case);
        let internal = reader == Audience::Internal;
        let due = |kind: DeadlineKind| {
            workflow::deadlines_read(reader)
                .contains(&kind)
                .then(|| case.deadline(kind).map(|d| time(d.at, tz)))
                .flatten()
        };
        CaseView {
            id: case.id.0,
            code: case.code.clone(),
            state: internal.then(|| case.state.code().to_owned()),
            reporter_state: case.state.for_reporter().code().to_owned(),
            version: case.version,
            title: case.title.clone(),
            description: Some(case.description.clone()),
            area: case.area.code.clone(),
            category: case.category.clone(),
            source: case.source.code().to_owned(),
            sensitivity: internal.then(|| case.sensitivity.code().to_owned()),
            priority: internal.then(|| case.priority.code().to_owned()),
            hotspot_risk: case.hotspot_risk.map(|r| r.code().to_owned()),
            people_affected: case.people_affected,
            reporter: case.reporter.0,
            lead_unit: case.lead_unit.as_ref().map(|u| u.code.clone()),
            coordinating_units: internal.then(|| {
                case.coordinating_units
                    .iter()
                    .map(|u| u.code.clone())
                    .collect()
            }),
            escalated_from: case
                .escalated_from
                .filter(|_| internal)
                .map(|s| s.code().to_owned()),
            result_published: case.result_published,
            merged_into: case.merged_into.map(|c| c.0),
            trial_date: case.trial_date.filter(|_| internal),
            verdict_date: case.verdict_date.filter(|_| internal),
            triage_due: due(DeadlineKind::Triage),
            answer_due: due(DeadlineKind::Answer),
            resolution_due: due(DeadlineKind::Resolution),
            overdue: internal.then(|| case.overdue(now)),
            allowed_actions: workflow::allowed_actions(actor, case)
                .into_iter()
                .map(|a| a.code().to_owned())
                .collect(),
            created_at: time(case.created_at, tz),
            updated_at: time(case.updated_at, tz),
        }
    }

    /// `case` as a list shows it to `actor`: as [`CaseView::new`], without
    /// the description of a `sensitive` case (SPEC §9: reading it means
    /// opening the case, which is audited).
    pub(crate) fn listed(actor: &Actor, case: &Case, now: DateTime<Utc>, tz: Tz) -> CaseView {
        let mut view = CaseView::new(actor, case, now, tz);
        if !workflow::description_listed(case) {
            view.description = None;
        }
        view
    }

    /// The view as JSON text (what an idempotent replay returns).
    pub(crate) fn json(actor: &Actor, case: &Case, now: DateTime<Utc>, tz: Tz) -> String {
        serde_json::to_string(&CaseView::new(actor, case, now, tz)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Asia::Ho_Chi_Minh;

    use super::*;

    #[test]
    fn a_time_is_shown_in_ha_noi_with_its_offset() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap();
        assert_eq!(time(at, Ho_Chi_Minh), "2026-03-02T09:00:00+07:00");
    }

    #[test]
    fn a_time_at_the_end_of_the_range_is_shown_in_utc_rather_than_panicking() {
        let end: DateTime<Utc> = "+262142-12-31T23:59:59Z".parse().unwrap();
        assert_eq!(time(end, Ho_Chi_Minh), "+262142-12-31T23:59:59+00:00");
        assert!(time(DateTime::<Utc>::MIN_UTC, Ho_Chi_Minh).ends_with("+00:00"));
    }
}
