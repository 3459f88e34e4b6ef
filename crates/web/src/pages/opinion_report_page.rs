//! One opinion report's page (SPEC §16): its opinions with their mood,
//! reach and source, the case filed from each, and for a board officer
//! serving the area a button per opinion to file a case from it (a
//! confirmation first; afterwards the case's link).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use store::opinion_reports::OpinionReportView;
use store::{StoreError, Thing};

use super::directory::Directory;
use super::error::PageError;
use super::form::Fields;
use super::layout::Layout;
use super::opinion_reports::{day, report_title};
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::Tr;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/opinion-reports/{id}", get(show))
        .route("/opinion-reports/{id}/items/{n}/case", post(file_case))
}

/// One opinion as shown.
struct ItemLine {
    n: i32,
    category: String,
    summary: String,
    mood: &'static str,
    reach: &'static str,
    source: &'static str,
    people: Option<i64>,
    case: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "opinion_report.html")]
struct ReportPage {
    l: Layout,
    id: i64,
    heading: String,
    by: String,
    draft: String,
    sent: bool,
    may_file: bool,
    items: Vec<ItemLine>,
    error: Option<(i32, String)>,
}

#[derive(Debug, Default, Deserialize)]
struct ShowQuery {
    #[serde(default)]
    sent: String,
}

fn report_id(text: &str) -> Result<i64, PageError> {
    text.trim().parse().map_err(|_| {
        PageError::from(StoreError::NotFound {
            thing: Thing::OpinionReport,
            key: format!("“{text}”"),
        })
    })
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
    sent: bool,
    error: Option<(i32, String)>,
) -> Result<ReportPage, PageError> {
    let now = Utc::now();
    let lang = visitor.lang;
    let tz = state.policy.calendar.time_zone();
    let (report, may_file): (OpinionReportView, bool) = state
        .store
        .opinion_report_with_rights(visitor.identity.user, id, now)
        .await?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let t = Tr(lang);
    let heading = report_title(&report, lang);
    let here = format!("/opinion-reports/{id}");
    let mut l = Layout::new(visitor, &heading, "/opinion-reports", &here);
    let draft = l.draft_key("opinion-report");
    l.title = heading.clone();
    Ok(ReportPage {
        id,
        by: t.opinion_report_by(&report.reporter_name, day(report.created_at, tz)),
        heading,
        draft,
        sent,
        may_file,
        items: report
            .items
            .iter()
            .map(|i| ItemLine {
                n: i.position,
                category: dir.category(&i.category),
                summary: i.summary.clone(),
                mood: i.mood.label(lang),
                reach: i.reach.label(lang),
                source: i.source.label(lang),
                people: i.people_affected,
                case: i.case.as_ref().map(|c| c.code.clone()),
            })
            .collect(),
        error,
        l,
    })
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<ReportPage, PageError> {
    let id = report_id(&id)?;
    page(&state, &visitor, id, q.sent == "1", None).await
}

/// Files a case from opinion `n` through the store call of the API;
/// refused, the report again with the message at that opinion.
async fn file_case(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((id, n)): Path<(String, String)>,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let id = report_id(&id)?;
    let n: i32 = n.trim().parse().map_err(|_| {
        PageError::from(StoreError::NotFound {
            thing: Thing::OpinionReport,
            key: format!("#{id}/{n}"),
        })
    })?;
    let filed = state
        .store
        .file_case_from_opinion(visitor.identity.user, id, n, Utc::now(), &state.policy)
        .await;
    match filed {
        Ok(_) => Ok(Redirect::to(&format!("/opinion-reports/{id}#item-{n}")).into_response()),
        Err(err) => {
            let err = AppError::from(err);
            let (status, message, _) = err.shown(visitor.lang);
            if status == StatusCode::NOT_FOUND
                || status.is_server_error()
                || status == StatusCode::UNAUTHORIZED
            {
                return Err(err.into());
            }
            let page = page(&state, &visitor, id, false, Some((n, message))).await?;
            Ok((status, page).into_response())
        }
    }
}

/// The link from a case to the opinion report it was filed from, if
/// `user` may read that report: its address and its words.
pub(crate) async fn origin_of(
    state: &AppState,
    user: workflow::UserId,
    case_id: i64,
    lang: catalogue::Lang,
    tz: chrono_tz::Tz,
) -> Result<Option<(String, String)>, PageError> {
    let origin = state
        .store
        .opinion_origin(user, case_id, Utc::now())
        .await?;
    Ok(origin.map(|o| {
        (
            format!("/opinion-reports/{}#item-{}", o.report_id, o.position),
            Tr(lang).opinion_case_from_report(&o.reporter_name, day(o.created_at, tz)),
        )
    }))
}
