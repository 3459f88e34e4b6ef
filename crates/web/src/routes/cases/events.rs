//! `GET /cases/{id}/events`: the timeline of a case the caller may see.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::views::{Time, time};
use crate::{AppError, AppState};

/// One entry of the timeline.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventView {
    /// Id.
    id: i64,
    /// 1, 2, 3… within the case.
    seq: i32,
    /// The action code.
    action: String,
    /// State before (none for `file`).
    from: Option<String>,
    /// State after.
    to: String,
    /// Id of the user who acted.
    actor: i64,
    /// Their name.
    actor_name: String,
    /// Id of the unit they acted for.
    unit: i64,
    /// That unit's code.
    unit_code: String,
    /// That unit's name.
    unit_name: String,
    /// The action's input.
    #[schema(value_type = Object)]
    payload: serde_json::Value,
    /// When.
    at: Time,
}

/// The timeline, oldest first.
#[utoipa::path(get, path = "/api/v1/cases/{id}/events", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = Vec<EventView>),
        (status = 404, description = "No such case, or not visible to the caller", body = ErrorBody),
    ))]
pub(crate) async fn events(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<EventView>>, AppError> {
    let tz = state.policy.calendar.time_zone();
    let events = state
        .store
        .case_events(caller.user, &id, Utc::now())
        .await?;
    Ok(Json(
        events
            .into_iter()
            .map(|e| EventView {
                id: e.id,
                seq: e.seq,
                action: e.action,
                from: e.from,
                to: e.to,
                actor: e.actor,
                actor_name: e.actor_name,
                unit: e.unit,
                unit_code: e.unit_code,
                unit_name: e.unit_name,
                payload: e.payload,
                at: time(e.at, tz),
            })
            .collect(),
    ))
}
