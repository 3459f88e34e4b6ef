//! `POST /cases/{id}/attachments`: one file, streamed to disk while its
//! size is counted and its hash computed, then checked by content and
//! recorded.

use axum::Json;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use store::StoreError;
use store::attachments::{Blob, Blobs, Upload};

use super::{AttachmentView, UploadForm};
use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The part that carries the file.
const FILE_PART: &str = "file";

/// Adds a file to a case: a photo, a PDF or an office document, judged by
/// its content. The reporter of the case and those working on it may.
#[utoipa::path(post, path = "/api/v1/cases/{id}/attachments", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored; also added to the timeline as `attachment_added`", body = AttachmentView),
        (status = 400, description = "Not a readable multipart body", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "The caller may not add files to this case (`attachment_not_allowed`), or a missing CSRF token", body = ErrorBody),
        (status = 404, description = "No such case, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "The case is closed, dismissed or merged (`case_finished`)", body = ErrorBody),
        (status = 413, description = "The file is larger than `attachments.max_bytes`", body = ErrorBody),
        (status = 422, description = "No `file` part, another part, or content that is not an accepted kind (`unsupported_file_type`)", body = ErrorBody),
    ))]
pub(crate) async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<AttachmentView>), AppError> {
    let now = Utc::now();
    // Refuse before reading the body: nothing of a refused upload is written.
    state.store.may_attach(caller.user, &id, now).await?;
    let mut multipart = multipart.map_err(|e| AppError::BadMultipart(e.body_text()))?;
    let blobs = Blobs::new(&state.config.data_dir);
    let max = state.config.max_attachment_bytes;
    let mut upload: Option<(String, Blob)> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name != FILE_PART || upload.is_some() {
            return Err(AppError::Invalid {
                field: name,
                detail: crate::error::Detail::OneFilePart,
            });
        }
        let file_name = field.file_name().unwrap_or_default().to_owned();
        upload = Some((file_name, receive(field, &blobs, max).await?));
    }
    let Some((file_name, blob)) = upload else {
        return Err(AppError::Invalid {
            field: FILE_PART.to_owned(),
            detail: crate::error::Detail::Missing,
        });
    };
    let upload = Upload { file_name, blob };
    let stored = state
        .store
        .add_attachments(caller.user, &id, vec![upload], &blobs, now)
        .await?
        .pop()
        .ok_or_else(|| StoreError::Io("an upload recorded no attachment".to_owned()))?;
    let tz = state.policy.calendar.time_zone();
    Ok((StatusCode::CREATED, Json(AttachmentView::new(stored, tz))))
}

/// Writes the part to a temporary file, refusing it as soon as it passes
/// `max` bytes (the temporary file is then removed).
pub(crate) async fn receive(
    mut field: Field<'_>,
    blobs: &Blobs,
    max: u64,
) -> Result<Blob, AppError> {
    let mut writer = blobs.begin().await?;
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if writer.size() + chunk.len() as u64 > max {
            return Err(AppError::TooLarge { max });
        }
        writer.write(&chunk).await?;
    }
    Ok(writer.finish().await?)
}

/// A broken or too large multipart body, as an API error.
pub(crate) fn multipart_error(err: MultipartError) -> AppError {
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Status(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        AppError::BadMultipart(err.body_text())
    }
}
