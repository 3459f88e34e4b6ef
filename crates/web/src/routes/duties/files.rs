//! `GET /duties/{id}/files/{file}`: a document a submission carried
//! (SPEC §13), for whoever may read the duty; to anyone else it does not
//! exist (404).

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Utc;

use super::duty_id;
use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::routes::attachments::send_file;
use crate::{AppError, AppState};

/// Downloads a duty's document, as a case attachment is downloaded.
#[utoipa::path(get, path = "/api/v1/duties/{id}/files/{file}", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = i64, Path, description = "Duty id"),
        ("file" = i64, Path, description = "Document id"),
    ),
    responses(
        (status = 200, description = "The file, with the type sniffed at upload", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, description = "No such document, or its duty is not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn download(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let duty = duty_id(&id)?;
    let file = duty_id(&file)?;
    let doc = state
        .store
        .duty_file(caller.user, duty, file, Utc::now())
        .await?;
    send_file(
        &state,
        &doc.sha256,
        &doc.content_type,
        &doc.file_name,
        doc.size,
    )
    .await
}
