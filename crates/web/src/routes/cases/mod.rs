//! `/cases`: filing, reading, listing and searching cases, carrying out
//! actions, and the timeline.

mod act;
mod events;
mod file;
mod list;
mod show;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

pub(crate) use act::ActionBody;
pub(crate) use events::EventView;
pub(crate) use file::FileBody;
pub(crate) use list::CasePageView;

/// The `/cases` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases", post(file::file).get(list::list))
        .route("/cases/{id}", get(show::show))
        .route("/cases/{id}/actions", post(act::act))
        .route("/cases/{id}/events", get(events::events))
}

pub(crate) use act::__path_act;
pub(crate) use events::__path_events;
pub(crate) use file::__path_file;
pub(crate) use list::__path_list;
pub(crate) use show::__path_show;
