//! `/admin/unreachable-units`: the units e-mail cannot reach (SPEC §14
//! "nothing silently lost"), each with the open cases it leads and the
//! information duties it owes, and a link to its page to add an address
//! (`Store::unreachable_units`; `/metrics` counts the same units).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use chrono::Utc;
use store::unreachable::UnreachableUnit;

use super::Admin;
use crate::AppState;
use crate::pages::error::PageError;
use crate::pages::layout::{Layout, NavLink};

/// Where the page is.
pub(crate) const PATH: &str = "/admin/unreachable-units";

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route(PATH, get(show))
}

/// A unit as the page shows it.
struct Row {
    unit: UnreachableUnit,
    kind: &'static str,
}

/// The page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_unreachable.html")]
struct UnreachablePage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    rows: Vec<Row>,
}

async fn show(State(state): State<AppState>, admin: Admin) -> Result<UnreachablePage, PageError> {
    let units = state
        .store
        .unreachable_units(admin.user(), Utc::now())
        .await?;
    Ok(UnreachablePage {
        l: admin.layout(admin.t().admin_unreachable_units(), PATH),
        sections: admin.sections(PATH),
        done: None,
        rows: units
            .into_iter()
            .map(|unit| Row {
                kind: unit.kind.label(admin.0.lang),
                unit,
            })
            .collect(),
    })
}
