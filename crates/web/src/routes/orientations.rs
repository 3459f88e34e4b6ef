//! Orientation notices (SPEC §12): `GET /cases/{id}/orientations`, each
//! notice with each recipient's status, for the case's internal readers;
//! `POST /orientations/{id}/acknowledge` for a signed-in user of a
//! recipient unit. The link in the e-mail acknowledges without signing
//! in on its page (`/acknowledge/{token}`).

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use store::orientations::{Acknowledgement, OrientationNotice};

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/orientations", get(list))
        .route("/orientations/{id}/acknowledge", post(acknowledge))
}

/// The orientation notices of a case, oldest first, with each recipient
/// unit's status: `sent`, `acknowledged` (when, by whom) or `failed` (no
/// address, or every delivery failed).
#[utoipa::path(get, path = "/api/v1/cases/{id}/orientations", tag = "orientations",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = Vec<OrientationNotice>),
        (status = 404, description = "No such case, or the caller does not read its internal file (a reporter)", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<OrientationNotice>>, AppError> {
    Ok(Json(
        state
            .store
            .orientations_of(
                caller.user,
                &id,
                Utc::now(),
                state.policy.calendar.time_zone(),
            )
            .await?,
    ))
}

/// Acknowledges a notice for the caller's unit, which must be one of its
/// recipients. Acknowledging again changes nothing: the answer says when
/// and by whom it was (`just_now: false`).
#[utoipa::path(post, path = "/api/v1/orientations/{id}/acknowledge", tag = "orientations",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Notice id")),
    responses(
        (status = 200, body = Acknowledgement),
        (status = 403, description = "The caller's unit is not a recipient", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody),
    ))]
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Acknowledgement>, AppError> {
    Ok(Json(
        state
            .store
            .acknowledge_orientation(
                caller.user,
                id,
                Utc::now(),
                state.policy.calendar.time_zone(),
            )
            .await?,
    ))
}
