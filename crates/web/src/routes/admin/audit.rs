//! `/audit`: the audit log, newest first (administrators only; nobody can
//! change it, SPEC §9).

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::views::{Time, time};
use crate::{AppError, AppState};

/// One entry.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditView {
    id: i64,
    at: Time,
    /// Id of the user, when known.
    actor: Option<i64>,
    /// `sign_in`, `sign_in_failed`, `sign_in_throttled`, `sign_out`,
    /// `open_sensitive_case`, `add_area`, `add_unit`, `add_user`,
    /// `update_user`, `add_category`, `update_category`, `change_password`,
    /// `change_password_failed`, `change_password_throttled`,
    /// `reset_password`, `password_reset_requested`,
    /// `password_reset_unknown`, `password_reset_used`.
    action: String,
    #[schema(value_type = Object)]
    detail: serde_json::Value,
}

/// How many.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditQuery {
    /// 1–500, default 100.
    limit: Option<u64>,
}

/// The newest entries of the audit log.
#[utoipa::path(get, path = "/api/v1/audit", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(AuditQuery),
    responses(
        (status = 200, body = Vec<AuditView>),
        (status = 403, description = "Not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn list_audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<Vec<AuditView>>, AppError> {
    let limit = query.limit.unwrap_or(100).clamp(1, 500);
    let tz = state.policy.calendar.time_zone();
    let rows = state
        .store
        .audit_log(caller.user, limit, Utc::now())
        .await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| AuditView {
                id: r.id,
                at: time(r.at, tz),
                actor: r.actor,
                action: r.action,
                detail: r.detail,
            })
            .collect(),
    ))
}
