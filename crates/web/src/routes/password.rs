//! Passwords (SPEC §6.3): change one's own, an administrator's reset, and
//! "forgot password" with a one-time link sent by e-mail. The policy of a
//! new password is `workflow::check_new_password`; the store audits each.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ErrorBody;
use crate::auth::Caller;
use crate::client_ip::ClientAddress;
use crate::json::JsonBody;
use workflow::{Lang, Tr};

use crate::{AppError, AppState, lang};

/// The password routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/password", post(change))
        .route("/auth/password-reset", post(request_reset))
        .route("/auth/password-reset/confirm", post(confirm_reset))
        .route("/users/{id}/password", post(admin_reset))
}

/// One's own password change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChangeBody {
    /// The password now.
    current_password: String,
    /// At least 10 characters, not the e-mail address.
    new_password: String,
}

/// What a password change ended besides: every other session and token of
/// the caller.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PasswordChanged {
    /// What happened, in the caller's language.
    message: String,
    /// The caller's other browser sessions, now ended.
    other_sessions_ended: u64,
    /// The caller's API tokens, now revoked (all of them, but the one the
    /// change was made with).
    tokens_revoked: u64,
}

/// Changes the caller's own password; ends the caller's other sessions and
/// revokes their tokens, keeping the session or token the change is made
/// with. Wrong current passwords are throttled like sign-ins, per user.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth",
    security(("bearer" = []), ("session" = [])),
    request_body = ChangeBody,
    responses(
        (status = 200, description = "Changed; the other sessions and tokens ended", body = PasswordChanged),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Wrong current password (`current_password`), or a new one too short or equal to the e-mail (`new_password`)", body = ErrorBody),
        (status = 429, description = "Too many wrong current passwords; `Retry-After` says when to try again", body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait"))),
    ))]
pub(crate) async fn change(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<ChangeBody>,
) -> Result<Json<PasswordChanged>, AppError> {
    let b = body.value;
    let ended = state
        .store
        .change_password(
            &caller.identity,
            &b.current_password,
            &b.new_password,
            &state.throttle,
            Utc::now(),
        )
        .await?;
    Ok(Json(PasswordChanged {
        message: password_changed_message(caller.lang),
        other_sessions_ended: ended.sessions,
        tokens_revoked: ended.tokens,
    }))
}

/// What a changed password means for the user's other credentials (the
/// API's answer and the page's).
pub(crate) fn password_changed_message(lang: Lang) -> String {
    Tr(lang).password_changed().to_owned()
}

/// A new password set by an administrator.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AdminResetBody {
    /// At least 10 characters, not the user's e-mail address.
    new_password: String,
}

/// Sets a user's password (administrators); ends the user's sessions and
/// revokes their tokens.
#[utoipa::path(post, path = "/api/v1/users/{id}/password", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "User id")),
    request_body = AdminResetBody,
    responses(
        (status = 204, description = "Set"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "A new password too short or equal to the e-mail", body = ErrorBody),
    ))]
pub(crate) async fn admin_reset(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: JsonBody<AdminResetBody>,
) -> Result<StatusCode, AppError> {
    state
        .store
        .reset_password(caller.user, id, &body.value.new_password, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// "Forgot password".
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResetRequestBody {
    /// The e-mail address of the account.
    email: String,
}

/// The same answer for every address.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ResetRequested {
    /// What happens next, in the caller's language.
    message: String,
}

/// Sends a one-time link (valid one hour) to the address if it belongs to
/// an active account. Always 202 with the same body, whether or not the
/// address has an account; past the limits (per address and per client,
/// kept in the database) 429 with `Retry-After`, again whatever the
/// address.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth",
    request_body = ResetRequestBody,
    responses(
        (status = 202, body = ResetRequested),
        (status = 422, description = "No `email` field", body = ErrorBody),
        (status = 429, description = "Too many requests for this address or from this client; `Retry-After` says when to try again", body = ErrorBody,
            headers(("Retry-After" = i64, description = "Seconds to wait"))),
    ))]
pub(crate) async fn request_reset(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    body: JsonBody<ResetRequestBody>,
) -> Result<(StatusCode, Json<ResetRequested>), AppError> {
    state
        .store
        .request_password_reset(&body.value.email, &client, &state.reset_limits, Utc::now())
        .await?;
    let message = reset_requested_message(lang::current());
    Ok((StatusCode::ACCEPTED, Json(ResetRequested { message })))
}

/// The one answer to "forgot password", whether or not the address has
/// an account (the API's and the page's).
pub(crate) fn reset_requested_message(lang: Lang) -> String {
    Tr(lang).password_reset_requested().to_owned()
}

/// The new password from a reset link.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResetConfirmBody {
    /// The token of the link.
    token: String,
    /// At least 10 characters, not the e-mail address.
    new_password: String,
}

/// Sets the password from a reset link: once, within the hour; ends the
/// account's sessions and tokens.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth",
    request_body = ResetConfirmBody,
    responses(
        (status = 204, description = "Set"),
        (status = 422, description = "Unknown, used or expired link (`token`), or a new password too short or equal to the e-mail", body = ErrorBody),
    ))]
pub(crate) async fn confirm_reset(
    State(state): State<AppState>,
    body: JsonBody<ResetConfirmBody>,
) -> Result<StatusCode, AppError> {
    let b = body.value;
    state
        .store
        .confirm_password_reset(&b.token, &b.new_password, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
