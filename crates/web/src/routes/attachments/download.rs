//! `GET /attachments/{id}`: the file, as a download, for who may open its
//! case; to anyone else it does not exist (404).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use store::attachments::Blobs;
use tokio_util::io::ReaderStream;

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// Downloads an attachment: always `Content-Disposition: attachment`, the
/// sniffed type and `X-Content-Type-Options: nosniff`, so that a browser
/// never renders it inline.
#[utoipa::path(get, path = "/api/v1/attachments/{id}", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The file, with the type sniffed at upload", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, description = "The id is not a number", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such attachment, or its case is not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn download(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let attachment = state.store.attachment(caller.user, id, Utc::now()).await?;
    send_file(
        &state,
        &attachment.sha256,
        &attachment.content_type,
        &attachment.file_name,
        attachment.size,
    )
    .await
}

/// A stored file as a download: always `Content-Disposition: attachment`,
/// the sniffed type and `nosniff`, never cached. A case's attachments and
/// a duty's documents are sent so.
pub(crate) async fn send_file(
    state: &AppState,
    sha256: &str,
    content_type: &str,
    file_name: &str,
    size: i64,
) -> Result<Response, AppError> {
    let file = Blobs::new(&state.config.data_dir).open(sha256).await?;
    let content_type = HeaderValue::from_str(content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&content_disposition(file_name))
        .unwrap_or(HeaderValue::from_static("attachment"));
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_LENGTH, HeaderValue::from(size)),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        Body::from_stream(ReaderStream::new(file)),
    )
        .into_response())
}

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>`
/// (RFC 6266 with the RFC 8187 encoding for the real, Vietnamese name).
fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn a_vietnamese_name_is_percent_encoded_with_an_ascii_fallback() {
        assert_eq!(
            content_disposition("Biên bản \"họp\".pdf"),
            "attachment; filename=\"Bi_n b_n _h_p_.pdf\"; \
             filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22.pdf"
        );
    }
}
