//! `GET /reports/summary`: the figures of §4.3 for a period and an area.

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use serde::Deserialize;
use store::reports::{Reader, ReportScope, Summary};
use utoipa::IntoParams;

use super::instant;
use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::{AppError, AppState, lang};

/// The period and the area.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SummaryQuery {
    /// First day (`YYYY-MM-DD`, from the start of the day in Hà Nội) or
    /// instant (RFC 3339) counted. Required.
    from: Option<String>,
    /// First day or instant no longer counted (exclusive): the year 2026 is
    /// `from=2026-01-01&to=2027-01-01`. Required.
    to: Option<String>,
    /// Area code: the area and every area below it; the whole tree when absent.
    area: Option<String>,
}

/// The figures of the annual review report (§4.3) for `[from, to)`: cases
/// by category, area and state; time to answer and to resolve (median and
/// 90th percentile); deadlines met, late and overdue, by kind and lead
/// unit; duty compliance per agency. Counts only the cases the caller may
/// open; for leaders, board officers and administrators.
#[utoipa::path(get, path = "/api/v1/reports/summary", tag = "reports",
    security(("bearer" = []), ("session" = [])),
    params(SummaryQuery),
    responses(
        (status = 200, body = Summary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a leader, board officer or administrator", body = ErrorBody),
        (status = 422, description = "Missing or bad `from`/`to`, `to` not after `from`, unknown area or parameter", body = ErrorBody),
    ))]
pub(crate) async fn summary(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<SummaryQuery>,
) -> Result<Json<Summary>, AppError> {
    let calendar = &state.policy.calendar;
    let scope = ReportScope {
        from: instant::parse("from", query.from.as_deref(), calendar)?,
        to: instant::parse("to", query.to.as_deref(), calendar)?,
        area: query.area.filter(|a| !a.trim().is_empty()),
    };
    let summary = state
        .store
        .report_summary(
            Reader::User(caller.user),
            &scope,
            Utc::now(),
            calendar,
            lang::current(),
        )
        .await?;
    Ok(Json(summary))
}
