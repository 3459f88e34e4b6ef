//! `/reports`: the figures of the annual review report (SPEC §4.3) for
//! leaders, the board and administrators.

mod annual;
mod instant;
mod summary;

use axum::Router;
use axum::routing::get;

use crate::AppState;

/// The `/reports` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/reports/summary", get(summary::summary))
        .route("/reports/annual", get(annual::annual))
}

pub(crate) use annual::__path_annual;
pub(crate) use summary::__path_summary;
