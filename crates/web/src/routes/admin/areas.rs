//! `/areas`: the administrative areas (địa bàn).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::admin::NewArea;
use store::directory::{AreaChange, AreaInfo, FormerName};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// An area.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AreaView {
    id: i64,
    code: String,
    name: String,
    /// Parent area code; none for a root.
    parent: Option<String>,
    /// 0 for a root.
    depth: i32,
    /// The names it had before, oldest first, each with the last day it
    /// was in use: reports print the name of their date.
    former_names: Vec<FormerName>,
}

impl From<AreaInfo> for AreaView {
    fn from(a: AreaInfo) -> AreaView {
        AreaView {
            id: a.id,
            code: a.code,
            name: a.name,
            parent: a.parent,
            depth: a.depth,
            former_names: a.former_names,
        }
    }
}

/// A new area.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewAreaBody {
    /// Unique code.
    code: String,
    /// Name.
    name: String,
    /// Parent area code; none for a root.
    #[serde(default)]
    parent: Option<String>,
}

/// What changes of an area; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AreaChangeBody {
    /// New name; the present one joins `former_names`, used until today.
    #[serde(default)]
    name: Option<String>,
}

/// Every area.
#[utoipa::path(get, path = "/api/v1/areas", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<AreaView>)))]
pub(crate) async fn list_areas(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<AreaView>>, AppError> {
    let areas = state.store.areas(caller.user, Utc::now()).await?;
    Ok(Json(areas.into_iter().map(AreaView::from).collect()))
}

/// Adds an area (administrators).
#[utoipa::path(post, path = "/api/v1/areas", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    request_body = NewAreaBody,
    responses(
        (status = 201, body = AreaView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 409, description = "The code exists", body = ErrorBody),
        (status = 422, description = "Missing or unknown field, unknown parent", body = ErrorBody),
    ))]
pub(crate) async fn create_area(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewAreaBody>,
) -> Result<(StatusCode, Json<AreaView>), AppError> {
    let now = Utc::now();
    let b = body.value;
    let id = state
        .store
        .create_area(
            caller.user,
            NewArea {
                code: b.code,
                name: b.name,
                parent: b.parent,
            },
            now,
        )
        .await?;
    let area = state
        .store
        .areas(caller.user, now)
        .await?
        .into_iter()
        .find(|a| a.id == id);
    let area = area.ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok((StatusCode::CREATED, Json(area.into())))
}

/// Renames an area (administrators). The old name is kept in
/// `former_names`, so that old cases and reports keep naming the area as it
/// was then.
#[utoipa::path(patch, path = "/api/v1/areas/{code}", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(("code" = String, Path, description = "Area code")),
    request_body = AreaChangeBody,
    responses(
        (status = 200, body = AreaView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such area", body = ErrorBody),
        (status = 422, description = "Unknown field, or an empty name", body = ErrorBody),
    ))]
pub(crate) async fn update_area(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    body: JsonBody<AreaChangeBody>,
) -> Result<Json<AreaView>, AppError> {
    let now = Utc::now();
    let change = AreaChange {
        name: body.value.name,
    };
    state
        .store
        .update_area(caller.user, &code, change, now, &state.policy.calendar)
        .await?;
    let area = state
        .store
        .areas(caller.user, now)
        .await?
        .into_iter()
        .find(|a| a.code == code.trim());
    let area = area.ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok(Json(area.into()))
}
