//! `/admin/categories`: the categories of cases, adding one and changing
//! its names or retiring it (`create_category`, `update_category`, as
//! `POST /api/v1/categories` and `PATCH /api/v1/categories/{code}`).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use store::directory::{CategoryChange, CategoryInfo, NewCategory};

use super::forms::{Forms, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink};

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/categories", get(show).post(add))
        .route("/admin/categories/change", post(change))
}

/// The categories page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_categories.html")]
struct CategoriesPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    categories: Vec<CategoryInfo>,
}

async fn page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<CategoriesPage, PageError> {
    let t = admin.t();
    Ok(CategoriesPage {
        l: admin.layout(t.admin_categories(), "/admin/categories"),
        sections: admin.sections("/admin/categories"),
        done,
        f,
        categories: state.store.categories(admin.user(), Utc::now()).await?,
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<CategoriesPage, PageError> {
    page(&state, &admin, Forms::default(), done.take()).await
}

async fn add(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let code = fields.get("code").trim().to_owned();
    let new = NewCategory {
        code: code.clone(),
        name_vi: fields.get("name_vi").to_owned(),
        name_en: fields.get("name_en").to_owned(),
    };
    let result = state
        .store
        .create_category(admin.user(), new, Utc::now())
        .await;
    settle(
        result,
        "category-new",
        fields,
        admin.0.lang,
        |()| format!("/admin/categories?done={}", encode(&code)),
        async |f| page(&state, &admin, f, None).await,
    )
    .await
}

async fn change(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let code = fields.get("code").to_owned();
    let change = CategoryChange {
        name_vi: Some(fields.get("name_vi").to_owned()),
        name_en: Some(fields.get("name_en").to_owned()),
        // An unticked box is not sent: absent means retired.
        active: Some(fields.get("active") == "true"),
    };
    let result = state
        .store
        .update_category(admin.user(), &code, change, Utc::now())
        .await;
    settle(
        result,
        &format!("category-{code}"),
        fields,
        admin.0.lang,
        |()| format!("/admin/categories?done={}", encode(&code)),
        async |f| page(&state, &admin, f, None).await,
    )
    .await
}
