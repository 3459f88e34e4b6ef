//! `/cases`: filing, reading, listing and searching cases, carrying out
//! actions, and the timeline.

mod act;
mod events;
mod file;
mod file_form;
mod list;
mod show;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;

use crate::AppState;
use crate::routes::attachments::files_body_limit;

pub(crate) use act::ActionBody;
pub(crate) use events::EventView;
pub(crate) use file::FileBody;
pub(crate) use file_form::{FileForm, receive_json_and_files};
pub(crate) use list::CasePageView;

/// Filing, with its own body limit: a report may carry up to
/// `workflow::MAX_FILES_PER_REQUEST` files of the configured size.
pub(crate) fn filing_router(max_file_bytes: u64) -> Router<AppState> {
    let limit = files_body_limit(max_file_bytes);
    Router::new()
        .route("/cases", post(file::file))
        .layer(DefaultBodyLimit::max(limit))
        // Refuses a too large `Content-Length` before reading any of it.
        .layer(RequestBodyLimitLayer::new(limit))
}

/// The `/cases` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list::list))
        .route("/cases/{id}", get(show::show))
        .route("/cases/{id}/actions", post(act::act))
        .route("/cases/{id}/events", get(events::events))
}

pub(crate) use act::__path_act;
pub(crate) use events::__path_events;
pub(crate) use file::__path_file;
pub(crate) use list::__path_list;
pub(crate) use show::__path_show;
