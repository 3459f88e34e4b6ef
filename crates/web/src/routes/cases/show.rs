//! `GET /cases/{id}`: one case by id or code, with what the caller may do.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// One case, if the caller may see it; otherwise 404, as if it did not exist.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = CaseView),
        (status = 404, description = "No such case, or not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<CaseView>, AppError> {
    let now = Utc::now();
    let (actor, case) = state
        .store
        .open_case(caller.identity.asker(), &id, now)
        .await?;
    Ok(Json(CaseView::new(
        &actor,
        &case,
        now,
        state.policy.calendar.time_zone(),
    )))
}
