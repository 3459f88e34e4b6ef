//! `POST /cases`: file a case, once per `Idempotency-Key`.

use axum::Json;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use store::FileRequest;
use store::idempotency::{Answer, Once};
use utoipa::ToSchema;
use workflow::{Actor, Case, HotspotRisk, Source};

use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// A new report (SPEC §3.3 `file`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileBody {
    /// Short title.
    title: String,
    /// What is happening.
    description: String,
    /// Area code.
    area: String,
    /// Category code (`land`, `environment`, …).
    category: String,
    /// Source: `press`, `social_media`, `petition`, `direct`, `meeting`, `collaborator`.
    source: Source,
    /// Estimated number of people affected.
    #[serde(default)]
    people_affected: Option<i64>,
    /// `low`, `medium` or `high`.
    #[serde(default)]
    hotspot_risk: Option<HotspotRisk>,
}

/// Files a case.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    request_body = FileBody,
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422")),
    responses(
        (status = 201, description = "Filed", body = CaseView, links(
            ("show" = (operation_id = "show", parameters(("id" = "$response.body#/id")))),
            ("act" = (operation_id = "act", parameters(("id" = "$response.body#/id")))),
            ("events" = (operation_id = "events", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 403, description = "The role may not file, or not in this area", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid field; reused key", body = ErrorBody),
    ))]
pub(crate) async fn file(
    State(state): State<AppState>,
    caller: Caller,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<FileBody>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let b = body.value;
    let request = FileRequest {
        title: b.title,
        description: b.description,
        area: b.area,
        category: b.category,
        source: b.source,
        people_affected: b.people_affected,
        hotspot_risk: b.hotspot_risk,
    };
    let key = key(&headers)?;
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    let render = move |actor: &Actor, case: &Case| CaseView::json(actor, case, now, tz);
    let once = key.as_deref().map(|key| Once {
        key,
        request_hash: &hash,
        status: StatusCode::CREATED.as_u16(),
        render: &render,
    });
    let answer = state
        .store
        .file_case_once(caller.user, request, now, &state.policy, once.as_ref())
        .await?;
    Ok(match answer {
        Answer::Done { case, actor } => (
            StatusCode::CREATED,
            Json(CaseView::new(&actor, &case, now, tz)),
        )
            .into_response(),
        Answer::Replay { status, body } => replay(status, body),
    })
}
