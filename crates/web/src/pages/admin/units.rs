//! `/admin/units`: the units with their kind, home area, served areas and
//! e-mail; adding one (`create_unit`, as `POST /api/v1/units`) and
//! changing one (`update_unit`) on its own page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use store::StoreError;
use store::admin::NewUnit;
use store::directory::{AreaInfo, UnitChange, UnitInfo};
use workflow::{Refusal, UnitKind};

use super::forms::{Choice, Forms, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink};

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/units", get(show).post(add))
        .route("/admin/units/{id}", get(show_one).post(change))
}

/// A unit as the list shows it.
struct Row {
    info: UnitInfo,
    kind: String,
    area: String,
    serves: String,
}

/// The list of units with the form to add one.
#[derive(Template, WebTemplate)]
#[template(path = "admin_units.html")]
struct UnitsPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    rows: Vec<Row>,
    kinds: Vec<Choice>,
    areas: Vec<Choice>,
    /// The areas it may serve besides its home area.
    serves: Vec<Choice>,
}

/// One unit's page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_unit.html")]
struct UnitPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    unit: Row,
    /// The areas besides the home one, ticked where served.
    serves: Vec<Choice>,
}

fn area_name(areas: &[AreaInfo], code: &str) -> String {
    areas
        .iter()
        .find(|a| a.code == code)
        .map_or_else(|| code.to_owned(), |a| a.name.clone())
}

fn row(info: UnitInfo, areas: &[AreaInfo], admin: &Admin) -> Row {
    let kind = UnitKind::from_code(&info.kind)
        .map_or_else(|| info.kind.clone(), |k| k.label(admin.0.lang).to_owned());
    let serves = info
        .serves
        .iter()
        .map(|c| area_name(areas, c))
        .collect::<Vec<_>>()
        .join(", ");
    Row {
        kind,
        area: area_name(areas, &info.area),
        serves,
        info,
    }
}

async fn list_page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<UnitsPage, PageError> {
    let now = Utc::now();
    let t = admin.t();
    let areas = state.store.areas(admin.user(), now).await?;
    let units = state.store.units(admin.user(), now).await?;
    let mut kinds = vec![Choice::new("", t.choose())];
    kinds.extend(
        UnitKind::ALL
            .iter()
            .map(|k| Choice::new(k.code(), k.label(admin.0.lang))),
    );
    let serves: Vec<Choice> = areas
        .iter()
        .map(|a| Choice::new(a.code.clone(), format!("{} ({})", a.name, a.code)))
        .collect();
    let mut home = vec![Choice::new("", t.choose())];
    home.extend(serves.iter().cloned());
    Ok(UnitsPage {
        l: admin.layout(t.admin_units(), "/admin/units"),
        sections: admin.sections("/admin/units"),
        done,
        f,
        rows: units.into_iter().map(|u| row(u, &areas, admin)).collect(),
        kinds,
        areas: home,
        serves,
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<UnitsPage, PageError> {
    list_page(&state, &admin, Forms::default(), done.take()).await
}

/// A unit kind's code from a form, or the refusal naming `kind`.
fn kind_of(code: &str) -> Result<UnitKind, StoreError> {
    UnitKind::from_code(code.trim()).ok_or_else(|| {
        let refusal = if code.trim().is_empty() {
            Refusal::MissingInput { field: "kind" }
        } else {
            Refusal::UnknownCode {
                field: "kind",
                code: code.trim().to_owned(),
            }
        };
        StoreError::Refused(refusal)
    })
}

async fn add(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let code = fields.get("code").trim().to_owned();
    let result = match kind_of(fields.get("kind")) {
        Ok(kind) => {
            let email = Some(fields.get("email").trim().to_owned()).filter(|e| !e.is_empty());
            let new = NewUnit {
                code: code.clone(),
                name: fields.get("name").to_owned(),
                kind,
                area: fields.get("area").to_owned(),
                serves: fields.all("serves"),
                email,
            };
            state.store.create_unit(admin.user(), new, Utc::now()).await
        }
        Err(err) => Err(err),
    };
    settle(
        result,
        "unit-new",
        fields,
        admin.0.lang,
        |_| format!("/admin/units?done={}", encode(&code)),
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
) -> Result<UnitPage, PageError> {
    let now = Utc::now();
    let areas = state.store.areas(admin.user(), now).await?;
    let info = state
        .store
        .units(admin.user(), now)
        .await?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or_else(|| StoreError::NotFound {
            thing: store::Thing::Unit,
            key: format!("#{id}"),
        })?;
    let serves = areas
        .iter()
        .filter(|a| a.code != info.area)
        .map(|a| Choice {
            code: a.code.clone(),
            label: format!("{} ({})", a.name, a.code),
            on: info.serves.contains(&a.code),
        })
        .collect();
    let unit = row(info, &areas, admin);
    Ok(UnitPage {
        l: admin.layout(&unit.info.name, &format!("/admin/units/{id}")),
        sections: admin.sections("/admin/units"),
        done,
        f,
        unit,
        serves,
    })
}

async fn show_one(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> Result<UnitPage, PageError> {
    one_page(&state, &admin, id, Forms::default(), done.take()).await
}

async fn change(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let code = fields.get("code").to_owned();
    let change = UnitChange {
        name: Some(fields.get("name").to_owned()),
        email: Some(fields.get("email").to_owned()),
        serves: Some(fields.all("serves")),
    };
    let result = state
        .store
        .update_unit(
            admin.user(),
            &code,
            change,
            Utc::now(),
            &state.policy.calendar,
        )
        .await;
    settle(
        result,
        "unit-edit",
        fields,
        admin.0.lang,
        |()| format!("/admin/units/{id}?done={}", encode(&code)),
        async |f| one_page(&state, &admin, id, f, None).await,
    )
    .await
}
