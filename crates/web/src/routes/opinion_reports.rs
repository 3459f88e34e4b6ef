//! The public-opinion network's reports over HTTP (SPEC §16):
//! `POST/GET /opinion-reports`, one report, a case filed from one of its
//! items, and `GET /opinion/trends`.

use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use store::opinion_reports::{
    OpinionAnswer, OpinionOnce, OpinionReportFilter, OpinionReportView, TrendQuery, TrendStep,
    Trends,
};
use store::{StoreError, Thing};
use utoipa::{IntoParams, ToSchema};
use workflow::OpinionReportInput;

use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::{ApiQuery, JsonBody};
use crate::routes::ErrorBody;
use crate::routes::paging::page_args;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/opinion-reports", get(list).post(file))
        .route("/opinion-reports/{id}", get(show))
        .route(
            "/opinion-reports/{id}/items/{position}/case",
            post(case_from_item),
        )
        .route("/opinion/trends", get(trends))
}

/// The body of `POST /opinion-reports`.
pub(crate) type OpinionReportBody = OpinionReportInput;

/// Sends an opinion report: a collaborator serving today, for an area they
/// cover.
#[utoipa::path(post, path = "/api/v1/opinion-reports", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422")),
    request_body = OpinionReportBody,
    responses(
        (status = 201, description = "Received, with its items", body = OpinionReportView),
        (status = 403, description = "Not a collaborator serving today (`not_a_collaborator`), or an area not covered (`area_not_covered`)", body = ErrorBody),
        (status = 409, description = "The monthly report of this area and month was already sent (`duplicate_monthly_report`)", body = ErrorBody),
        (status = 422, description = "A missing, malformed or unknown field; the item at fault is named (`items[2].summary`). Nothing is written", body = ErrorBody),
    ))]
pub(crate) async fn file(
    State(state): State<AppState>,
    caller: Caller,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<OpinionReportBody>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    let key = key(&headers)?;
    let render = |view: &OpinionReportView| serde_json::to_string(view).unwrap_or_default();
    let once = key.as_deref().map(|key| OpinionOnce {
        key,
        request_hash: &hash,
        status: StatusCode::CREATED.as_u16(),
        render: &render,
    });
    let tz = state.policy.calendar.time_zone();
    let answer = state
        .store
        .file_opinion_report(caller.user, body.value, now, tz, once.as_ref())
        .await?;
    Ok(match answer {
        OpinionAnswer::Done(view) => (StatusCode::CREATED, Json(*view)).into_response(),
        OpinionAnswer::Replay { status, body } => replay(status, body),
    })
}

/// The filters of the list; all optional, combined with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ReportListQuery {
    /// Area code: the area and every area below it.
    area: Option<String>,
    /// Month of the monthly reports (`2026-11`).
    period: Option<String>,
    /// `true`: quick reports only; `false`: monthly ones only.
    quick: Option<bool>,
    /// The reporter's e-mail: only their reports.
    reporter: Option<String>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size, 1–100 (default 20).
    limit: Option<u64>,
}

/// One page of reports.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OpinionReportPageView {
    /// The reports, newest first, with their items.
    items: Vec<OpinionReportView>,
    /// Pass as `cursor` for the next page; absent on the last one.
    next_cursor: Option<String>,
}

/// A cursor of this list: `<nanoseconds>_<id>`.
fn cursor(text: &str) -> Option<String> {
    let (nanos, id) = text.split_once('_')?;
    (nanos.parse::<i64>().is_ok() && id.parse::<i64>().is_ok()).then(|| text.to_owned())
}

/// The reports the caller reads: a collaborator their own; the board and
/// the leaders those of their areas; admins all.
#[utoipa::path(get, path = "/api/v1/opinion-reports", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(ReportListQuery),
    responses(
        (status = 200, body = OpinionReportPageView),
        (status = 422, description = "Unknown parameter, bad value, bad month, unknown area or reporter, bad cursor", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ReportListQuery>,
) -> Result<Json<OpinionReportPageView>, AppError> {
    let (cursor, limit) = page_args(query.cursor.as_deref(), query.limit, cursor)?;
    let filter = OpinionReportFilter {
        area: query.area,
        period: query.period,
        quick: query.quick,
        reporter: query.reporter,
        cursor,
        limit,
    };
    let page = state
        .store
        .list_opinion_reports(caller.user, &filter, Utc::now())
        .await?;
    Ok(Json(OpinionReportPageView {
        items: page.reports,
        next_cursor: page.next,
    }))
}

/// A report id from the path; anything but a number names none (404).
fn report_id(text: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| {
        AppError::Store(StoreError::NotFound {
            thing: Thing::OpinionReport,
            key: format!("“{text}”"),
        })
    })
}

/// One report with its items and, for each, the case filed from it.
#[utoipa::path(get, path = "/api/v1/opinion-reports/{id}", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Report id")),
    responses(
        (status = 200, body = OpinionReportView),
        (status = 404, description = "No such report, or the caller may not read it", body = ErrorBody),
    ))]
pub(crate) async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<OpinionReportView>, AppError> {
    let id = report_id(&id)?;
    Ok(Json(
        state
            .store
            .opinion_report(caller.user, id, Utc::now())
            .await?,
    ))
}

/// Files a case from the item at `position`: a board officer serving the
/// report's area; source `collaborator`, the hotspot risk from the item's
/// mood and reach.
#[utoipa::path(post, path = "/api/v1/opinion-reports/{id}/items/{position}/case", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = String, Path, description = "Report id"),
        ("position" = String, Path, description = "The item's position, from 1"),
    ),
    responses(
        (status = 201, description = "The new case", body = CaseView),
        (status = 403, description = "Not a board officer serving the area (`role_not_allowed`)", body = ErrorBody),
        (status = 404, description = "No such report or item, or the caller may not read it", body = ErrorBody),
        (status = 409, description = "A case was already filed from this item (`item_already_filed`), named in the message", body = ErrorBody),
        (status = 422, description = "The item's category is no longer active", body = ErrorBody),
    ))]
pub(crate) async fn case_from_item(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, position)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = report_id(&id)?;
    let position: i32 = position.trim().parse().map_err(|_| {
        AppError::Store(StoreError::NotFound {
            thing: Thing::OpinionReport,
            key: format!("#{id}/{position}"),
        })
    })?;
    let now = Utc::now();
    let (actor, case) = state
        .store
        .file_case_from_opinion(caller.user, id, position, now, &state.policy)
        .await?;
    let tz = state.policy.calendar.time_zone();
    Ok((
        StatusCode::CREATED,
        Json(CaseView::new(&actor, &case, now, tz)),
    )
        .into_response())
}

/// What a trend is asked over.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct TrendParams {
    /// First day (`2026-09-01`); default: 12 weeks or 6 months before `to`.
    from: Option<NaiveDate>,
    /// Last day; default: today.
    to: Option<NaiveDate>,
    /// Area code: the area and every area below it.
    area: Option<String>,
    /// Category code.
    category: Option<String>,
    /// `week` (default) or `month`.
    by: Option<TrendStep>,
}

/// Per week or month: opinion items by mood and by reach, and cases
/// filed, counted over what the caller may read.
#[utoipa::path(get, path = "/api/v1/opinion/trends", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(TrendParams),
    responses(
        (status = 200, body = Trends),
        (status = 422, description = "Unknown parameter, bad date, `to` before `from`, more than 160 periods, unknown area", body = ErrorBody),
    ))]
pub(crate) async fn trends(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<TrendParams>,
) -> Result<Json<Trends>, AppError> {
    let query = TrendQuery {
        from: params.from,
        to: params.to,
        area: params.area,
        category: params.category,
        by: params.by.unwrap_or_default(),
    };
    let tz = state.policy.calendar.time_zone();
    Ok(Json(
        state
            .store
            .opinion_trends(caller.user, &query, Utc::now(), tz)
            .await?,
    ))
}
