//! `/admin/users`: the accounts with role, unit and whether disabled;
//! adding one (`create_user`, with workflow's rule for a new password),
//! and on a user's page: changing the name, role or unit and disabling or
//! enabling (`update_user`, which ends a disabled user's sessions and
//! tokens), and setting a new password (`reset_password`, which ends them
//! too) — the calls of `PATCH /api/v1/users/{id}` and
//! `POST /api/v1/users/{id}/password`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use store::StoreError;
use store::admin::NewUser;
use store::directory::{UnitInfo, UserChange, UserInfo};
use workflow::{Lang, Refusal, Role};

use super::forms::{Choice, Forms, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink};

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(show).post(add))
        .route("/admin/users/{id}", get(show_one).post(change))
        .route("/admin/users/{id}/password", post(set_password))
        .route("/admin/users/{id}/access", post(access))
}

/// A user as the pages show them.
struct Row {
    info: UserInfo,
    role: &'static str,
    unit: String,
}

/// The list of users with the form to add one.
#[derive(Template, WebTemplate)]
#[template(path = "admin_users.html")]
struct UsersPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    rows: Vec<Row>,
    roles: Vec<Choice>,
    units: Vec<Choice>,
    langs: Vec<Choice>,
}

/// One user's page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_user.html")]
struct UserPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    user: Row,
    roles: Vec<Choice>,
    units: Vec<Choice>,
}

fn row(info: UserInfo, units: &[UnitInfo], lang: Lang) -> Row {
    let role = Role::from_code(&info.role).map_or("", |r| r.label(lang));
    let unit = units
        .iter()
        .find(|u| u.code == info.unit)
        .map_or_else(|| info.unit.clone(), |u| u.name.clone());
    Row { info, role, unit }
}

fn role_choices(lang: Lang) -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|r| Choice::new(r.code(), r.label(lang)))
        .collect()
}

fn unit_choices(units: &[UnitInfo]) -> Vec<Choice> {
    units
        .iter()
        .map(|u| Choice::new(u.code.clone(), format!("{} ({})", u.name, u.code)))
        .collect()
}

async fn list_page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<UsersPage, PageError> {
    let now = Utc::now();
    let (t, lang) = (admin.t(), admin.0.lang);
    let units = state.store.units(admin.user(), now).await?;
    let users = state.store.users(admin.user(), now).await?;
    let mut unit_list = vec![Choice::new("", t.choose())];
    unit_list.extend(unit_choices(&units));
    Ok(UsersPage {
        l: admin.layout(t.admin_users(), "/admin/users"),
        sections: admin.sections("/admin/users"),
        done,
        f,
        rows: users.into_iter().map(|u| row(u, &units, lang)).collect(),
        roles: role_choices(lang),
        units: unit_list,
        langs: vec![
            Choice::new("vi", "Tiếng Việt"),
            Choice::new("en", "English"),
        ],
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<UsersPage, PageError> {
    list_page(&state, &admin, Forms::default(), done.take()).await
}

/// A role's code from a form, or the refusal naming `role`.
fn role_of(code: &str) -> Result<Role, StoreError> {
    Role::from_code(code.trim()).ok_or_else(|| {
        StoreError::Refused(Refusal::UnknownCode {
            field: "role",
            code: code.trim().to_owned(),
        })
    })
}

/// The new user of the form, its first password held to workflow's rule.
fn new_user(fields: &Fields) -> Result<NewUser, StoreError> {
    let email = fields.get("email").trim().to_owned();
    let password = fields.get("password").to_owned();
    workflow::check_new_password("password", &email, &password)?;
    Ok(NewUser {
        email,
        name: fields.get("name").to_owned(),
        role: role_of(fields.get("role"))?,
        unit: fields.get("unit").to_owned(),
        password: Some(password),
        lang: if fields.get("lang") == "en" {
            Lang::En
        } else {
            Lang::Vi
        },
    })
}

async fn add(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let email = fields.get("email").trim().to_owned();
    let result = match new_user(&fields) {
        Ok(new) => state.store.create_user(admin.user(), new, Utc::now()).await,
        Err(err) => Err(err),
    };
    settle(
        result,
        "user-new",
        fields,
        admin.0.lang,
        |id| format!("/admin/users/{id}?done={}", encode(&email)),
        async |f| list_page(&state, &admin, f, None).await,
    )
    .await
}

async fn one_page(
    state: &AppState,
    admin: &Admin,
    id: i64,
    f: Forms,
    done: Option<String>,
) -> Result<UserPage, PageError> {
    let now = Utc::now();
    let lang = admin.0.lang;
    let units = state.store.units(admin.user(), now).await?;
    let info = state
        .store
        .users(admin.user(), now)
        .await?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or_else(|| StoreError::NotFound {
            thing: store::Thing::User,
            key: format!("#{id}"),
        })?;
    let user = row(info, &units, lang);
    Ok(UserPage {
        l: admin.layout(&user.info.name, &format!("/admin/users/{id}")),
        sections: admin.sections("/admin/users"),
        done,
        f,
        user,
        roles: role_choices(lang),
        units: unit_choices(&units),
    })
}

async fn show_one(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> Result<UserPage, PageError> {
    one_page(&state, &admin, id, Forms::default(), done.take()).await
}

/// Applies `change` to user `id` and answers for the form `form`.
async fn update(
    state: &AppState,
    admin: &Admin,
    id: i64,
    form: &str,
    change: Result<UserChange, StoreError>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let result = match change {
        Ok(change) => {
            state
                .store
                .update_user(admin.user(), id, change, Utc::now())
                .await
        }
        Err(err) => Err(err),
    };
    let done = admin.t().user_saved();
    settle(
        result,
        form,
        fields,
        admin.0.lang,
        |()| format!("/admin/users/{id}?done={}", encode(done)),
        async |f| one_page(state, admin, id, f, None).await,
    )
    .await
}

async fn change(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    let change = role_of(fields.get("role")).map(|role| UserChange {
        name: Some(fields.get("name").to_owned()),
        role: Some(role),
        unit: Some(fields.get("unit").to_owned()),
        disabled: None,
        title: Some(fields.get("title").to_owned()),
    });
    update(&state, &admin, id, "user-edit", change, fields).await
}

async fn access(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    let change = UserChange {
        disabled: Some(fields.get("disabled") == "true"),
        ..UserChange::default()
    };
    update(&state, &admin, id, "user-access", Ok(change), fields).await
}

async fn set_password(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let result = state
        .store
        .reset_password(admin.user(), id, fields.get("new_password"), Utc::now())
        .await;
    let done = admin.t().password_set();
    settle(
        result,
        "user-password",
        fields,
        admin.0.lang,
        |()| format!("/admin/users/{id}?done={}", encode(done)),
        async |f| one_page(&state, &admin, id, f, None).await,
    )
    .await
}
