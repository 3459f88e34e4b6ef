//! The report as tables: each a title, a header row and data rows, in the
//! reader's language (the labels are the catalogue's `report_…` entries).
//! CSV, XLSX and HTML lay out the same tables.

use catalogue::{Lang, Tr};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use store::reports::{ComplianceCounts, Count, Summary, TimeFigures};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number (a count, days, hours).
    Number(f64),
    /// Nothing to show (no duration measured).
    Empty,
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A short name (an XLSX sheet name: at most 31 characters).
    pub sheet: &'static str,
    /// The heading.
    pub title: String,
    /// Column headings.
    pub header: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(n: u64) -> Cell {
    Cell::Number(n as f64)
}

fn opt(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, Cell::Number)
}

/// Every table of `summary`, labelled in `lang`, times shown in `tz`.
pub fn tables(summary: &Summary, lang: Lang, tz: Tz) -> Vec<Table> {
    let t = Tr(lang);
    let local =
        |at: DateTime<FixedOffset>| at.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string();
    let area = summary.area.as_ref().map_or_else(
        || t.report_every_area().to_owned(),
        |a| format!("{} ({})", a.name, a.code),
    );
    let overview = Table {
        sheet: t.report_overview(),
        title: t.report_overview().to_owned(),
        header: vec![t.report_item(), t.report_value()],
        rows: vec![
            vec![text(t.report_from()), text(local(summary.from))],
            vec![text(t.report_to()), text(local(summary.to))],
            vec![text(t.field_area()), text(area)],
            vec![text(t.report_as_of()), text(local(summary.as_of))],
            vec![text(t.report_cases_filed()), num(summary.cases_filed)],
            // Areas and units renamed since are printed with their names
            // of this day (SPEC §2); the row says which day that is.
            vec![
                text(t.report_names_on()),
                text(summary.names_on.format("%d/%m/%Y").to_string()),
            ],
        ],
    };
    let counts = |sheet, title, label, list: &[Count]| Table {
        sheet,
        title,
        // Names only: a code never reaches a reader (SPEC §13).
        header: vec![label, t.cases_count()],
        rows: list
            .iter()
            .map(|c| vec![text(&c.label), num(c.count)])
            .collect(),
    };
    let time_row = |label: &str, f: &TimeFigures| {
        vec![
            text(label),
            num(f.cases),
            opt(f.median_working_days),
            opt(f.p90_working_days),
            opt(f.median_hours),
            opt(f.p90_hours),
        ]
    };
    let mut all = vec![
        overview,
        counts(
            t.report_by_category_sheet(),
            t.report_by_category().to_owned(),
            t.field_category(),
            &summary.by_category,
        ),
        counts(
            t.report_by_area_sheet(),
            t.report_by_area().to_owned(),
            t.field_area(),
            &summary.by_area,
        ),
        counts(
            t.report_by_state_sheet(),
            t.report_by_state().to_owned(),
            t.field_state(),
            &summary.by_state,
        ),
        Table {
            sheet: t.report_time_sheet(),
            title: t.report_time().to_owned(),
            header: vec![
                t.report_measure(),
                t.cases_count(),
                t.report_median_days(),
                t.report_p90_days(),
                t.report_median_hours(),
                t.report_p90_hours(),
            ],
            rows: vec![
                time_row(t.deadline_answer(), &summary.answer_time),
                time_row(t.deadline_resolution(), &summary.resolution_time),
            ],
        },
        Table {
            sheet: t.report_deadlines_sheet(),
            title: t.report_deadlines().to_owned(),
            header: vec![
                t.deadline(),
                t.deadline_on_time(),
                t.deadline_late(),
                t.overdue(),
                t.deadline_running(),
            ],
            rows: summary
                .deadlines
                .iter()
                .map(|d| {
                    vec![
                        text(&d.label),
                        num(d.on_time),
                        num(d.late),
                        num(d.overdue),
                        num(d.running),
                    ]
                })
                .collect(),
        },
        Table {
            sheet: t.report_lead_units_sheet(),
            title: t.report_lead_units().to_owned(),
            header: vec![
                t.lead_unit(),
                t.cases_count(),
                t.report_answers_late(),
                t.report_answers_overdue(),
                t.report_resolutions_late(),
                t.report_resolutions_overdue(),
            ],
            rows: summary
                .overdue_by_lead_unit
                .iter()
                .map(|u| {
                    vec![
                        text(&u.name),
                        num(u.cases),
                        num(u.answer_late),
                        num(u.answer_overdue),
                        num(u.resolution_late),
                        num(u.resolution_overdue),
                    ]
                })
                .collect(),
        },
    ];
    let compliance_row = |name: &str, period: String, c: &ComplianceCounts| {
        vec![
            text(name),
            text(period),
            num(c.on_time),
            num(c.late),
            num(c.missing),
            num(c.waived),
            num(c.not_due),
        ]
    };
    let mut duty_rows = Vec::new();
    for agency in &summary.duties {
        for p in &agency.periods {
            duty_rows.push(compliance_row(
                &agency.name,
                workflow::period_code_label(&p.period, lang),
                &p.counts,
            ));
        }
        duty_rows.push(compliance_row(
            &agency.name,
            t.report_total().to_owned(),
            &agency.total,
        ));
    }
    all.push(Table {
        sheet: t.report_duties_sheet(),
        title: t.report_duties().to_owned(),
        header: vec![
            t.agency(),
            t.period(),
            t.duty_on_time(),
            t.duty_late(),
            t.compliance_missing(),
            t.duty_waived(),
            t.duty_not_due(),
        ],
        rows: duty_rows,
    });
    all
}
