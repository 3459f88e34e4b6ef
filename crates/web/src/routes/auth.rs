//! `/auth`: signing in and out, the caller's own identity and tokens.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::auth::{SignIn, TokenInfo};
use utoipa::ToSchema;

use super::ErrorBody;
use crate::auth::{Caller, clear_cookie, session_cookie};
use crate::json::JsonBody;
use crate::views::{Time, time};
use crate::{AppError, AppState};

/// The `/auth` routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/me", get(me))
        .route("/auth/tokens", get(tokens))
        .route("/auth/tokens/{id}", delete(revoke))
}

/// E-mail and password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LoginBody {
    /// The sign-in e-mail.
    email: String,
    /// The password.
    password: String,
}

/// A signed-in user.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Me {
    /// User id.
    id: i64,
    /// E-mail.
    email: String,
    /// Full name.
    name: String,
    /// Role code.
    role: String,
    /// Unit code.
    unit: String,
    /// Preferred language, `vi` or `en`.
    lang: String,
}

/// What a sign-in gives: a bearer token for API clients (shown once), the
/// CSRF token a browser repeats in `X-CSRF-Token`, and, in `Set-Cookie`,
/// the session cookie.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LoginAnswer {
    /// Bearer token for `Authorization: Bearer …`.
    token: String,
    /// Its id, to revoke it with `DELETE /auth/tokens/{id}`.
    token_id: i64,
    /// When the token expires.
    token_expires_at: Time,
    /// The session's anti-forgery token.
    csrf_token: String,
    /// When the session ends.
    session_expires_at: Time,
    /// Who signed in.
    user: Me,
}

/// Signs in with e-mail and password.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth",
    request_body = LoginBody,
    responses(
        (status = 200, description = "Signed in; `Set-Cookie` carries the session", body = LoginAnswer),
        (status = 401, description = "Wrong e-mail or password (the same for both)", body = ErrorBody),
        (status = 422, description = "Missing or unknown field", body = ErrorBody),
        (status = 429, description = "Too many failures for this e-mail from this address", body = ErrorBody),
    ))]
async fn login(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Result<Response, AppError> {
    // The failure count and the audit log key on the client's address.
    let address = crate::client_ip::client_address(
        request.extensions(),
        request.headers(),
        &state.config.trusted_proxies,
    );
    let JsonBody { value: body, .. } = <JsonBody<LoginBody> as axum::extract::FromRequest<
        AppState,
    >>::from_request(request, &state)
    .await?;
    let now = Utc::now();
    let signed = state
        .store
        .sign_in(
            SignIn {
                email: body.email,
                password: body.password,
                client: address,
            },
            &state.throttle,
            now,
        )
        .await?;
    let who = state
        .store
        .authenticate_session(&signed.session_token, now)
        .await?;
    let unit = state.store.actor(who.user, now).await?.unit.code;
    let tz = state.policy.calendar.time_zone();
    let answer = LoginAnswer {
        token: signed.api_token,
        token_id: signed.api_token_id,
        token_expires_at: time(signed.api_token_expires_at, tz),
        csrf_token: signed.csrf_token,
        session_expires_at: time(signed.session_expires_at, tz),
        user: Me {
            id: who.user.0,
            email: who.email,
            name: who.name,
            role: who.role.code().to_owned(),
            unit,
            lang: who.lang.code().to_owned(),
        },
    };
    let cookie = session_cookie(
        &signed.session_token,
        signed.session_expires_at,
        now,
        state.config.https(),
    );
    let mut headers = HeaderMap::new();
    headers.insert(
        header::SET_COOKIE,
        cookie
            .parse()
            .map_err(|_| AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))?,
    );
    headers.insert(
        header::CACHE_CONTROL,
        "no-store".parse().expect("a valid header"),
    );
    Ok((headers, Json(answer)).into_response())
}

/// Signs out: ends the session, or revokes the bearer token used.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    security(("bearer" = []), ("session" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 403, description = "Cookie without the CSRF token", body = ErrorBody),
    ))]
async fn logout(State(state): State<AppState>, caller: Caller) -> Result<Response, AppError> {
    state.store.sign_out(&caller.identity, Utc::now()).await?;
    let cookie = clear_cookie(state.config.https());
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// Who the caller is.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, body = Me),
    ))]
async fn me(State(state): State<AppState>, caller: Caller) -> Result<Json<Me>, AppError> {
    let unit = state.store.actor(caller.user, Utc::now()).await?.unit.code;
    let who = caller.identity;
    Ok(Json(Me {
        id: who.user.0,
        email: who.email,
        name: who.name,
        role: who.role.code().to_owned(),
        unit,
        lang: caller.lang.code().to_owned(),
    }))
}

/// One of the caller's tokens, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TokenView {
    /// Id, to revoke it.
    id: i64,
    /// `sign-in` or the label given on the command line.
    label: String,
    /// Issued at.
    created_at: Time,
    /// Last used (to the minute).
    last_used_at: Option<Time>,
    /// Expires at, if ever.
    expires_at: Option<Time>,
}

/// The caller's live tokens.
#[utoipa::path(get, path = "/api/v1/auth/tokens", tag = "auth",
    security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, body = Vec<TokenView>),
    ))]
async fn tokens(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<TokenView>>, AppError> {
    let tz = state.policy.calendar.time_zone();
    let list = state.store.tokens(caller.user, Utc::now()).await?;
    Ok(Json(
        list.into_iter()
            .map(|t: TokenInfo| TokenView {
                id: t.id,
                label: t.label,
                created_at: time(t.created_at, tz),
                last_used_at: t.last_used_at.map(|at| time(at, tz)),
                expires_at: t.expires_at.map(|at| time(at, tz)),
            })
            .collect(),
    ))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/auth/tokens/{id}", tag = "auth",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 403, description = "Cookie without the CSRF token", body = ErrorBody),
        (status = 404, description = "No such token of the caller", body = ErrorBody),
    ))]
async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    state
        .store
        .revoke_token(caller.user, id, Utc::now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
