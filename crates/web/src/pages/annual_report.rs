//! The annual review report as a printable page (SPEC §4.3, §6.3): the
//! tables the `report` crate lays out for `noicom export-report` and
//! `GET /api/v1/reports/annual`, in the site's frame with print rules, and
//! links to that API for the same report as CSV and XLSX files.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use chrono::Utc;
use report::{Cell, Format, Table};
use store::reports::Reader;

use super::charts::figure;
use super::dashboard::{YearArea, area_options};
use super::directory::Directory;
use super::error::PageError;
use super::layout::{Layout, local_time};
use super::report::Opt;
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::Tr;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/annual-report", get(annual))
}

/// A download link of the report.
struct Download {
    /// `csv` or `xlsx`.
    format: &'static str,
    /// Its label.
    label: &'static str,
    /// The API address.
    href: String,
}

/// The report page.
#[derive(Template, WebTemplate)]
#[template(path = "annual_report.html")]
struct AnnualPage {
    l: Layout,
    title: String,
    made_at: String,
    year: i32,
    years: Vec<i32>,
    area: String,
    areas: Vec<Opt>,
    tables: Vec<ShownTable>,
    downloads: Vec<Download>,
}

/// A table of the report with its cells as text.
struct ShownTable {
    sheet: &'static str,
    title: String,
    header: Vec<&'static str>,
    rows: Vec<Vec<(String, bool)>>,
}

impl ShownTable {
    fn new(table: Table, comma: bool) -> ShownTable {
        ShownTable {
            sheet: table.sheet,
            title: table.title,
            header: table.header,
            rows: table
                .rows
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|cell| match cell {
                            Cell::Text(text) => (text, false),
                            Cell::Number(n) => (figure(n, comma), true),
                            Cell::Empty => ("—".to_owned(), true),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

async fn annual(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<YearArea>,
) -> Result<AnnualPage, PageError> {
    let now = Utc::now();
    let calendar = &state.policy.calendar;
    let tz = calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let chosen = q.choose(now, calendar)?;
    let summary = state
        .store
        .report_summary(
            Reader::User(visitor.identity.user),
            &chosen.scope,
            now,
            calendar,
            lang,
        )
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let query = &chosen.query;
    let downloads = [
        (Format::Csv, t.download_csv()),
        (Format::Xlsx, t.download_xlsx()),
        (Format::Docx, t.download_docx()),
    ]
    .into_iter()
    .map(|(format, label)| Download {
        format: format.extension(),
        label,
        href: format!(
            "/api/v1/reports/annual?{query}&format={}",
            format.extension()
        ),
    })
    .collect();
    let comma = lang == workflow::Lang::Vi;
    Ok(AnnualPage {
        l: Layout::new(
            &visitor,
            t.nav_annual_report(),
            "/annual-report",
            &format!("/annual-report?{query}"),
        ),
        title: report::title(chosen.year, &summary, lang),
        made_at: local_time(now, tz),
        tables: report::tables(&summary, lang, tz)
            .into_iter()
            .map(|table| ShownTable::new(table, comma))
            .collect(),
        year: chosen.year,
        years: chosen.years,
        areas: area_options(&dir),
        area: chosen.area.unwrap_or_default(),
        downloads,
    })
}
