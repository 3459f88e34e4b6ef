//! `GET /reports/annual`: the annual review report as a file to download
//! (CSV, XLSX or printable HTML), laid out by the `report` crate exactly as
//! `noicom export-report` writes it, counting what the caller may open.

use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use report::{Format, ReportError};
use serde::Deserialize;
use store::StoreError;
use store::reports::Reader;
use utoipa::IntoParams;
use workflow::TimeWindow;

use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::{AppError, AppState, lang};

/// The year, the area and the format.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct AnnualQuery {
    /// The calendar year, from midnight of 1 January in Hà Nội; from 30
    /// years before this one to 5 after (`workflow::TimeWindow::REPORT`).
    year: i32,
    /// Area code: the area and every area below it; the whole tree when absent.
    area: Option<String>,
    /// `csv` (default; UTF-8 with a BOM), `xlsx`, `html` (printable) or
    /// `docx` (the board's document to sign, numbered from its register
    /// on the first download, SPEC §15).
    format: Option<String>,
}

/// The annual review report (§4.3) as a file: `Content-Disposition:
/// attachment` with a name like `bao-cao-nam-2026.xlsx`. For leaders,
/// board officers and administrators; counts the cases the caller may open.
#[utoipa::path(get, path = "/api/v1/reports/annual", tag = "reports",
    security(("bearer" = []), ("session" = [])),
    params(AnnualQuery),
    responses(
        (status = 200, description = "The report file",
            content(
                (String = "text/csv"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (String = "text/html"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ),
            headers(("content-disposition" = String, description = "attachment; filename=\"bao-cao-nam-<year>[-<area>].<format>\""))),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a leader, board officer or administrator", body = ErrorBody),
        (status = 422, description = "Bad year (`time_out_of_range` outside 30 years back to 5 ahead) or format, unknown area or parameter", body = ErrorBody),
    ))]
pub(crate) async fn annual(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<AnnualQuery>,
) -> Result<Response, AppError> {
    let format = match query.format.as_deref().map(str::trim) {
        None | Some("") => Format::Csv,
        Some(code) => Format::from_code(code).ok_or_else(|| AppError::Invalid {
            field: "format".to_owned(),
            detail: crate::error::Detail::UnknownValue {
                value: code.to_owned(),
                expected: vec!["csv".into(), "xlsx".into(), "html".into(), "docx".into()],
            },
        })?,
    };
    let calendar = &state.policy.calendar;
    let now = Utc::now();
    TimeWindow::REPORT
        .check_year("year", query.year, calendar.local_date(now))
        .map_err(StoreError::from)?;
    let area = query.area.filter(|a| !a.trim().is_empty());
    let lang = lang::current();
    let failed = |err: &dyn std::fmt::Display| {
        tracing::error!(error = %err, "rendering the annual report");
        AppError::Status(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
    };
    let bad_year = |_: ReportError| AppError::Invalid {
        field: "year".to_owned(),
        detail: crate::error::Detail::Year,
    };
    let reader = Reader::User(caller.user);
    let bytes = if format == Format::Docx {
        let made = report::annual_docx(
            &state.store,
            reader,
            query.year,
            area.clone(),
            None,
            lang,
            calendar,
            now,
        )
        .await;
        match made {
            Ok((bytes, _)) => bytes,
            Err(report::AnnualDocxError::Store(err)) => return Err(err.into()),
            Err(report::AnnualDocxError::Report(err @ ReportError::BadYear(_))) => {
                return Err(bad_year(err));
            }
            Err(report::AnnualDocxError::Report(err)) => return Err(failed(&err)),
        }
    } else {
        let scope = report::annual_scope(query.year, area.clone(), calendar).map_err(bad_year)?;
        let summary = state
            .store
            .report_summary(reader, &scope, now, calendar, lang)
            .await?;
        report::render(&summary, query.year, format, lang, calendar).map_err(|err| failed(&err))?
    };
    let name = report::file_name(query.year, area.as_deref(), format);
    Ok((
        [
            (CONTENT_TYPE, format.content_type().to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
