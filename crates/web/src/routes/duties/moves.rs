//! `POST /duties/{id}/submission`, `/acknowledge` and `/waiver`: the moves
//! of a duty instance (SPEC §4.1), once per `Idempotency-Key`. Who may and
//! from which status is `workflow::duty_transition`'s rule.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use store::duties::{DutyAnswer, DutyInfo, DutyMove, DutyOnce};
use utoipa::ToSchema;

use super::duty_id;
use super::view::DutyView;
use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The information the provider gives.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SubmissionBody {
    /// The information (required, up to 20 000 characters). A liaison may
    /// submit again to correct it until the board acknowledges.
    text: String,
}

/// Why the unit is released from the duty.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct WaiverBody {
    /// The reason (required).
    reason: String,
}

/// An acknowledgement takes no input; an empty object may be sent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcknowledgeBody {}

/// A liaison of the provider unit submits the information.
#[utoipa::path(post, path = "/api/v1/duties/{id}/submission", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = i64, Path, description = "Duty id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422"),
    ),
    request_body = SubmissionBody,
    responses(
        (status = 200, description = "Submitted: the duty as it is now", body = DutyView),
        (status = 403, description = "Not a liaison of the provider unit", body = ErrorBody),
        (status = 404, description = "No such duty, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "Already acknowledged or waived", body = ErrorBody),
        (status = 422, description = "Missing, blank, too long or unknown field; reused key", body = ErrorBody),
    ))]
pub(crate) async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<SubmissionBody>,
) -> Result<Response, AppError> {
    let action = DutyMove::Submit {
        text: body.value.text,
    };
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    carry_out(&state, &caller, &id, &headers, &hash, action).await
}

/// An officer of the recipient board confirms receipt.
#[utoipa::path(post, path = "/api/v1/duties/{id}/acknowledge", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = i64, Path, description = "Duty id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Same key: the first answer again"),
    ),
    request_body(content = Option<AcknowledgeBody>, description = "Nothing, or `{}`"),
    responses(
        (status = 200, description = "Acknowledged: the duty as it is now", body = DutyView),
        (status = 403, description = "Not an officer of the recipient board", body = ErrorBody),
        (status = 404, description = "No such duty, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "Not submitted yet, or already acknowledged or waived", body = ErrorBody),
        (status = 422, description = "Reused key", body = ErrorBody),
    ))]
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let hash = request_hash(&Method::POST, uri.path(), b"");
    carry_out(&state, &caller, &id, &headers, &hash, DutyMove::Acknowledge).await
}

/// An administrator releases the unit from the duty, with a reason.
#[utoipa::path(post, path = "/api/v1/duties/{id}/waiver", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = i64, Path, description = "Duty id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422"),
    ),
    request_body = WaiverBody,
    responses(
        (status = 200, description = "Waived: the duty as it is now", body = DutyView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such duty", body = ErrorBody),
        (status = 409, description = "Already acknowledged or waived", body = ErrorBody),
        (status = 422, description = "Missing, blank or too long reason; unknown field; reused key", body = ErrorBody),
    ))]
pub(crate) async fn waive(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<WaiverBody>,
) -> Result<Response, AppError> {
    let action = DutyMove::Waive {
        reason: body.value.reason,
    };
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    carry_out(&state, &caller, &id, &headers, &hash, action).await
}

/// The move, kept under the request's `Idempotency-Key` if it has one.
async fn carry_out(
    state: &AppState,
    caller: &Caller,
    id: &str,
    headers: &HeaderMap,
    hash: &str,
    action: DutyMove,
) -> Result<Response, AppError> {
    let id = duty_id(id)?;
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let key = key(headers)?;
    let render = move |duty: &DutyInfo| DutyView::json(duty, now, tz);
    let once = key.as_deref().map(|key| DutyOnce {
        key,
        request_hash: hash,
        status: StatusCode::OK.as_u16(),
        render: &render,
    });
    let answer = state
        .store
        .move_duty_once(caller.user, id, action, now, once.as_ref())
        .await?;
    Ok(match answer {
        DutyAnswer::Done(duty) => Json(DutyView::new(&duty, now, tz)).into_response(),
        DutyAnswer::Replay { status, body } => replay(status, body),
    })
}
