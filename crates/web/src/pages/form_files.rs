//! A posted form that may carry files (`multipart/form-data`: the filing
//! form's photos, an answer's documents) or none (a plain form). Text
//! fields become the same [`Fields`] a plain form gives; each file is
//! streamed to a temporary file, counted against the configured size. A
//! file too large (or one too many) does not fail the request: the fields
//! read before it are kept and the refusal is handed to the page, which
//! shows the form again with the message beside the file input. The
//! whole request may weigh no more than its files may together
//! ([`files_body_limit`]): past that it is refused with 413, on its
//! `Content-Length` before any of it is read, or as soon as a body
//! without one passes the limit, and nothing is kept.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use bytes::Bytes;
use http_body_util::Limited;
use store::attachments::{Blobs, Upload};

use super::error::PageError;
use super::form::Fields;
use super::session::Visitor;
use crate::routes::attachments::{files_body_limit, multipart_error, receive};
use crate::{AppError, AppState};

/// The most text a form may post: every text field together.
const MAX_TEXT_BYTES: usize = 1 << 20;

/// The posted fields, the files, and why files were refused, if they were.
pub(crate) struct FormWithFiles {
    /// The text fields. For the idempotency hash, `raw` is the text fields
    /// form-encoded: a resend of the kept draft, whose files a browser
    /// cannot keep, still matches the report that arrived.
    fields: Fields,
    /// The files, in their temporary place (removed if not stored).
    uploads: Vec<Upload>,
    /// Files were refused (too large, too many): nothing may be stored.
    refused: Option<AppError>,
}

impl FormWithFiles {
    /// The fields once the form's CSRF token is checked, and the files or
    /// why they were refused.
    pub(crate) fn checked(
        self,
        visitor: &Visitor,
    ) -> Result<(Fields, Result<Vec<Upload>, AppError>), PageError> {
        visitor.check_csrf(self.fields.get("csrf"))?;
        let uploads = match self.refused {
            Some(err) => Err(err),
            None => Ok(self.uploads),
        };
        Ok((self.fields, uploads))
    }
}

impl FromRequest<AppState> for FormWithFiles {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        let limit = files_body_limit(state.config.max_attachment_bytes);
        let too_large = || AppError::FormTooLarge { max: limit as u64 };
        if announced_length(request.headers()).is_some_and(|n| n > limit) {
            return Err(too_large().into());
        }
        // The routes turn the framework's limit off (it would refuse every
        // photo); this one is the whole request's.
        let request = request.map(|body| Body::new(Limited::new(body, limit)));
        // Reading past the limit fails with 413 wherever it happens.
        let past_limit = |err: AppError| match err {
            AppError::Status(StatusCode::PAYLOAD_TOO_LARGE) => too_large(),
            err => err,
        };
        let multipart = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().starts_with("multipart/form-data"));
        if !multipart {
            let raw = to_bytes(request.into_body(), MAX_TEXT_BYTES)
                .await
                .map_err(|_| AppError::Status(StatusCode::PAYLOAD_TOO_LARGE))?;
            return Ok(FormWithFiles {
                fields: Fields::checked(Fields::parse(raw))?,
                uploads: Vec::new(),
                refused: None,
            });
        }
        let mut form = Multipart::from_request(request, state)
            .await
            .map_err(|e| AppError::BadMultipart(e.body_text()))?;
        let blobs = Blobs::new(&state.config.data_dir);
        let max = state.config.max_attachment_bytes;
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut text_bytes = 0;
        let mut uploads = Vec::new();
        let mut refused = None;
        while let Some(field) = form
            .next_field()
            .await
            .map_err(|e| past_limit(multipart_error(e)))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                // A file input left empty still sends its part, without a name.
                Some(file_name) if file_name.is_empty() => {}
                // The rest is read and dropped, so that the browser gets
                // the page with the message rather than a broken connection.
                Some(_) if refused.is_some() => {}
                Some(_) if uploads.len() >= workflow::MAX_FILES_PER_REQUEST => {
                    refused = Some(AppError::Invalid {
                        field: name,
                        detail: crate::error::Detail::TooManyFiles(workflow::MAX_FILES_PER_REQUEST),
                    });
                }
                Some(file_name) => match receive(field, &blobs, max).await.map_err(past_limit) {
                    Ok(blob) => uploads.push(Upload { file_name, blob }),
                    // The files received so far are removed as they drop.
                    Err(err @ AppError::FormTooLarge { .. }) => return Err(err.into()),
                    Err(err) => refused = Some(err),
                },
                None => {
                    let value = field
                        .text()
                        .await
                        .map_err(|e| past_limit(multipart_error(e)))?;
                    text_bytes += name.len() + value.len();
                    if text_bytes > MAX_TEXT_BYTES {
                        return Err(AppError::Status(StatusCode::PAYLOAD_TOO_LARGE).into());
                    }
                    pairs.push((name, value));
                }
            }
        }
        if refused.is_some() {
            uploads.clear();
        }
        let raw = Bytes::from(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&pairs)
                .finish(),
        );
        Ok(FormWithFiles {
            fields: Fields::checked(Fields::parse(raw))?,
            uploads,
            refused,
        })
    }
}

/// The `Content-Length` a request announces, if it announces one.
fn announced_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
