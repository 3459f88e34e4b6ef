//! The JSON API under `/api/v1` (SPEC §6.2): one module per resource, each
//! with its own router, merged here.

pub(crate) mod admin;
pub(crate) mod alerts;
pub(crate) mod attachments;
pub(crate) mod auth;
pub(crate) mod bulletin;
pub(crate) mod cases;
pub(crate) mod collaborators;
pub(crate) mod documents;
pub(crate) mod duties;
pub(crate) mod meetings;
pub(crate) mod opinion_reports;
pub(crate) mod orientations;
pub(crate) mod paging;
pub(crate) mod password;
pub(crate) mod reports;

use axum::Router;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;

/// Every API route, relative to `/api/v1`.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(auth::router())
        .merge(cases::router())
        .merge(duties::router())
        .merge(admin::router())
        .merge(reports::router())
        .merge(password::router())
        .merge(orientations::router())
        .merge(documents::router())
        .merge(bulletin::router())
        .merge(meetings::router())
        .merge(opinion_reports::router())
        .merge(collaborators::router())
        .merge(alerts::router())
}

/// The body of every error answer (SPEC §6.2).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// The error.
    error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// A stable machine code: `not_found`, `version_conflict`,
    /// `invalid_input`, `wrong_state`, `role_not_allowed`, …
    code: String,
    /// A sentence for the user, in the language of `Accept-Language`
    /// (Vietnamese by default).
    message: String,
    /// The field at fault, for validation errors (422).
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    /// The case's current version, for a stale one (409).
    #[serde(skip_serializing_if = "Option::is_none")]
    current_version: Option<i64>,
    /// Seconds to wait, for 429.
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after: Option<i64>,
}
