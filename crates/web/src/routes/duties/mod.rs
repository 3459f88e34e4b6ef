//! `/duties`: the information duties of SPEC §4 — listing and reading the
//! instances the caller may see, submission by the provider's liaison,
//! acknowledgement by the board, waiver by an admin.

mod files;
mod list;
mod moves;
mod request;
mod show;
mod view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;

use crate::AppError;
use crate::AppState;

pub(crate) use files::__path_download;
pub(crate) use list::__path_list_duties;
pub(crate) use list::DutyPageView;
pub(crate) use moves::{
    __path_acknowledge, __path_submit, __path_waive, AcknowledgeBody, SubmissionBody,
    SubmissionForm, WaiverBody,
};
pub(crate) use request::{__path_request, DutyRequestBody};
pub(crate) use show::__path_show_duty;
pub(crate) use view::{DutyFileView, DutyUserView, DutyView, file_url};

/// The `/duties` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/duties", get(list::list_duties).post(request::request))
        .route("/duties/{id}", get(show::show_duty))
        .route("/duties/{id}/files/{file}", get(files::download))
        .route("/duties/{id}/acknowledge", post(moves::acknowledge))
        .route("/duties/{id}/waiver", post(moves::waive))
}

/// The submission, with its own body limit: it may carry up to
/// `workflow::MAX_FILES_PER_REQUEST` documents of the configured size.
pub(crate) fn submission_router(max_file_bytes: u64) -> Router<AppState> {
    let limit = crate::routes::attachments::files_body_limit(max_file_bytes);
    Router::new()
        .route("/duties/{id}/submission", post(moves::submit))
        .layer(DefaultBodyLimit::max(limit))
        // Refuses a too large `Content-Length` before reading any of it.
        .layer(RequestBodyLimitLayer::new(limit))
}

/// A duty id from the path; anything but a number names no duty (404).
pub(crate) fn duty_id(text: &str) -> Result<i64, AppError> {
    text.trim().parse().map_err(|_| {
        AppError::Store(store::StoreError::NotFound {
            thing: store::Thing::Duty,
            key: format!("“{text}”"),
        })
    })
}
