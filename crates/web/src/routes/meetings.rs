//! The meetings of a case (SPEC §11): `GET /cases/{id}/meetings`, each
//! scheduled or logged meeting with each invited unit's invitation status,
//! for the case's internal readers.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Utc;
use store::meetings::MeetingView;

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/cases/{id}/meetings", get(list))
}

/// The meetings of a case, earliest first, times in the calendar's zone
/// with the offset: the scheduled ones with their invitations (`queued`,
/// `sent`, or `failed` for a unit without an address), and, once held,
/// whether the board was represented.
#[utoipa::path(get, path = "/api/v1/cases/{id}/meetings", tag = "meetings",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = Vec<MeetingView>),
        (status = 404, description = "No such case, or the caller does not read its internal file (a reporter)", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<MeetingView>>, AppError> {
    let tz = state.policy.calendar.time_zone();
    Ok(Json(
        state
            .store
            .meetings_for(caller.user, &id, Utc::now(), tz)
            .await?,
    ))
}
