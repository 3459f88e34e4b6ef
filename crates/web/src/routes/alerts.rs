//! Hotspot early warning (SPEC §16): `GET /alerts`, the alerts of areas in
//! the caller's jurisdiction (board officers, leaders; admins all), open
//! first; `POST /alerts/{id}/acknowledge` with a note, by a board officer,
//! once.

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use store::alerts::{AlertFilter, AlertView};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::json::{ApiQuery, JsonBody};
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/alerts", get(list))
        .route("/alerts/{id}/acknowledge", post(acknowledge))
}

/// Which alerts to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct AlertQuery {
    /// `true`: only acknowledged alerts; `false`: only open ones; absent:
    /// both, open first.
    acknowledged: Option<bool>,
    /// An area code: only the alerts of that area and the areas below it.
    area: Option<String>,
}

/// An early-warning alert.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AlertJson {
    /// Its number.
    id: i64,
    /// The area's code.
    area: String,
    /// The area's name.
    area_name: String,
    /// The category's code.
    category: String,
    /// The category's name, in the answer's language.
    category_name: String,
    /// The Monday the (local) week starts on.
    week_start: NaiveDate,
    /// `unusual_rise` (the week is improbable under the 8 weeks before) or
    /// `high_risk_case` (a case with a high hotspot risk was filed).
    reason: String,
    /// The reason in words.
    reason_label: String,
    /// The week's signal: cases count 1, opinion items mood × reach.
    observed: f64,
    /// The mean signal of the 8 weeks before.
    baseline: f64,
    /// P(X ≥ observed) under Poisson(max(baseline, 2)), for an unusual rise.
    p_value: Option<f64>,
    /// When it was raised.
    created_at: DateTime<Utc>,
    /// Whether a board officer acknowledged it.
    acknowledged: bool,
    /// Who acknowledged it (their name).
    acknowledged_by: Option<String>,
    /// When.
    acknowledged_at: Option<DateTime<Utc>>,
    /// The acknowledgement's note.
    note: Option<String>,
}

impl AlertJson {
    fn of(a: AlertView, lang: workflow::Lang) -> Self {
        let reason_label = workflow::AlertReason::from_code(&a.reason)
            .map_or_else(|| a.reason.clone(), |r| r.label(lang).to_owned());
        let ack = a.acknowledged;
        AlertJson {
            id: a.id,
            area: a.area_code,
            area_name: a.area_name,
            category: a.category,
            category_name: a.category_name,
            week_start: a.week_start,
            reason: a.reason,
            reason_label,
            observed: a.observed,
            baseline: a.baseline,
            p_value: a.p_value,
            created_at: a.created_at,
            acknowledged: ack.is_some(),
            acknowledged_by: ack.as_ref().map(|k| k.by.clone()),
            acknowledged_at: ack.as_ref().map(|k| k.at),
            note: ack.map(|k| k.note),
        }
    }
}

/// The acknowledgement of an alert.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AlertAcknowledgeBody {
    /// What is known and what was directed (required).
    note: String,
}

/// The alerts of the areas in the caller's jurisdiction, open first, then
/// the newest; nobody else's (a reporter or a liaison gets an empty list).
#[utoipa::path(get, path = "/api/v1/alerts", tag = "alerts",
    security(("bearer" = []), ("session" = [])),
    params(AlertQuery),
    responses(
        (status = 200, body = Vec<AlertJson>),
        (status = 422, description = "Unknown area or parameter", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<AlertQuery>,
) -> Result<Json<Vec<AlertJson>>, AppError> {
    let filter = AlertFilter {
        acknowledged: query.acknowledged,
        area: query.area,
    };
    let alerts = state
        .store
        .list_alerts(caller.user, &filter, caller.lang, Utc::now())
        .await?;
    Ok(Json(
        alerts
            .into_iter()
            .map(|a| AlertJson::of(a, caller.lang))
            .collect(),
    ))
}

/// Acknowledges an alert with a note: a board officer with jurisdiction
/// over its area, once; a second acknowledgement is refused, naming who
/// acknowledged it and when.
#[utoipa::path(post, path = "/api/v1/alerts/{id}/acknowledge", tag = "alerts",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Alert id")),
    request_body = AlertAcknowledgeBody,
    responses(
        (status = 200, description = "Acknowledged: the alert as it is now", body = AlertJson),
        (status = 403, description = "Not a board officer with jurisdiction over the area", body = ErrorBody),
        (status = 404, description = "No such alert, or not in the caller's jurisdiction", body = ErrorBody),
        (status = 409, description = "Already acknowledged: by whom and when", body = ErrorBody),
        (status = 422, description = "Missing, blank or too long note; unknown field", body = ErrorBody),
    ))]
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: JsonBody<AlertAcknowledgeBody>,
) -> Result<Json<AlertJson>, AppError> {
    let now = Utc::now();
    state
        .store
        .acknowledge_alert(
            caller.user,
            id,
            &body.value.note,
            &state.policy.calendar,
            now,
        )
        .await?;
    let alert = state
        .store
        .list_alerts(caller.user, &AlertFilter::default(), caller.lang, now)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::Store(store::StoreError::NotFound {
            thing: store::Thing::Alert,
            key: format!("#{id}"),
        }))?;
    Ok(Json(AlertJson::of(alert, caller.lang)))
}
