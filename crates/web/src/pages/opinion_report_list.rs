//! The list of the opinion reports the visitor reads (SPEC §16), newest
//! first, a page at a time, with the filters a board officer needs: the
//! month, the area (among those the visitor reads), monthly or quick, and
//! the reporter. The filters are a GET form, the same query as
//! `GET /api/v1/opinion-reports`; a filter that names nothing shows the
//! list page again with the refusal above it, the filters as chosen.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;
use store::opinion_reports::{OpinionReportFilter, OpinionReportView};

use super::admin::forms::Choice;
use super::error::{PageError, encode};
use super::layout::Layout;
use super::opinion_reports::{day, report_title};
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::{Lang, Tr};

/// Reports per page of the list.
const PAGE_SIZE: u64 = 20;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/opinion-reports", get(list))
}

/// The list's query, as the filter form sends it ("" means any).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    /// `2026-11`.
    period: String,
    /// An area code: it and the areas below it.
    area: String,
    /// `monthly` or `quick`.
    kind: String,
    /// The reporter's e-mail.
    reporter: String,
    cursor: String,
}

impl ListQuery {
    /// The filters as a query string, for the next page's link.
    fn filters(&self) -> String {
        [
            ("period", &self.period),
            ("area", &self.area),
            ("kind", &self.kind),
            ("reporter", &self.reporter),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}&", encode(v.trim())))
        .collect()
    }
}

/// Some text, or nothing for a blank one.
fn some(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// One line of the list.
pub(crate) struct ReportLine {
    pub id: i64,
    pub title: String,
    pub by: String,
    pub items: String,
    pub first: String,
}

impl ReportLine {
    pub(crate) fn new(r: &OpinionReportView, lang: Lang, tz: chrono_tz::Tz) -> ReportLine {
        let t = Tr(lang);
        ReportLine {
            id: r.id,
            title: report_title(r, lang),
            by: t.opinion_report_by(&r.reporter_name, day(r.created_at, tz)),
            items: t.opinion_report_items_count(r.items.len()),
            first: r
                .items
                .first()
                .map(|i| i.summary.clone())
                .unwrap_or_default(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "opinion_report_list.html")]
struct ListPage {
    l: Layout,
    may_send: bool,
    q: ListQuery,
    areas: Vec<Choice>,
    kinds: Vec<Choice>,
    reporters: Vec<Choice>,
    /// Why the filters were refused.
    problem: Option<String>,
    reports: Vec<ReportLine>,
    /// The link to the next page, filters kept.
    next: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let user = visitor.identity.user;
    let choices = state.store.opinion_filter_choices(user, now).await?;
    let may_send = !state.store.opinion_areas(user, now, tz).await?.is_empty();
    let any = || Choice::new("", t.all());
    let mut areas = vec![any()];
    areas.extend((choices.areas.into_iter()).map(|(code, name)| Choice::new(code, name)));
    let mut reporters = vec![any()];
    reporters.extend(
        (choices.reporters.into_iter()).map(|(email, name)| match name == email {
            true => Choice::new(email, name),
            false => Choice::new(email.clone(), format!("{name} ({email})")),
        }),
    );
    let kinds = vec![
        any(),
        Choice::new("monthly", t.opinion_report_kind_monthly()),
        Choice::new("quick", t.opinion_report_quick()),
    ];
    let quick = match q.kind.trim() {
        "" => Ok(None),
        "monthly" => Ok(Some(false)),
        "quick" => Ok(Some(true)),
        _ => Err(AppError::Invalid {
            field: "kind".to_owned(),
            detail: crate::error::Detail::Invalid,
        }),
    };
    let page = match quick {
        Ok(quick) => {
            let filter = OpinionReportFilter {
                area: some(&q.area),
                period: some(&q.period),
                quick,
                reporter: some(&q.reporter),
                cursor: some(&q.cursor),
                limit: PAGE_SIZE,
            };
            (state.store.list_opinion_reports(user, &filter, now).await).map_err(AppError::from)
        }
        Err(err) => Err(err),
    };
    // A filter the store refuses is the visitor's to correct here; any
    // other failure is the error page's.
    let (status, problem, page) = match page {
        Ok(page) => (StatusCode::OK, None, Some(page)),
        Err(err) => match err.shown(lang) {
            (StatusCode::UNPROCESSABLE_ENTITY, message, _) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Some(message), None)
            }
            _ => return Err(PageError::App(err)),
        },
    };
    let (reports, next) = page.map_or((Vec::new(), None), |page| {
        let reports = page.reports.iter().map(|r| ReportLine::new(r, lang, tz));
        let next = (page.next).map(|c| format!("/opinion-reports?{}cursor={c}", q.filters()));
        (reports.collect(), next)
    });
    let page = ListPage {
        l: Layout::new(
            &visitor,
            t.opinion_reports(),
            "/opinion-reports",
            "/opinion-reports",
        ),
        may_send,
        q,
        areas,
        kinds,
        reporters,
        problem,
        reports,
        next,
    };
    Ok((status, page).into_response())
}
