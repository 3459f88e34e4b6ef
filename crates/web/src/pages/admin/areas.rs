//! `/admin/areas`: the tree of areas, adding one (`create_area`, as
//! `POST /api/v1/areas`) and renaming one (`update_area`).

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use store::admin::NewArea;
use store::directory::{AreaChange, AreaInfo};

use super::forms::{Choice, Forms, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink};

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/areas", get(show).post(add))
        .route("/admin/areas/rename", post(rename))
}

/// The areas page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_areas.html")]
struct AreasPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    /// Every area, each below its parent.
    tree: Vec<AreaInfo>,
    /// The parents a new area may have ("" for a root).
    parents: Vec<Choice>,
}

/// `areas` in the order of the tree: each area right after its parent,
/// siblings by code.
fn tree_order(areas: Vec<AreaInfo>) -> Vec<AreaInfo> {
    let mut children: HashMap<Option<String>, Vec<AreaInfo>> = HashMap::new();
    for a in areas {
        children.entry(a.parent.clone()).or_default().push(a);
    }
    let known: Vec<String> = children
        .values()
        .flatten()
        .map(|a| a.code.clone())
        .collect();
    // Roots, and any area whose parent is missing, start a branch.
    let mut starts: Vec<Option<String>> = children
        .keys()
        .filter(|p| p.as_ref().is_none_or(|p| !known.contains(p)))
        .cloned()
        .collect();
    starts.sort();
    let mut out = Vec::new();
    let mut stack: Vec<AreaInfo> = Vec::new();
    for start in starts {
        let mut roots = children.remove(&start).unwrap_or_default();
        roots.sort_by(|a, b| b.code.cmp(&a.code));
        stack.extend(roots);
        while let Some(area) = stack.pop() {
            let mut kids = children
                .remove(&Some(area.code.clone()))
                .unwrap_or_default();
            kids.sort_by(|a, b| b.code.cmp(&a.code));
            out.push(area);
            stack.extend(kids);
        }
    }
    out
}

async fn page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<AreasPage, PageError> {
    let t = admin.t();
    let areas = state.store.areas(admin.user(), Utc::now()).await?;
    let tree = tree_order(areas);
    let mut parents = vec![Choice::new("", t.no_parent())];
    parents.extend(
        tree.iter()
            .map(|a| Choice::new(a.code.clone(), format!("{} ({})", a.name, a.code))),
    );
    Ok(AreasPage {
        l: admin.layout(t.admin_areas(), "/admin/areas"),
        sections: admin.sections("/admin/areas"),
        done,
        f,
        tree,
        parents,
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<AreasPage, PageError> {
    page(&state, &admin, Forms::default(), done.take()).await
}

async fn add(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let parent = Some(fields.get("parent").trim().to_owned()).filter(|p| !p.is_empty());
    let new = NewArea {
        code: fields.get("code").trim().to_owned(),
        name: fields.get("name").to_owned(),
        parent,
    };
    let code = new.code.clone();
    let result = state.store.create_area(admin.user(), new, Utc::now()).await;
    settle(
        result,
        "area-new",
        fields,
        admin.0.lang,
        |_| format!("/admin/areas?done={}", encode(&code)),
        async |f| page(&state, &admin, f, None).await,
    )
    .await
}

async fn rename(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let code = fields.get("code").to_owned();
    let change = AreaChange {
        name: Some(fields.get("name").to_owned()),
    };
    let result = state
        .store
        .update_area(
            admin.user(),
            &code,
            change,
            Utc::now(),
            &state.policy.calendar,
        )
        .await;
    settle(
        result,
        &format!("area-{code}"),
        fields,
        admin.0.lang,
        |()| format!("/admin/areas?done={}", encode(&code)),
        async |f| page(&state, &admin, f, None).await,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, parent: Option<&str>) -> AreaInfo {
        AreaInfo {
            id: 0,
            code: code.to_owned(),
            name: code.to_owned(),
            parent: parent.map(str::to_owned),
            depth: 0,
            former_names: Vec::new(),
        }
    }

    #[test]
    fn each_area_follows_its_parent_and_siblings_go_by_code() {
        let areas = vec![
            area("NB-2", Some("NB")),
            area("HN", None),
            area("NB", None),
            area("NB-1-A", Some("NB-1")),
            area("NB-1", Some("NB")),
            area("HN-1", Some("HN")),
        ];
        let codes: Vec<String> = tree_order(areas).into_iter().map(|a| a.code).collect();
        assert_eq!(codes, ["HN", "HN-1", "NB", "NB-1", "NB-1-A", "NB-2"]);
    }
}
