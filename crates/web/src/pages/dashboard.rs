//! The leader's dashboard (SPEC §6.3): the open cases by state, category
//! and area, the deadlines each lead unit let pass, the time to answer and
//! to resolve, the duty compliance of each agency by period, and the cases
//! waiting for the leader. Figures come from the store's report queries
//! (`open_cases`, `report_summary`), so they count exactly what the API's
//! report counts for the same reader; drawn as SVG charts with tables.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use chrono::{DateTime, Datelike, Utc};
use serde::Deserialize;
use store::reports::{ComplianceCounts, Reader, ReportScope, Summary, TimeFigures};
use store::{CaseFilter, StoreError};
use workflow::{CaseState, Desk, Lang, TimeWindow};

use super::charts::BarChart;
use super::directory::{CaseCard, Directory};
use super::error::{PageError, encode};
use super::layout::Layout;
use super::report::Opt;
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::Tr;

/// Cases listed in each "waiting for you" list.
const WAITING: u64 = 10;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/dashboard", get(dashboard))
}

/// The filter form: a year (for times and duties) and an area.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct YearArea {
    #[serde(default)]
    year: String,
    #[serde(default)]
    area: String,
}

/// What the filter form chose, with the report's scope for it.
pub(crate) struct Chosen {
    /// The year.
    pub year: i32,
    /// The area code, if one was chosen.
    pub area: Option<String>,
    /// The year from midnight of 1 January, in that area.
    pub scope: ReportScope,
    /// The years offered: this one and the five before.
    pub years: Vec<i32>,
    /// `year=…&area=…` for links to the same choice.
    pub query: String,
}

impl YearArea {
    /// The year asked for (this year in the calendar's zone when none)
    /// and the area if any; a year that is not one is a 422 page.
    pub(crate) fn choose(
        &self,
        now: DateTime<Utc>,
        calendar: &workflow::Calendar,
    ) -> Result<Chosen, PageError> {
        let bad_year = || {
            PageError::App(AppError::Invalid {
                field: "year".to_owned(),
                detail: crate::error::Detail::Year,
            })
        };
        let today = calendar.local_date(now);
        let this_year = today.year();
        let year = match self.year.trim() {
            "" => this_year,
            text => text.parse::<i32>().map_err(|_| bad_year())?,
        };
        TimeWindow::REPORT
            .check_year("year", year, today)
            .map_err(StoreError::from)?;
        let area = Some(self.area.trim())
            .filter(|a| !a.is_empty())
            .map(str::to_owned);
        let scope = report::annual_scope(year, area.clone(), calendar).map_err(|_| bad_year())?;
        let mut query = format!("year={year}");
        if let Some(area) = &area {
            query.push_str(&format!("&area={}", encode(area)));
        }
        Ok(Chosen {
            year,
            area,
            scope,
            years: (this_year - 5..=this_year).rev().collect(),
            query,
        })
    }
}

/// One cell of the compliance matrix: an agency's duties of one period.
pub(crate) struct MatrixCell {
    /// The period (`2026-Q3`).
    pub period: String,
    /// Each non-zero count with its label.
    pub parts: Vec<String>,
    /// The colour class of the worst outcome.
    pub class: &'static str,
}

/// One agency's row of the matrix.
pub(crate) struct MatrixRow {
    /// Unit code.
    pub unit: String,
    /// Unit name.
    pub name: String,
    /// One cell per period of the matrix, in order.
    pub cells: Vec<MatrixCell>,
}

/// The dashboard.
#[derive(Template, WebTemplate)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    l: Layout,
    year: i32,
    years: Vec<i32>,
    area: String,
    areas: Vec<Opt>,
    open_total: u64,
    charts_open: Vec<BarChart>,
    overdue: BarChart,
    times: BarChart,
    answer_cases: u64,
    /// The fewest cases a time is shown for, when some time is "—".
    too_few: Option<u64>,
    resolution_cases: u64,
    periods: Vec<PeriodColumn>,
    matrix: Vec<MatrixRow>,
    legend: Vec<(&'static str, &'static str)>,
    escalated: Vec<CaseCard>,
    resolved: Vec<CaseCard>,
    annual_link: String,
    /// Meetings of the year held without the board, in words (SPEC §11).
    meetings_without_board: String,
    /// Whether there was any: the figure is then marked as a breach.
    any_without_board: bool,
    /// The public-opinion trends of the last weeks (SPEC §16).
    opinion: super::opinion_trends::TrendCharts,
}

async fn dashboard(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<YearArea>,
) -> Result<DashboardPage, PageError> {
    let now = Utc::now();
    let calendar = &state.policy.calendar;
    let tz = calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let chosen = q.choose(now, calendar)?;
    let area = chosen.area.clone();
    let reader = Reader::User(visitor.identity.user);
    let open = state
        .store
        .open_cases(reader, area.as_deref(), now, calendar, lang)
        .await
        .map_err(AppError::from)?;
    let summary = state
        .store
        .report_summary(reader, &chosen.scope, now, calendar, lang)
        .await
        .map_err(AppError::from)?;
    let without_board = state
        .store
        .meetings_without_board(reader, &chosen.scope, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let comma = lang == Lang::Vi;
    let counts = |id, title: &str, heading: &str, list: &[store::reports::Count]| {
        BarChart::new(
            id,
            title.to_owned(),
            heading.to_owned(),
            vec![t.cases_count().to_owned()],
            list.iter()
                .map(|c| (c.code.clone(), c.label.clone(), vec![Some(c.count as f64)]))
                .collect(),
            comma,
        )
    };
    let charts_open = vec![
        counts(
            "open-by-state",
            t.open_by_state(),
            t.field_state(),
            &open.by_state,
        ),
        counts(
            "open-by-category",
            t.open_by_category(),
            t.field_category(),
            &open.by_category,
        ),
        counts(
            "open-by-area",
            t.open_by_area(),
            t.field_area(),
            &open.by_area,
        ),
    ];
    let overdue = BarChart::new(
        "overdue-by-unit",
        t.overdue_by_unit().to_owned(),
        t.lead_unit().to_owned(),
        vec![
            t.answer_overdue().to_owned(),
            t.resolution_overdue().to_owned(),
        ],
        open.overdue_by_lead_unit
            .iter()
            .map(|u| {
                (
                    u.unit.clone(),
                    u.name.clone(),
                    vec![
                        Some(u.answer_overdue as f64),
                        Some(u.resolution_overdue as f64),
                    ],
                )
            })
            .collect(),
        comma,
    );
    let times = time_chart(t, &summary, comma);
    let (periods, matrix) = compliance_matrix(t, &summary);
    let waiting = |state_filter: CaseState| CaseFilter {
        state: Some(state_filter),
        area: area.clone(),
        limit: WAITING,
        ..CaseFilter::default()
    };
    let mut lists = Vec::new();
    for s in [Desk::Escalated, Desk::Resolved]
        .into_iter()
        .filter_map(Desk::waiting_state)
    {
        let page = state
            .store
            .list_cases(visitor.identity.asker(), &waiting(s), now)
            .await
            .map_err(AppError::from)?;
        lists.push(
            page.cases
                .iter()
                .map(|c| CaseCard::new(c, &page.actor, &dir, t, now, tz))
                .collect::<Vec<_>>(),
        );
    }
    let resolved = lists.pop().unwrap_or_default();
    let escalated = lists.pop().unwrap_or_default();
    let back = format!("/dashboard?{}", chosen.query);
    let opinion =
        super::opinion_trends::trend_charts(&state, visitor.identity.user, area.clone(), lang, now)
            .await?;
    Ok(DashboardPage {
        opinion,
        l: Layout::new(&visitor, t.nav_dashboard(), "/dashboard", &back),
        annual_link: format!("/annual-report?{}", chosen.query),
        year: chosen.year,
        years: chosen.years,
        areas: area_options(&dir),
        area: area.unwrap_or_default(),
        open_total: open.total,
        charts_open,
        overdue,
        answer_cases: summary.answer_time.cases,
        too_few: [&summary.answer_time, &summary.resolution_time]
            .iter()
            .any(|f| !workflow::enough_to_measure(f.cases))
            .then_some(workflow::MIN_CASES_TO_MEASURE),
        resolution_cases: summary.resolution_time.cases,
        times,
        periods,
        matrix,
        legend: legend(t),
        escalated,
        resolved,
        meetings_without_board: t.meetings_without_board(without_board),
        any_without_board: without_board > 0,
    })
}

/// The areas the visitor sees, indented by depth, for the area filter.
pub(crate) fn area_options(dir: &Directory) -> Vec<Opt> {
    dir.areas
        .iter()
        .map(|a| Opt {
            code: a.code.clone(),
            label: format!("{}{}", "· ".repeat(a.depth.max(0) as usize), a.name),
        })
        .collect()
}

/// Median and 90th percentile of the working days to the written answer
/// and to the resolution.
fn time_chart(t: Tr, summary: &Summary, comma: bool) -> BarChart {
    let rows = |code: &str, label: &str, f: &TimeFigures| {
        // Too few cases to say: the chart shows "—".
        let shown = |days: Option<f64>| days.filter(|_| workflow::enough_to_measure(f.cases));
        [
            (
                format!("{code}-median"),
                format!("{label} — {}", t.median()),
                shown(f.median_working_days),
            ),
            (
                format!("{code}-p90"),
                format!("{label} — {}", t.p90()),
                shown(f.p90_working_days),
            ),
        ]
    };
    let all = rows("answer", t.time_to_answer(), &summary.answer_time)
        .into_iter()
        .chain(rows(
            "resolution",
            t.time_to_resolve(),
            &summary.resolution_time,
        ))
        .map(|(code, label, days)| (code, label, vec![days]))
        .collect();
    BarChart::new(
        "time-taken",
        t.time_taken().to_owned(),
        t.measure().to_owned(),
        vec![t.working_days().to_owned()],
        all,
        comma,
    )
}

/// A column of the compliance matrix: the period's code and its words.
struct PeriodColumn {
    code: String,
    label: String,
}

/// The periods (columns) and agencies (rows) of the duty compliance.
fn compliance_matrix(t: Tr, summary: &Summary) -> (Vec<PeriodColumn>, Vec<MatrixRow>) {
    let mut periods: Vec<String> = summary
        .duties
        .iter()
        .flat_map(|a| a.periods.iter().map(|p| p.period.clone()))
        .collect();
    periods.sort();
    periods.dedup();
    let rows = summary
        .duties
        .iter()
        .map(|agency| MatrixRow {
            unit: agency.unit.clone(),
            name: agency.name.clone(),
            cells: periods
                .iter()
                .map(|period| {
                    let counts = agency
                        .periods
                        .iter()
                        .find(|p| &p.period == period)
                        .map(|p| p.counts)
                        .unwrap_or_default();
                    cell(t, period, counts)
                })
                .collect(),
        })
        .collect();
    // A column reads *Quý IV/2026*, or *Ngày 24/12/2026* for the duties of
    // one day (a trial's, an ad-hoc request's due day), never a code.
    let columns = periods
        .into_iter()
        .map(|code| PeriodColumn {
            label: workflow::period_code_label(&code, t.0),
            code,
        })
        .collect();
    (columns, rows)
}

/// The outcomes of duty compliance, worst first: label and colour class.
fn outcomes(t: Tr, c: ComplianceCounts) -> [(u64, &'static str, &'static str); 5] {
    [
        (c.missing, t.duty_missing(), "bad"),
        (c.late, t.duty_late(), "late"),
        (c.not_due, t.duty_not_due(), "pending"),
        (c.on_time, t.duty_on_time(), "ok"),
        (c.waived, t.duty_waived(), "waived"),
    ]
}

fn cell(t: Tr, period: &str, counts: ComplianceCounts) -> MatrixCell {
    let present: Vec<_> = outcomes(t, counts)
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .collect();
    MatrixCell {
        period: period.to_owned(),
        class: present.first().map_or("none", |(_, _, class)| class),
        parts: present
            .iter()
            .map(|(n, label, _)| format!("{label}: {n}"))
            .collect(),
    }
}

/// The legend of the matrix.
fn legend(t: Tr) -> Vec<(&'static str, &'static str)> {
    outcomes(t, ComplianceCounts::default())
        .into_iter()
        .map(|(_, label, class)| (class, label))
        .collect()
}
