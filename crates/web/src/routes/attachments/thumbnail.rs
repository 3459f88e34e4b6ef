//! `GET /attachments/{id}/thumbnail`: a small JPEG of a photo, for exactly
//! who may download the photo (SPEC §10: the same store call decides);
//! to anyone else it does not exist (404).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use store::attachments::Blobs;
use tokio::io::AsyncReadExt;

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::thumbnails::{format_of, thumbnail as make_thumbnail};
use crate::{AppError, AppState};

/// A thumbnail of a photo (JPEG, PNG or WebP), at most 320 pixels on its
/// longest side. A file of another type, or one that cannot be read as a
/// photo within the server's limits, has none: its page offers the plain
/// download instead.
#[utoipa::path(get, path = "/api/v1/attachments/{id}/thumbnail", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        (status = 400, description = "The id is not a number", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such attachment, its case is not visible to the caller, or it has no thumbnail", body = ErrorBody),
    ))]
pub(crate) async fn thumbnail(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let attachment = state.store.attachment(caller.user, id, Utc::now()).await?;
    let none = || {
        AppError::from(store::StoreError::NotFound {
            thing: store::Thing::Attachment,
            key: format!("#{id}"),
        })
    };
    let format = format_of(&attachment.content_type).ok_or_else(none)?;
    let blobs = Blobs::new(&state.config.data_dir);
    let sha256 = attachment.sha256.clone();
    let read = || async move {
        let mut file = blobs.open(&sha256).await.ok()?;
        let mut bytes = Vec::with_capacity(usize::try_from(attachment.size).unwrap_or(0));
        file.read_to_end(&mut bytes).await.ok()?;
        Some(bytes)
    };
    let thumb = make_thumbnail(&attachment.sha256, format, read)
        .await
        .ok_or_else(none)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        thumb.to_vec(),
    )
        .into_response())
}
