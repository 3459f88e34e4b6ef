//! The JSON shape of an attachment and the multipart form of an upload.

use chrono_tz::Tz;
use serde::Serialize;
use store::attachments::StoredAttachment;
use utoipa::ToSchema;

use crate::views::{Time, time};

/// An attachment of a case.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AttachmentView {
    /// Id: cite it in an action's `documents` or `attachments`.
    id: i64,
    /// The case's id.
    case: i64,
    /// The timeline event of the action that cited it, once one has.
    event: Option<i64>,
    /// The original file name, made safe.
    file_name: String,
    /// The type sniffed from the content.
    content_type: String,
    /// Size in bytes.
    size: i64,
    /// Hex SHA-256 of the content.
    sha256: String,
    /// Id of the user who uploaded it.
    uploaded_by: i64,
    /// When.
    uploaded_at: Time,
    /// Where to download it: `/api/v1/attachments/{id}`.
    download: String,
}

impl AttachmentView {
    /// The view of a stored attachment, times in `tz`.
    pub(crate) fn new(a: StoredAttachment, tz: Tz) -> AttachmentView {
        AttachmentView {
            download: format!("/api/v1/attachments/{}", a.id),
            id: a.id,
            case: a.case,
            event: a.event,
            file_name: a.file_name,
            content_type: a.content_type,
            size: a.size,
            sha256: a.sha256,
            uploaded_by: a.uploaded_by,
            uploaded_at: time(a.uploaded_at, tz),
        }
    }
}

/// `multipart/form-data` with one part.
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart body for the OpenAPI document only"
)]
pub(crate) struct UploadForm {
    /// The file (a photo, a PDF or an office document), with its name in
    /// the part's `filename`.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}
