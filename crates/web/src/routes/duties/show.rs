//! `GET /duties/{id}`: one duty instance, if the caller may see it.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;

use super::duty_id;
use super::view::DutyView;
use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// One duty; a duty the caller may not see is 404, as if it did not exist.
#[utoipa::path(get, path = "/api/v1/duties/{id}", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Duty id")),
    responses(
        (status = 200, body = DutyView),
        (status = 404, description = "No such duty, or not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn show_duty(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<DutyView>, AppError> {
    let now = Utc::now();
    let duty = state
        .store
        .open_duty(caller.user, duty_id(&id)?, now)
        .await?;
    Ok(Json(DutyView::new(
        &duty,
        now,
        state.policy.calendar.time_zone(),
    )))
}
