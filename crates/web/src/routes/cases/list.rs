//! `GET /cases`: the cases the caller may see, filtered and searched
//! (SPEC §6.2, §6.4), newest first, a page at a time.

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::{CaseFilter, Cursor};
use utoipa::{IntoParams, ToSchema};
use workflow::{CaseState, Priority, ReporterState, Sensitivity};

use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::routes::paging::page_args;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// The filters; all optional, combined with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListQuery {
    /// State code. Not for reporters (SPEC §10): 422.
    state: Option<CaseState>,
    /// The state in the reporter's terms (`received`, `needs_info`,
    /// `in_progress`, `resolved`, `closed`, `not_accepted`, `merged`).
    reporter_state: Option<ReporterState>,
    /// Category code.
    category: Option<String>,
    /// Area code: the area and every area below it.
    area: Option<String>,
    /// `normal`, `complex` or `sensitive`. Not for reporters: 422.
    sensitivity: Option<Sensitivity>,
    /// `urgent`, `high` or `normal`. Not for reporters: 422.
    priority: Option<Priority>,
    /// Lead unit code.
    lead_unit: Option<String>,
    /// `true`: only cases past a running deadline. Not for reporters: 422.
    overdue: Option<bool>,
    /// `true`: only cases the caller filed or their unit leads.
    mine: Option<bool>,
    /// Search words, matched without case, diacritics or punctuation ("dat
    /// dai" finds "Đất đai") in the code, title and description; the last
    /// word may be a prefix. Results are ranked: every word in the code or
    /// title first, then the others, the most recent first within each.
    q: Option<String>,
    /// `next_cursor` of the previous page of the same list (a search's
    /// cursors are not the plain list's).
    cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    limit: Option<u64>,
}

/// One page.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CasePageView {
    /// The cases, newest first (ranked when searching).
    items: Vec<CaseView>,
    /// Pass as `cursor` for the next page; absent on the last one.
    next_cursor: Option<String>,
}

/// Lists and searches cases.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(ListQuery),
    responses(
        (status = 200, body = CasePageView),
        (status = 422, description = "Unknown parameter, bad value, unknown area or unit code, bad cursor", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<CasePageView>, AppError> {
    let (cursor, limit) = page_args(query.cursor.as_deref(), query.limit, Cursor::decode)?;
    let filter = CaseFilter {
        state: query.state,
        reporter_state: query.reporter_state,
        category: query.category,
        area: query.area,
        sensitivity: query.sensitivity,
        priority: query.priority,
        lead_unit: query.lead_unit,
        overdue: query.overdue.unwrap_or(false),
        mine: query.mine.unwrap_or(false),
        involved: false,
        oldest_first: false,
        q: query.q.filter(|q| !q.trim().is_empty()),
        cursor,
        limit,
    };
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let page = state
        .store
        .list_cases(caller.identity.asker(), &filter, now)
        .await?;
    Ok(Json(CasePageView {
        items: page
            .cases
            .iter()
            .map(|case| CaseView::listed(&page.actor, case, now, tz))
            .collect(),
        next_cursor: page.next.map(|c| c.encode()),
    }))
}
