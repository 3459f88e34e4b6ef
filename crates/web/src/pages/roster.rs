//! The roster of the public-opinion network as pages (SPEC §16): the list
//! of collaborators (name, kind, areas, term, active) with its filters and
//! the form to add one, and one profile's form to change it — for admins
//! and board officers, through the store calls of `/api/v1/collaborators`
//! (anyone else gets the store's refusal as the 403 page). A board officer
//! is offered only the areas their unit serves.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use store::collaborators::{Collaborator, CollaboratorFilter, CollaboratorPatch, UserName};
use store::directory::AreaInfo;
use workflow::{AreaId, CollaboratorInput, CollaboratorKind, RosterScope, roster_scope};

use super::admin::forms::{Choice, Forms, settle};
use super::error::{PageError, encode};
use super::form::Fields;
use super::layout::Layout;
use super::session::Visitor;
use crate::AppState;

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/collaborators", get(list).post(add))
        .route("/collaborators/{id}", get(one).post(change))
}

/// A collaborator as the list shows them.
struct Row {
    id: i64,
    name: String,
    email: String,
    kind: &'static str,
    areas: String,
    term: String,
    active: bool,
}

/// The list with its filters and the form to add one.
#[derive(Template, WebTemplate)]
#[template(path = "roster.html")]
struct RosterPage {
    l: Layout,
    done: Option<String>,
    f: Forms,
    rows: Vec<Row>,
    /// The filters as chosen.
    area: String,
    active: String,
    area_filter: Vec<Choice>,
    active_filter: Vec<Choice>,
    /// A new profile is active unless unticked.
    new_active: bool,
    kinds: Vec<Choice>,
    areas: Vec<Choice>,
}

/// One profile's form.
#[derive(Template, WebTemplate)]
#[template(path = "roster_edit.html")]
struct EditPage {
    l: Layout,
    f: Forms,
    id: i64,
    name: String,
    email: String,
    kind: String,
    from: String,
    until: String,
    active: bool,
    kinds: Vec<Choice>,
    areas: Vec<Choice>,
}

/// The list's filters as the form sends them ("" means any).
#[derive(Debug, Default, Deserialize)]
struct RosterQuery {
    #[serde(default)]
    area: String,
    #[serde(default)]
    active: String,
    #[serde(default)]
    done: Option<String>,
}

/// The catalogue of the visitor's language.
fn tr(v: &Visitor) -> catalogue::Tr {
    catalogue::Tr(v.lang)
}

/// `dd/mm/yyyy`.
fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn row(c: Collaborator, v: &Visitor) -> Row {
    let t = tr(v);
    let term = match c.profile.term.until {
        Some(until) => format!("{} – {}", day(c.profile.term.from), day(until)),
        None => format!("{} – {}", day(c.profile.term.from), t.roster_open_ended()),
    };
    Row {
        id: c.user_id,
        kind: c.profile.kind.label(v.lang),
        areas: c
            .areas
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        term,
        active: c.profile.active,
        name: c.name,
        email: c.email,
    }
}

fn kinds(v: &Visitor) -> Vec<Choice> {
    CollaboratorKind::ALL
        .iter()
        .map(|k| Choice::new(k.code(), k.label(v.lang)))
        .collect()
}

/// The areas the visitor may name, `ticked` ticked: every area for an
/// admin, those at or below their unit's served areas for a board officer.
async fn area_choices(
    state: &AppState,
    v: &Visitor,
    ticked: &[String],
) -> Result<Vec<Choice>, PageError> {
    let now = Utc::now();
    let actor = state.store.actor(v.identity.user, now).await?;
    let scope = roster_scope(&actor).map_err(store::StoreError::Refused)?;
    let areas = state.store.areas(v.identity.user, now).await?;
    let by_code: HashMap<&str, &AreaInfo> = areas.iter().map(|a| (a.code.as_str(), a)).collect();
    let managed = |area: &AreaInfo| match &scope {
        RosterScope::All => true,
        RosterScope::Areas(served) => {
            let mut at = Some(area);
            while let Some(a) = at {
                if served.contains(&AreaId(a.id)) {
                    return true;
                }
                at = a.parent.as_deref().and_then(|p| by_code.get(p).copied());
            }
            false
        }
    };
    Ok(areas
        .iter()
        .filter(|a| managed(a))
        .map(|a| Choice {
            on: ticked.contains(&a.code),
            ..Choice::new(a.code.clone(), format!("{} ({})", a.name, a.code))
        })
        .collect())
}

async fn list_page(
    state: &AppState,
    v: &Visitor,
    query: RosterQuery,
    f: Forms,
) -> Result<RosterPage, PageError> {
    let t = tr(v);
    let filter = CollaboratorFilter {
        area: Some(query.area.trim().to_owned()).filter(|a| !a.is_empty()),
        active: match query.active.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
    };
    let list = state
        .store
        .collaborators(v.identity.user, &filter, Utc::now())
        .await?;
    let areas = area_choices(state, v, &[]).await?;
    let mut area_filter = vec![Choice::new("", t.all())];
    area_filter.extend(areas.iter().cloned());
    Ok(RosterPage {
        l: Layout::new(v, t.roster_title(), "/collaborators", "/collaborators"),
        done: query.done.filter(|d| !d.trim().is_empty()),
        f,
        rows: list.into_iter().map(|c| row(c, v)).collect(),
        area: query.area,
        active: query.active,
        area_filter,
        active_filter: vec![
            Choice::new("", t.all()),
            Choice::new("true", t.roster_filter_active()),
            Choice::new("false", t.roster_filter_inactive()),
        ],
        new_active: true,
        kinds: kinds(v),
        areas,
    })
}

async fn list(
    State(state): State<AppState>,
    v: Visitor,
    Query(query): Query<RosterQuery>,
) -> Result<RosterPage, PageError> {
    list_page(&state, &v, query, Forms::default()).await
}

/// The profile typed in a form (the same input as the API's and a CSV
/// row's).
fn input_of(fields: &Fields) -> CollaboratorInput {
    CollaboratorInput {
        kind: Some(fields.get("kind").to_owned()),
        areas: fields.all("areas"),
        from: Some(fields.get("from").to_owned()),
        until: Some(fields.get("until").to_owned()),
        active: Some(fields.get("active") == "true"),
    }
}

async fn add(
    State(state): State<AppState>,
    v: Visitor,
    fields: Fields,
) -> Result<Response, PageError> {
    v.check_csrf(fields.get("csrf"))?;
    let email = fields.get("user").trim().to_owned();
    let result = state
        .store
        .create_collaborator(
            v.identity.user,
            UserName::Email(email.clone()),
            input_of(&fields),
            Utc::now(),
        )
        .await;
    settle(
        result,
        "roster-new",
        fields,
        v.lang,
        |_| format!("/collaborators?done={}", encode(&email)),
        async |f| list_page(&state, &v, RosterQuery::default(), f).await,
    )
    .await
}

async fn edit_page(
    state: &AppState,
    v: &Visitor,
    id: i64,
    f: Forms,
) -> Result<EditPage, PageError> {
    let t = tr(v);
    let c = state
        .store
        .collaborator(v.identity.user, id, Utc::now())
        .await?;
    let title = t.roster_edit_title(&c.name);
    Ok(EditPage {
        l: Layout::new(v, &title, "/collaborators", &format!("/collaborators/{id}")),
        f,
        id,
        kinds: kinds(v),
        areas: area_choices(state, v, &c.profile.areas).await?,
        kind: c.profile.kind.code().to_owned(),
        from: day(c.profile.term.from),
        until: c.profile.term.until.map(day).unwrap_or_default(),
        active: c.profile.active,
        name: c.name,
        email: c.email,
    })
}

async fn one(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
) -> Result<EditPage, PageError> {
    edit_page(&state, &v, id, Forms::default()).await
}

async fn change(
    State(state): State<AppState>,
    v: Visitor,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    v.check_csrf(fields.get("csrf"))?;
    let input = input_of(&fields);
    let patch = CollaboratorPatch {
        kind: input.kind,
        areas: Some(input.areas),
        from: input.from,
        until: input.until,
        active: input.active,
    };
    let result = state
        .store
        .update_collaborator(v.identity.user, id, patch, Utc::now())
        .await;
    // The e-mail shown on the page names what was saved.
    let done = fields.get("email").trim().to_owned();
    settle(
        result,
        "roster-edit",
        fields,
        v.lang,
        |()| format!("/collaborators?done={}", encode(&done)),
        async |f| edit_page(&state, &v, id, f).await,
    )
    .await
}
