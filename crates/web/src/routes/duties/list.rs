//! `GET /duties`: the duty instances the caller may see, filtered, latest
//! due first, a page at a time (SPEC §6.2).

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::duties::{DutyCursor, DutyFilter};
use utoipa::{IntoParams, ToSchema};
use workflow::DutyStatus;

use super::view::DutyView;
use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::routes::paging::page_args;
use crate::{AppError, AppState};

/// The filters; all optional, combined with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DutyQuery {
    /// Code of the unit that owes the information.
    unit: Option<String>,
    /// `2026-Q4`, `2026-11`, `2026`, or a trial date `2026-04-20`.
    period: Option<String>,
    /// `pending`, `submitted`, `acknowledged` or `waived`.
    #[param(value_type = Option<String>)]
    status: Option<DutyStatus>,
    /// `true`: only duties still owed past their due time.
    overdue: Option<bool>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    limit: Option<u64>,
}

/// One page of duties.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DutyPageView {
    /// The duties, latest due first.
    items: Vec<DutyView>,
    /// Pass as `cursor` for the next page; absent on the last one.
    next_cursor: Option<String>,
}

/// Lists duty instances: a liaison those of its unit, a board officer or
/// leader those of the units serving their jurisdiction and those
/// addressed to their unit, an admin all.
#[utoipa::path(get, path = "/api/v1/duties", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(DutyQuery),
    responses(
        (status = 200, body = DutyPageView),
        (status = 422, description = "Unknown parameter, bad value, unknown unit code, bad period or cursor", body = ErrorBody),
    ))]
pub(crate) async fn list_duties(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<DutyQuery>,
) -> Result<Json<DutyPageView>, AppError> {
    let (cursor, limit) = page_args(query.cursor.as_deref(), query.limit, DutyCursor::decode)?;
    let filter = DutyFilter {
        unit: query.unit.filter(|u| !u.trim().is_empty()),
        period: query.period.filter(|p| !p.trim().is_empty()),
        status: query.status,
        overdue: query.overdue.unwrap_or(false),
        cursor,
        limit,
    };
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let page = state.store.list_duties(caller.user, &filter, now).await?;
    Ok(Json(DutyPageView {
        items: page
            .duties
            .iter()
            .map(|duty| DutyView::new(duty, now, tz))
            .collect(),
        next_cursor: page.next.map(|c| c.encode()),
    }))
}
