//! `/duties`: the information duties of SPEC §4 — listing and reading the
//! instances the caller may see, submission by the provider's liaison,
//! acknowledgement by the board, waiver by an admin.

mod list;
mod moves;
mod show;
mod view;

use axum::Router;
use axum::routing::{get, post};

use crate::AppError;
use crate::AppState;

pub(crate) use list::__path_list_duties;
pub(crate) use list::DutyPageView;
pub(crate) use moves::{
    __path_acknowledge, __path_submit, __path_waive, AcknowledgeBody, SubmissionBody, WaiverBody,
};
pub(crate) use show::__path_show_duty;
pub(crate) use view::{DutyUserView, DutyView};

/// The `/duties` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/duties", get(list::list_duties))
        .route("/duties/{id}", get(show::show_duty))
        .route("/duties/{id}/submission", post(moves::submit))
        .route("/duties/{id}/acknowledge", post(moves::acknowledge))
        .route("/duties/{id}/waiver", post(moves::waive))
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
