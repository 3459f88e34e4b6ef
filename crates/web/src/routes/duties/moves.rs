//! `POST /duties/{id}/submission`, `/acknowledge` and `/waiver`: the moves
//! of a duty instance (SPEC §4.1), once per `Idempotency-Key`. Who may and
//! from which status is `workflow::duty_transition`'s rule.

use axum::Json;
use axum::extract::{OriginalUri, Path, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use store::Files;
use store::attachments::Blobs;
use store::duties::{DutyAnswer, DutyInfo, DutyMove, DutyOnce};
use utoipa::ToSchema;

use super::duty_id;
use super::view::DutyView;
use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::routes::cases::receive_json_and_files;
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

/// `multipart/form-data`: the submission as JSON in the part
/// `submission`, and its documents in parts `file`.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub(crate) struct SubmissionForm {
    /// The JSON body of a plain submission (`Content-Type:
    /// application/json` in the part).
    submission: SubmissionBody,
    /// Documents (up to 10, each up to `attachments.max_bytes`): PDF,
    /// photos, office documents, with their names in the parts'
    /// `filename`.
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<Vec<u8>>,
}

/// The part with the submission.
const SUBMISSION_PART: &str = "submission";

/// A liaison of the provider unit submits the information: a JSON body,
/// or `multipart/form-data` with the same JSON in the part `submission`
/// and documents in parts `file` (SPEC §13) — the submission and its
/// documents in one transaction.
#[utoipa::path(post, path = "/api/v1/duties/{id}/submission", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = i64, Path, description = "Duty id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Same key and request (for multipart: the same `submission` part and the same files): the first answer again; same key, another request: 422"),
    ),
    request_body(content(
        (SubmissionBody = "application/json"),
        (SubmissionForm = "multipart/form-data"),
    )),
    responses(
        (status = 200, description = "Submitted: the duty as it is now, with its documents", body = DutyView),
        (status = 400, description = "Not a readable multipart body", body = ErrorBody),
        (status = 403, description = "Not a liaison of the provider unit", body = ErrorBody),
        (status = 404, description = "No such duty, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "Already acknowledged or waived", body = ErrorBody),
        (status = 413, description = "A file is larger than `attachments.max_bytes`: nothing is written", body = ErrorBody),
        (status = 422, description = "Missing, blank, too long or unknown field; more than 10 files; a file that is not a photo, PDF or office document (`unsupported_file_type`): nothing is written; reused key", body = ErrorBody),
    ))]
pub(crate) async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, AppError> {
    let multipart = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("multipart/form-data"));
    let (body, fingerprint, uploads) = if multipart {
        let received =
            receive_json_and_files::<SubmissionBody>(request, &state, SUBMISSION_PART).await?;
        (received.body, received.fingerprint, received.uploads)
    } else {
        let json = crate::json::json_within_limit::<SubmissionBody, _>(request, &state).await?;
        (json.value, json.raw.to_vec(), Vec::new())
    };
    let action = DutyMove::Submit { text: body.text };
    let hash = request_hash(&Method::POST, uri.path(), &fingerprint);
    let blobs = Blobs::new(&state.config.data_dir);
    let files = Files {
        uploads,
        blobs: Some(&blobs),
    };
    carry_out(&state, &caller, &id, &headers, &hash, action, files).await
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
    let action = DutyMove::Acknowledge;
    carry_out(&state, &caller, &id, &headers, &hash, action, no_files()).await
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
    carry_out(&state, &caller, &id, &headers, &hash, action, no_files()).await
}

/// The move, kept under the request's `Idempotency-Key` if it has one.
async fn carry_out(
    state: &AppState,
    caller: &Caller,
    id: &str,
    headers: &HeaderMap,
    hash: &str,
    action: DutyMove,
    files: Files<'_>,
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
        .move_duty_with_files(caller.user, id, action, files, now, once.as_ref())
        .await?;
    Ok(match answer {
        DutyAnswer::Done(duty) => Json(DutyView::new(&duty, now, tz)).into_response(),
        DutyAnswer::Replay { status, body } => replay(status, body),
    })
}

/// The files of a move that carries none.
fn no_files() -> Files<'static> {
    Files {
        uploads: Vec::new(),
        blobs: None,
    }
}
