//! `GET /cases/{id}/attachments`: the files of a case the caller may open.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;

use super::AttachmentView;
use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The attachments of a case, oldest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/attachments", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = Vec<AttachmentView>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such case, or not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<AttachmentView>>, AppError> {
    let tz = state.policy.calendar.time_zone();
    let attachments = state
        .store
        .attachments_of(caller.user, &id, Utc::now())
        .await?;
    Ok(Json(
        attachments
            .into_iter()
            .map(|a| AttachmentView::new(a, tz))
            .collect(),
    ))
}
