//! `/units`: the organisation units (đơn vị) and the areas they serve.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::admin::NewUnit;
use store::directory::{FormerName, UnitChange, UnitInfo};
use utoipa::ToSchema;
use workflow::UnitKind;

use crate::auth::Caller;
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// A unit.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct UnitView {
    id: i64,
    code: String,
    name: String,
    /// `board`, `people_committee`, `court`, …
    kind: String,
    /// Home area code.
    area: String,
    /// Codes of the areas it serves.
    serves: Vec<String>,
    email: Option<String>,
    /// The names it had before, oldest first, each with the last day it
    /// was in use: reports print the name of their date.
    former_names: Vec<FormerName>,
}

impl From<UnitInfo> for UnitView {
    fn from(u: UnitInfo) -> UnitView {
        UnitView {
            id: u.id,
            code: u.code,
            name: u.name,
            kind: u.kind,
            area: u.area,
            serves: u.serves,
            email: u.email,
            former_names: u.former_names,
        }
    }
}

/// A new unit.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewUnitBody {
    /// Unique code.
    code: String,
    /// Name.
    name: String,
    /// `party_committee`, `board`, `people_council`, `people_committee`,
    /// `court`, `procuracy`, `front`, `mass_org`, `media`.
    kind: UnitKind,
    /// Home area code.
    area: String,
    /// Codes of further areas it serves (a regional court serves several).
    #[serde(default)]
    serves: Vec<String>,
    /// Its own e-mail address.
    #[serde(default)]
    email: Option<String>,
}

/// What changes of a unit; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnitChangeBody {
    /// New name; the present one joins `former_names`, used until today.
    #[serde(default)]
    name: Option<String>,
    /// New e-mail address; an empty string removes it.
    #[serde(default)]
    email: Option<String>,
    /// Codes of the areas it serves besides its home area, replacing the
    /// present ones (it always serves its home area).
    #[serde(default)]
    serves: Option<Vec<String>>,
}

/// Every unit.
#[utoipa::path(get, path = "/api/v1/units", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<UnitView>)))]
pub(crate) async fn list_units(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<UnitView>>, AppError> {
    let units = state.store.units(caller.user, Utc::now()).await?;
    Ok(Json(units.into_iter().map(UnitView::from).collect()))
}

/// Adds a unit (administrators).
#[utoipa::path(post, path = "/api/v1/units", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    request_body = NewUnitBody,
    responses(
        (status = 201, body = UnitView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 409, description = "The code exists", body = ErrorBody),
        (status = 422, description = "Missing or unknown field, unknown area", body = ErrorBody),
    ))]
pub(crate) async fn create_unit(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewUnitBody>,
) -> Result<(StatusCode, Json<UnitView>), AppError> {
    let now = Utc::now();
    let b = body.value;
    let new = NewUnit {
        code: b.code,
        name: b.name,
        kind: b.kind,
        area: b.area,
        serves: b.serves,
        email: b.email,
    };
    let id = state.store.create_unit(caller.user, new, now).await?;
    let unit = state
        .store
        .units(caller.user, now)
        .await?
        .into_iter()
        .find(|u| u.id == id);
    let unit = unit.ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok((StatusCode::CREATED, Json(unit.into())))
}

/// Changes a unit's name, e-mail address or served areas (administrators).
/// A former name is kept in `former_names`, so that old cases and reports
/// keep naming the unit as it was then.
#[utoipa::path(patch, path = "/api/v1/units/{code}", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(("code" = String, Path, description = "Unit code")),
    request_body = UnitChangeBody,
    responses(
        (status = 200, body = UnitView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such unit", body = ErrorBody),
        (status = 422, description = "Unknown field, an empty name, a bad e-mail address or an unknown area in `serves`", body = ErrorBody),
    ))]
pub(crate) async fn update_unit(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    body: JsonBody<UnitChangeBody>,
) -> Result<Json<UnitView>, AppError> {
    let now = Utc::now();
    let b = body.value;
    let change = UnitChange {
        name: b.name,
        email: b.email,
        serves: b.serves,
    };
    state
        .store
        .update_unit(caller.user, &code, change, now, &state.policy.calendar)
        .await?;
    let unit = state
        .store
        .units(caller.user, now)
        .await?
        .into_iter()
        .find(|u| u.code == code.trim());
    let unit = unit.ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))?;
    Ok(Json(unit.into()))
}
