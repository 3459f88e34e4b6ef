//! The case figures of a report: counts by category, area and state, the
//! time each step took, and what became of each deadline.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use workflow::{
    ActionKind, Calendar, CaseState, CaseSteps, DeadlineKind, DeadlineOutcome, Lang,
    deadline_outcome, hours_taken, spread, working_days_taken,
};

use super::figures::{Count, DeadlineFigures, Summary, TimeFigures, UnitOverdue};
use super::names::shown;
use crate::StoreError;
use crate::entities::{area, case, case_event, category, unit};

/// The columns of a case the figures read: not its texts, which a report
/// over tens of thousands of cases would otherwise copy for nothing.
#[derive(Debug, FromQueryResult)]
struct Counted {
    id: i64,
    area_id: i64,
    category: String,
    lead_unit_id: Option<i64>,
    state: String,
    triage_due: Option<DateTime<Utc>>,
    answer_due: Option<DateTime<Utc>>,
    resolution_due: Option<DateTime<Utc>>,
}

/// The columns of an event the steps read (not its payload).
#[derive(Debug, FromQueryResult)]
struct StepEvent {
    case_id: i64,
    action: String,
    from_state: Option<String>,
    to_state: String,
    created_at: DateTime<Utc>,
}

/// How to count and label.
pub(super) struct Counting<'a> {
    /// Outcomes are followed up to here.
    pub now: DateTime<Utc>,
    /// The working days.
    pub calendar: &'a Calendar,
    /// The labels' language.
    pub lang: Lang,
    /// The day whose names areas and units get; today's names when `None`.
    pub names_on: Option<NaiveDate>,
}

/// Fills the case figures of `summary` from the cases of `selected`.
pub(super) async fn count(
    conn: &impl ConnectionTrait,
    selected: Condition,
    counting: &Counting<'_>,
    summary: &mut Summary,
) -> Result<(), StoreError> {
    let Counting {
        now,
        calendar,
        lang,
        names_on,
    } = *counting;
    let cases = case::Entity::find()
        .select_only()
        .columns([
            case::Column::Id,
            case::Column::AreaId,
            case::Column::Category,
            case::Column::LeadUnitId,
            case::Column::State,
            case::Column::TriageDue,
            case::Column::AnswerDue,
            case::Column::ResolutionDue,
        ])
        .filter(selected.clone())
        .order_by_asc(case::Column::Id)
        .into_model::<Counted>()
        .all(conn)
        .await?;
    let steps = steps(conn, selected).await?;
    summary.cases_filed = cases.len() as u64;
    summary.by_category = by_category(conn, &cases, lang).await?;
    summary.by_area = by_area(conn, &cases, names_on).await?;
    summary.by_state = CaseState::ALL
        .iter()
        .map(|state| Count {
            code: state.code().to_owned(),
            label: state.label(lang).to_owned(),
            count: cases.iter().filter(|c| c.state == state.code()).count() as u64,
        })
        .collect();
    let mut answer = Vec::new();
    let mut resolution = Vec::new();
    let mut outcomes: HashMap<DeadlineKind, [u64; 4]> = HashMap::new();
    let mut by_unit: BTreeMap<i64, UnitOverdue> = BTreeMap::new();
    for row in &cases {
        let s = steps.get(&row.id).copied().unwrap_or_default();
        if let (Some(start), Some(end)) = (s.accepted, s.responded) {
            answer.push((start, end));
        }
        if let (Some(start), Some(end)) = (s.accepted, s.resolved) {
            resolution.push((start, end));
        }
        let state = CaseState::from_code(&row.state);
        if let Some(lead) = row.lead_unit_id {
            by_unit
                .entry(lead)
                .or_insert_with(|| UnitOverdue {
                    unit: String::new(),
                    name: String::new(),
                    cases: 0,
                    answer_late: 0,
                    answer_overdue: 0,
                    resolution_late: 0,
                    resolution_overdue: 0,
                })
                .cases += 1;
        }
        let judged = [
            (DeadlineKind::Triage, row.triage_due),
            (DeadlineKind::Answer, row.answer_due),
            (DeadlineKind::Resolution, row.resolution_due),
        ];
        for (kind, due) in judged {
            let Some(due) = due else { continue };
            let end = state.and_then(|state| s.met_at(kind, state));
            let outcome = deadline_outcome(due, end, now);
            outcomes.entry(kind).or_default()[slot(outcome)] += 1;
            if let Some(unit) = row.lead_unit_id.and_then(|lead| by_unit.get_mut(&lead)) {
                match (kind, outcome) {
                    (DeadlineKind::Answer, DeadlineOutcome::Late) => unit.answer_late += 1,
                    (DeadlineKind::Answer, DeadlineOutcome::Overdue) => unit.answer_overdue += 1,
                    (DeadlineKind::Resolution, DeadlineOutcome::Late) => unit.resolution_late += 1,
                    (DeadlineKind::Resolution, DeadlineOutcome::Overdue) => {
                        unit.resolution_overdue += 1
                    }
                    _ => {}
                }
            }
        }
    }
    summary.answer_time = time_figures(calendar, &answer);
    summary.resolution_time = time_figures(calendar, &resolution);
    summary.deadlines = DeadlineKind::ALL
        .iter()
        .map(|&kind| {
            let [on_time, late, overdue, running] =
                outcomes.get(&kind).copied().unwrap_or_default();
            DeadlineFigures {
                kind: kind.code().to_owned(),
                label: kind.label(lang).to_owned(),
                on_time,
                late,
                overdue,
                running,
            }
        })
        .collect();
    summary.overdue_by_lead_unit = label_units(conn, by_unit, names_on).await?;
    Ok(())
}

/// The report's steps of every selected case, folded from its events by
/// `workflow::CaseSteps`: only the events it looks at are read.
async fn steps(
    conn: &impl ConnectionTrait,
    selected: Condition,
) -> Result<HashMap<i64, CaseSteps>, StoreError> {
    let ending: Vec<&str> = CaseSteps::ending_states()
        .into_iter()
        .map(CaseState::code)
        .collect();
    let read = Condition::any()
        .add(case_event::Column::Action.is_in(CaseSteps::TIMED.map(|a| a.code())))
        .add(
            Condition::all()
                .add(case_event::Column::FromState.is_in(ending))
                .add(
                    Expr::col(case_event::Column::FromState)
                        .ne(Expr::col(case_event::Column::ToState)),
                ),
        );
    let events = case_event::Entity::find()
        .select_only()
        .columns([
            case_event::Column::CaseId,
            case_event::Column::Action,
            case_event::Column::FromState,
            case_event::Column::ToState,
            case_event::Column::CreatedAt,
        ])
        .filter(
            case_event::Column::CaseId.in_subquery(
                Query::select()
                    .column(case::Column::Id)
                    .from(case::Entity)
                    .cond_where(selected)
                    .to_owned(),
            ),
        )
        .filter(read)
        .order_by_asc(case_event::Column::CaseId)
        .order_by_asc(case_event::Column::Seq)
        .into_model::<StepEvent>()
        .all(conn)
        .await?;
    let mut steps: HashMap<i64, CaseSteps> = HashMap::new();
    for event in events {
        let (Some(action), Some(to)) = (
            ActionKind::from_code(&event.action),
            CaseState::from_code(&event.to_state),
        ) else {
            continue;
        };
        let from = event.from_state.as_deref().and_then(CaseState::from_code);
        steps
            .entry(event.case_id)
            .or_default()
            .record(action, from, to, event.created_at);
    }
    Ok(steps)
}

fn time_figures(calendar: &Calendar, spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> TimeFigures {
    let days: Vec<f64> = spans
        .iter()
        .map(|&(a, b)| working_days_taken(calendar, a, b) as f64)
        .collect();
    let hours: Vec<f64> = spans.iter().map(|&(a, b)| hours_taken(a, b)).collect();
    let (days, hours) = (spread(&days), spread(&hours));
    TimeFigures {
        cases: spans.len() as u64,
        median_working_days: days.median,
        p90_working_days: days.p90,
        median_hours: hours.median.map(round_tenth),
        p90_hours: hours.p90.map(round_tenth),
    }
}

fn round_tenth(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn slot(outcome: DeadlineOutcome) -> usize {
    match outcome {
        DeadlineOutcome::OnTime => 0,
        DeadlineOutcome::Late => 1,
        DeadlineOutcome::Overdue => 2,
        DeadlineOutcome::Running => 3,
    }
}

/// Counts by category, labelled from the category table, largest first.
async fn by_category(
    conn: &impl ConnectionTrait,
    cases: &[Counted],
    lang: Lang,
) -> Result<Vec<Count>, StoreError> {
    let names: HashMap<String, category::Model> = category::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.code.clone(), c))
        .collect();
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for c in cases {
        *counts.entry(c.category.as_str()).or_default() += 1;
    }
    let mut out: Vec<Count> = counts
        .into_iter()
        .map(|(code, count)| Count {
            code: code.to_owned(),
            label: names.get(code).map_or_else(
                || code.to_owned(),
                |c| lang.pick(&c.name_vi, &c.name_en).to_owned(),
            ),
            count,
        })
        .collect();
    largest_first(&mut out);
    Ok(out)
}

/// Counts by the area of the case, largest first, each area named as on
/// `names_on`.
async fn by_area(
    conn: &impl ConnectionTrait,
    cases: &[Counted],
    names_on: Option<NaiveDate>,
) -> Result<Vec<Count>, StoreError> {
    let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
    for c in cases {
        *counts.entry(c.area_id).or_default() += 1;
    }
    let areas: HashMap<i64, area::Model> = area::Entity::find()
        .filter(area::Column::Id.is_in(counts.keys().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut out: Vec<Count> = counts
        .into_iter()
        .map(|(id, count)| {
            let area = areas.get(&id);
            Count {
                code: area.map_or_else(|| id.to_string(), |a| a.code.clone()),
                label: area.map_or_else(String::new, |a| shown(&a.name, &a.former_names, names_on)),
                count,
            }
        })
        .collect();
    largest_first(&mut out);
    Ok(out)
}

/// Largest count first; equal counts by code, so the order is stable.
fn largest_first(counts: &mut [Count]) {
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
}

/// The lead units with their codes and their names of `names_on`, by code.
async fn label_units(
    conn: &impl ConnectionTrait,
    by_unit: BTreeMap<i64, UnitOverdue>,
    names_on: Option<NaiveDate>,
) -> Result<Vec<UnitOverdue>, StoreError> {
    let units: HashMap<i64, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(by_unit.keys().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut out: Vec<UnitOverdue> = by_unit
        .into_iter()
        .map(|(id, mut row)| {
            if let Some(u) = units.get(&id) {
                row.unit = u.code.clone();
                row.name = shown(&u.name, &u.former_names, names_on);
            }
            row
        })
        .collect();
    out.sort_by(|a, b| a.unit.cmp(&b.unit));
    Ok(out)
}
