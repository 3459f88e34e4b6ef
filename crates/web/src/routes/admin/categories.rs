//! `/categories`: the categories of cases (lĩnh vực); admins may add more.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::directory::{CategoryChange, CategoryInfo, NewCategory};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// A category.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CategoryView {
    code: String,
    name_vi: String,
    name_en: String,
    /// Whether new cases may use it.
    active: bool,
}

impl From<CategoryInfo> for CategoryView {
    fn from(c: CategoryInfo) -> CategoryView {
        CategoryView {
            code: c.code,
            name_vi: c.name_vi,
            name_en: c.name_en,
            active: c.active,
        }
    }
}

/// A new category.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewCategoryBody {
    code: String,
    name_vi: String,
    name_en: String,
}

/// What changes; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CategoryChangeBody {
    #[serde(default)]
    name_vi: Option<String>,
    #[serde(default)]
    name_en: Option<String>,
    /// `false` retires it: old cases keep it, new ones may not use it.
    #[serde(default)]
    active: Option<bool>,
}

/// Every category.
#[utoipa::path(get, path = "/api/v1/categories", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<CategoryView>)))]
pub(crate) async fn list_categories(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<CategoryView>>, AppError> {
    let list = state.store.categories(caller.user, Utc::now()).await?;
    Ok(Json(list.into_iter().map(CategoryView::from).collect()))
}

/// Adds a category (administrators).
#[utoipa::path(post, path = "/api/v1/categories", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    request_body = NewCategoryBody,
    responses(
        (status = 201, body = CategoryView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 409, description = "The code exists", body = ErrorBody),
        (status = 422, description = "Missing or unknown field", body = ErrorBody),
    ))]
pub(crate) async fn create_category(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewCategoryBody>,
) -> Result<(StatusCode, Json<CategoryView>), AppError> {
    let b = body.value;
    let code = b.code.trim().to_owned();
    let new = NewCategory {
        code: b.code,
        name_vi: b.name_vi,
        name_en: b.name_en,
    };
    state
        .store
        .create_category(caller.user, new, Utc::now())
        .await?;
    category_view(&state, &caller, &code)
        .await
        .map(|c| (StatusCode::CREATED, Json(c)))
}

/// Changes a category (administrators).
#[utoipa::path(patch, path = "/api/v1/categories/{code}", tag = "organisation",
    security(("bearer" = []), ("session" = [])),
    params(("code" = String, Path, description = "Category code")),
    request_body = CategoryChangeBody,
    responses(
        (status = 200, body = CategoryView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such category", body = ErrorBody),
        (status = 422, description = "Unknown field", body = ErrorBody),
    ))]
pub(crate) async fn update_category(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    body: JsonBody<CategoryChangeBody>,
) -> Result<Json<CategoryView>, AppError> {
    let b = body.value;
    let change = CategoryChange {
        name_vi: b.name_vi,
        name_en: b.name_en,
        active: b.active,
    };
    state
        .store
        .update_category(caller.user, &code, change, Utc::now())
        .await?;
    category_view(&state, &caller, code.trim()).await.map(Json)
}

async fn category_view(
    state: &AppState,
    caller: &Caller,
    code: &str,
) -> Result<CategoryView, AppError> {
    let found = state
        .store
        .categories(caller.user, Utc::now())
        .await?
        .into_iter()
        .find(|c| c.code == code);
    found
        .map(CategoryView::from)
        .ok_or(AppError::Status(StatusCode::INTERNAL_SERVER_ERROR))
}
