//! `/users`: accounts (administrators only).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::admin::NewUser;
use store::directory::{UserChange, UserInfo};
use utoipa::ToSchema;
use workflow::{Lang, Role};

use crate::auth::Caller;
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// A user, without any secret.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct UserView {
    id: i64,
    email: String,
    name: String,
    /// Role code.
    role: String,
    /// Unit code.
    unit: String,
    /// `vi` or `en`.
    lang: String,
    disabled: bool,
    /// Title (chức vụ) printed under the user's signature on documents.
    title: Option<String>,
}

impl From<UserInfo> for UserView {
    fn from(u: UserInfo) -> UserView {
        UserView {
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            unit: u.unit,
            lang: u.lang,
            disabled: u.disabled,
            title: u.title,
        }
    }
}

/// A new user.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewUserBody {
    /// Sign-in e-mail.
    email: String,
    /// Full name.
    name: String,
    /// `reporter`, `board_officer`, `agency_liaison`, `leader`, `admin`.
    role: Role,
    /// Unit code.
    unit: String,
    /// Password: at least 10 characters, not the e-mail address; none for
    /// a token-only account.
    #[serde(default)]
    password: Option<String>,
    /// `vi` (default) or `en`.
    #[serde(default)]
    lang: Option<Lang>,
}

/// What changes; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct UserChangeBody {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    role: Option<Role>,
    /// Unit code.
    #[serde(default)]
    unit: Option<String>,
    /// `true` disables the account: its tokens and sessions stop working.
    #[serde(default)]
    disabled: Option<bool>,
    /// Title (chức vụ) printed under the user's signature on documents,
    /// e.g. "Phó Trưởng ban"; an empty string removes it.
    #[serde(default)]
    title: Option<String>,
}

/// Every user (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, body = Vec<UserView>),
        (status = 403, description = "Not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<UserView>>, AppError> {
    let users = state.store.users(caller.user, Utc::now()).await?;
    Ok(Json(users.into_iter().map(UserView::from).collect()))
}

/// Adds a user (administrators).
#[utoipa::path(post, path = "/api/v1/users", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    request_body = NewUserBody,
    responses(
        (status = 201, body = UserView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 409, description = "The e-mail exists", body = ErrorBody),
        (status = 422, description = "Missing or unknown field, unknown unit, short password", body = ErrorBody),
    ))]
pub(crate) async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewUserBody>,
) -> Result<(StatusCode, Json<UserView>), AppError> {
    let now = Utc::now();
    let b = body.value;
    let new = NewUser {
        email: b.email,
        name: b.name,
        role: b.role,
        unit: b.unit,
        password: b.password,
        lang: b.lang.unwrap_or_default(),
    };
    let id = state.store.create_user(caller.user, new, now).await?;
    user_view(&state, &caller, id)
        .await
        .map(|u| (StatusCode::CREATED, Json(u)))
}

/// Changes a user (administrators).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "User id")),
    request_body = UserChangeBody,
    responses(
        (status = 200, body = UserView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "Unknown field or unit", body = ErrorBody),
    ))]
pub(crate) async fn update_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: JsonBody<UserChangeBody>,
) -> Result<Json<UserView>, AppError> {
    let b = body.value;
    let change = UserChange {
        name: b.name,
        role: b.role,
        unit: b.unit,
        disabled: b.disabled,
        title: b.title,
    };
    state
        .store
        .update_user(caller.user, id, change, Utc::now())
        .await?;
    user_view(&state, &caller, id).await.map(Json)
}

async fn user_view(state: &AppState, caller: &Caller, id: i64) -> Result<UserView, AppError> {
    let user = state
        .store
        .users(caller.user, Utc::now())
        .await?
        .into_iter()
        .find(|u| u.id == id);
    user.map(UserView::from)
        .ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))
}
