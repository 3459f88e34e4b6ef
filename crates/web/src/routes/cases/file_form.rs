//! `POST /cases` as `multipart/form-data`: a report with its photos in one
//! request. One part `case` holds the JSON body of a plain filing (the same
//! fields, checked the same way); parts `file` (0 to
//! `workflow::MAX_FILES_PER_REQUEST`) hold the files, each streamed to a
//! temporary file while its size is counted and its hash computed.

use axum::extract::multipart::Field;
use axum::extract::{FromRequest, Multipart, Request};
use store::attachments::{Blobs, Upload};
use utoipa::ToSchema;

use super::file::FileBody;
use crate::routes::attachments::{multipart_error, receive};
use crate::{AppError, AppState, MAX_JSON_BYTES};

/// The part with the report.
const CASE_PART: &str = "case";
/// The parts with the files.
const FILE_PART: &str = "file";

/// `multipart/form-data`: the report as JSON in the part `case`, and its
/// files in parts `file`.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub(crate) struct FileForm {
    /// The report: the JSON body of a plain filing (`Content-Type:
    /// application/json` in the part).
    case: FileBody,
    /// Photos or documents (up to 10, each up to `attachments.max_bytes`),
    /// with their names in the parts' `filename`.
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<Vec<u8>>,
}

/// A JSON body and its files as received (a report, or a duty's
/// submission).
pub(crate) struct Filing<T = FileBody> {
    /// The JSON part, parsed.
    pub body: T,
    /// What the idempotency key must match: the report's JSON and each
    /// file's hash, size and name (the multipart boundary differs between
    /// two sendings of the same request, so the raw body cannot be it).
    pub fingerprint: Vec<u8>,
    /// The files, in their temporary place.
    pub uploads: Vec<Upload>,
}

/// Reads a multipart filing. A part of another name, a second `case`, too
/// many files or a file over the size limit refuse the request; the files
/// already received are then removed.
pub(crate) async fn receive_filing(request: Request, state: &AppState) -> Result<Filing, AppError> {
    receive_json_and_files(request, state, CASE_PART).await
}

/// Reads a multipart body whose part `json` holds the JSON body of the
/// plain request and whose parts `file` hold files, as a filing does: a
/// part of another name, a second `json`, too many files or a file over
/// the size limit refuse the request, and the files already received
/// are then removed.
pub(crate) async fn receive_json_and_files<T: serde::de::DeserializeOwned>(
    request: Request,
    state: &AppState,
    json: &'static str,
) -> Result<Filing<T>, AppError> {
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|e| AppError::BadMultipart(e.body_text()))?;
    let blobs = Blobs::new(&state.config.data_dir);
    let max = state.config.max_attachment_bytes;
    let mut case: Option<Vec<u8>> = None;
    let json_name = json;
    let mut uploads: Vec<Upload> = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            name if name == json_name && case.is_none() => case = Some(json_part(field).await?),
            FILE_PART if uploads.len() < workflow::MAX_FILES_PER_REQUEST => {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let blob = receive(field, &blobs, max).await?;
                uploads.push(Upload { file_name, blob });
            }
            FILE_PART => {
                return Err(AppError::Invalid {
                    field: name,
                    detail: crate::error::Detail::TooManyFiles(workflow::MAX_FILES_PER_REQUEST),
                });
            }
            _ => {
                return Err(AppError::Invalid {
                    field: name,
                    detail: crate::error::Detail::FileFormParts,
                });
            }
        }
    }
    let Some(raw) = case else {
        return Err(AppError::Invalid {
            field: json_name.to_owned(),
            detail: crate::error::Detail::Missing,
        });
    };
    let body = crate::json::parse::<T>(&raw)?;
    let mut fingerprint = b"multipart\n".to_vec();
    fingerprint.extend_from_slice(&raw);
    for upload in &uploads {
        fingerprint.extend_from_slice(
            format!(
                "\n{} {} {}",
                upload.blob.sha256, upload.blob.size, upload.file_name
            )
            .as_bytes(),
        );
    }
    Ok(Filing {
        body,
        fingerprint,
        uploads,
    })
}

/// The bytes of the `case` part, no more than a JSON body may hold.
async fn json_part(mut field: Field<'_>) -> Result<Vec<u8>, AppError> {
    let mut raw = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if raw.len() + chunk.len() > MAX_JSON_BYTES {
            return Err(AppError::Status(axum::http::StatusCode::PAYLOAD_TOO_LARGE));
        }
        raw.extend_from_slice(&chunk);
    }
    Ok(raw)
}
