//! Attachments (SPEC §6.2, §9): `POST /cases/{id}/attachments` (multipart
//! upload), `GET /cases/{id}/attachments` (the list) and `GET
//! /attachments/{id}` (the file itself) — all only for who may open the
//! case.

mod download;
mod list;
mod thumbnail;
mod upload;
mod view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;

use crate::AppState;

pub(crate) use download::send_file;
pub(crate) use upload::{multipart_error, receive};
pub(crate) use view::{AttachmentView, UploadForm};

pub(crate) use download::__path_download;
pub(crate) use list::__path_list;
pub(crate) use thumbnail::__path_thumbnail;
pub(crate) use upload::__path_upload;

/// Room for the multipart framing around the file (boundaries, part
/// headers) over the configured file size limit.
const MULTIPART_OVERHEAD: usize = 64 * 1024;

/// The most every file of one request may weigh together, unless one file
/// of the configured size needs more: ten phone photos or a scanned answer
/// with its annexes fit, and no single post can make the server read
/// hundreds of megabytes (issue 13: a 179 MB form was read to its end).
pub(crate) const MAX_FILES_BYTES: usize = 64 * 1024 * 1024;

/// The most a request that carries files may weigh, whole: the files a
/// request may carry (`workflow::MAX_FILES_PER_REQUEST`), each of the
/// configured size with its multipart framing, at most [`MAX_FILES_BYTES`]
/// (but always room for one file of the configured size), and the rest of
/// the form (as much as a JSON body). The filing route of the API and the
/// page forms with files refuse anything larger with 413.
pub(crate) fn files_body_limit(max_file_bytes: u64) -> usize {
    let per_file = usize::try_from(max_file_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(MULTIPART_OVERHEAD);
    per_file
        .saturating_mul(workflow::MAX_FILES_PER_REQUEST)
        .min(MAX_FILES_BYTES.max(per_file))
        .saturating_add(crate::MAX_JSON_BYTES)
}

/// The attachment routes. The upload route has its own body limit, the
/// configured file size: the JSON limit of the rest of the API would refuse
/// every photo.
pub(crate) fn router(max_file_bytes: u64) -> Router<AppState> {
    let limit = usize::try_from(max_file_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(MULTIPART_OVERHEAD);
    Router::new()
        .route(
            "/cases/{id}/attachments",
            get(list::list).post(upload::upload),
        )
        .route("/attachments/{id}", get(download::download))
        .route("/attachments/{id}/thumbnail", get(thumbnail::thumbnail))
        .layer(DefaultBodyLimit::max(limit))
        // Refuses a too large `Content-Length` before reading any of it.
        .layer(RequestBodyLimitLayer::new(limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_size_gives_a_form_of_sixty_four_mebibytes_and_a_form() {
        let limit = files_body_limit(20 * 1024 * 1024);
        assert_eq!(limit, MAX_FILES_BYTES + crate::MAX_JSON_BYTES);
        assert!(limit < 179_000_000 / 2, "a 179 MB post is refused");
    }

    #[test]
    fn one_file_of_the_configured_size_always_fits() {
        let huge = 100 * 1024 * 1024;
        assert!(files_body_limit(huge) > huge as usize);
        let small = 4096;
        assert_eq!(
            files_body_limit(small),
            (4096 + MULTIPART_OVERHEAD) * workflow::MAX_FILES_PER_REQUEST + crate::MAX_JSON_BYTES
        );
    }
}
