//! `/outbox`: the e-mails that gave up after the last try, and
//! sending one again (SPEC §5), administrators only.

use axum::Json;
use axum::extract::{Path, State};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::outbox_admin::OutboxInfo;
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::views::{Time, time};
use crate::{AppError, AppState};

/// An e-mail of the outbox (without its content).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OutboxView {
    id: i64,
    /// `reminder_digest`, `case_assigned`, `orientation_notice`, …
    kind: String,
    /// Its unique key: the cause and the step.
    key: String,
    /// The recipient's address.
    to: String,
    /// `pending`, `sent`, `failed` or `dropped`.
    status: String,
    /// Tries so far.
    attempts: i32,
    /// The SMTP error of the last try.
    last_error: Option<String>,
    created_at: Time,
    /// When the next (or last) try is due.
    next_attempt_at: Time,
    sent_at: Option<Time>,
}

impl OutboxView {
    fn new(row: OutboxInfo, tz: chrono_tz::Tz) -> OutboxView {
        OutboxView {
            id: row.id,
            kind: row.kind,
            key: row.key,
            to: row.recipient_email,
            status: row.status,
            attempts: row.attempts,
            last_error: row.last_error,
            created_at: time(row.created_at, tz),
            next_attempt_at: time(row.next_attempt_at, tz),
            sent_at: row.sent_at.map(|t| time(t, tz)),
        }
    }
}

/// Which e-mails.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct OutboxQuery {
    /// `failed` (default), `pending`, `sent`, `dropped` or `historical`.
    status: Option<String>,
    /// How many, newest first: 1–500 (default 100).
    limit: Option<u64>,
}

/// The newest e-mails of a status; by default those that failed.
#[utoipa::path(get, path = "/api/v1/outbox", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(OutboxQuery),
    responses(
        (status = 200, body = Vec<OutboxView>),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 422, description = "Unknown status, limit out of range, unknown parameter", body = ErrorBody),
    ))]
pub(crate) async fn list_outbox(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> Result<Json<Vec<OutboxView>>, AppError> {
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(AppError::Invalid {
            field: "limit".to_owned(),
            detail: crate::error::Detail::Range { from: 1, to: 500 },
        });
    }
    let status = query.status.unwrap_or_else(|| "failed".to_owned());
    let rows = state
        .store
        .outbox_rows(caller.user, status.trim(), limit, Utc::now())
        .await?;
    let tz = state.policy.calendar.time_zone();
    Ok(Json(
        rows.into_iter().map(|r| OutboxView::new(r, tz)).collect(),
    ))
}

/// Sends a failed e-mail again: back in the queue with fresh tries, due
/// now; the dispatcher delivers it on its next run. Audited.
#[utoipa::path(post, path = "/api/v1/outbox/{id}/retry", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Outbox id")),
    responses(
        (status = 200, description = "Queued again", body = OutboxView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such e-mail", body = ErrorBody),
        (status = 409, description = "The e-mail has not failed (pending, sent, dropped or historical)", body = ErrorBody),
    ))]
pub(crate) async fn retry_email(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<OutboxView>, AppError> {
    let row = state
        .store
        .retry_failed_email(caller.user, id, Utc::now())
        .await?;
    Ok(Json(OutboxView::new(
        row,
        state.policy.calendar.time_zone(),
    )))
}
