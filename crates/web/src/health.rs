//! Liveness and readiness (SPEC §6.2): `/healthz` answers while the process
//! runs, `/readyz` only while the database answers too, so a load balancer
//! stops sending traffic to a replica that lost its database.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::{AppError, AppState};

/// The health routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
}

/// The process is up.
async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The process is up and the database answers.
async fn readyz(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    state.store.ping().await.map_err(AppError::NotReady)?;
    Ok(Json(json!({ "status": "ok" })))
}
