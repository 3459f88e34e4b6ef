//! `POST /cases`: file a case, with its photos if sent as multipart, once
//! per `Idempotency-Key`.

use axum::Json;
use axum::extract::{OriginalUri, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use store::attachments::Blobs;
use store::idempotency::{CaseAnswer, CaseOnce};
use store::{FileRequest, Files};
use workflow::{Actor, Case};

use super::file_form::{FileForm, receive_filing};
use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::routes::ErrorBody;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// A new report (SPEC §3.3 `file`): the area by code.
pub(crate) type FileBody = FileRequest;

/// Files a case: a JSON body, or `multipart/form-data` with the same JSON
/// in the part `case` and photos or documents in parts `file` — the case
/// and its files in one transaction.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    request_body(content(
        (FileBody = "application/json"),
        (FileForm = "multipart/form-data"),
    )),
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and request (for multipart: the same `case` part and the same files): the first answer again; same key, another request: 422")),
    responses(
        (status = 201, description = "Filed (with its files, each in the timeline as `attachment_added`)", body = CaseView, links(
            ("show" = (operation_id = "show", parameters(("id" = "$response.body#/id")))),
            ("act" = (operation_id = "act", parameters(("id" = "$response.body#/id")))),
            ("events" = (operation_id = "events", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 400, description = "Not a readable multipart body", body = ErrorBody),
        (status = 403, description = "The role may not file, or not in this area", body = ErrorBody),
        (status = 413, description = "A file is larger than `attachments.max_bytes`, or the JSON larger than the body limit: nothing is written", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid field; more than 10 files; a file that is not a photo, PDF or office document (`unsupported_file_type`): nothing is written; reused key", body = ErrorBody),
    ))]
pub(crate) async fn file(
    State(state): State<AppState>,
    caller: Caller,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let multipart = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("multipart/form-data"));
    let (body, fingerprint, uploads) = if multipart {
        let filing = receive_filing(request, &state).await?;
        (filing.body, filing.fingerprint, filing.uploads)
    } else {
        // This route's body limit is the files'; a JSON body keeps its own.
        let json = crate::json::json_within_limit::<FileBody, _>(request, &state).await?;
        (json.value, json.raw.to_vec(), Vec::new())
    };
    let key = key(&headers)?;
    let hash = request_hash(&Method::POST, uri.path(), &fingerprint);
    let render = move |actor: &Actor, case: &Case| CaseView::json(actor, case, now, tz);
    let once = key.as_deref().map(|key| CaseOnce {
        key,
        request_hash: &hash,
        status: StatusCode::CREATED.as_u16(),
        render: std::sync::Arc::new(render),
    });
    let blobs = Blobs::new(&state.config.data_dir);
    let files = Files {
        uploads,
        blobs: Some(&blobs),
    };
    let answer = state
        .store
        .file_case_with_files(
            caller.identity.asker(),
            body,
            files,
            now,
            &state.policy,
            once.as_ref(),
        )
        .await?;
    Ok(match answer {
        CaseAnswer::Done { case, actor } => (
            StatusCode::CREATED,
            Json(CaseView::new(&actor, &case, now, tz)),
        )
            .into_response(),
        CaseAnswer::Replay { status, body } => replay(status, body),
    })
}
