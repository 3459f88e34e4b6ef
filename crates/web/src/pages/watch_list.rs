//! The hotspot watch-list (SPEC §16, *Theo dõi nguy cơ điểm nóng*): the
//! alerts of the visitor's jurisdiction, open ones first with the form to
//! acknowledge them (board officers), and the weekly signal of each area
//! × category alerted in the last 12 weeks as a chart with its table. The
//! store's `list_alerts`, `acknowledge_alert` and `alert_series` are the
//! API's own calls.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use serde::Deserialize;
use store::alerts::{AlertFilter, AlertView};
use workflow::{AlertReason, Lang, Role};

use super::charts::{BarChart, figure};
use super::error::PageError;
use super::form::Fields;
use super::layout::{Layout, local_time};
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::Tr;

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/watch-list", get(show))
        .route("/watch-list/{id}/acknowledge", post(acknowledge))
}

/// One alert as the page lists it.
struct AlertLine {
    id: i64,
    week: String,
    area: String,
    category: String,
    reason: String,
    observed: String,
    baseline: String,
    acknowledged: Option<String>,
    note: Option<String>,
}

/// A refused acknowledgement: of which alert, why, what was typed.
struct Failure {
    id: i64,
    message: String,
    note: String,
}

/// The page.
#[derive(Template, WebTemplate)]
#[template(path = "watch_list.html")]
struct WatchListPage {
    l: Layout,
    open: Vec<AlertLine>,
    done: Vec<AlertLine>,
    charts: Vec<BarChart>,
    may_acknowledge: bool,
    failure: Option<Failure>,
    acknowledged: Option<i64>,
}

impl WatchListPage {
    /// The message of a refused form of alert `id`.
    fn err(&self, id: &i64) -> Option<&str> {
        self.failure
            .as_ref()
            .filter(|f| f.id == *id)
            .map(|f| f.message.as_str())
    }

    /// The note typed in alert `id`'s refused form.
    fn kept(&self, id: &i64) -> &str {
        self.failure
            .as_ref()
            .filter(|f| f.id == *id)
            .map_or("", |f| f.note.as_str())
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<i64>,
}

fn line(a: AlertView, lang: Lang, tz: chrono_tz::Tz) -> AlertLine {
    let t = Tr(lang);
    let comma = lang == Lang::Vi;
    let end = a.week_start + Duration::days(6);
    AlertLine {
        id: a.id,
        week: format!(
            "{}–{}",
            a.week_start.format("%d/%m"),
            end.format("%d/%m/%Y")
        ),
        area: a.area_name,
        category: a.category_name,
        reason: AlertReason::from_code(&a.reason)
            .map_or(a.reason.clone(), |r| r.label(lang).to_owned()),
        observed: figure((a.observed * 10.0).round() / 10.0, comma),
        baseline: figure((a.baseline * 10.0).round() / 10.0, comma),
        acknowledged: a
            .acknowledged
            .as_ref()
            .map(|k| t.alert_acknowledged_by(&k.by, local_time(k.at, tz))),
        note: a.acknowledged.map(|k| k.note),
    }
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    failure: Option<Failure>,
    acknowledged: Option<i64>,
) -> Result<WatchListPage, PageError> {
    let lang = visitor.lang;
    let t = Tr(lang);
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let user = visitor.identity.user;
    let alerts = state
        .store
        .list_alerts(user, &AlertFilter::default(), lang, now)
        .await
        .map_err(AppError::from)?;
    let (open, done): (Vec<AlertView>, Vec<AlertView>) =
        alerts.into_iter().partition(|a| a.acknowledged.is_none());
    let series = state
        .store
        .alert_series(user, lang, &state.policy.calendar, now)
        .await
        .map_err(AppError::from)?;
    let comma = lang == Lang::Vi;
    let charts = series
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let rows = s
                .weeks
                .iter()
                .map(|(monday, value)| {
                    (
                        monday.format("%Y-%m-%d").to_string(),
                        monday.format("%d/%m/%Y").to_string(),
                        vec![Some((value * 10.0).round() / 10.0)],
                    )
                })
                .collect();
            BarChart::new(
                format!("signal-{i}"),
                t.alert_chart_caption(&s.category_name, &s.area_name),
                t.alert_week_col().to_owned(),
                vec![t.alert_signal_col().to_owned()],
                rows,
                comma,
            )
        })
        .collect();
    Ok(WatchListPage {
        l: Layout::new(visitor, t.watch_list_title(), "/watch-list", "/watch-list"),
        open: open.into_iter().map(|a| line(a, lang, tz)).collect(),
        done: done.into_iter().map(|a| line(a, lang, tz)).collect(),
        charts,
        may_acknowledge: visitor.identity.role == Role::BoardOfficer,
        failure,
        acknowledged,
    })
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    Ok(page(&state, &visitor, None, done.done)
        .await?
        .into_response())
}

async fn acknowledge(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let note = fields.get("note").to_owned();
    let result = state
        .store
        .acknowledge_alert(
            visitor.identity.user,
            id,
            &note,
            &state.policy.calendar,
            Utc::now(),
        )
        .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/watch-list?done={id}#done")).into_response()),
        Err(err) => {
            let err = AppError::from(err);
            let (status, message, _) = err.shown(visitor.lang);
            if status.is_server_error() || status == StatusCode::NOT_FOUND {
                return Err(err.into());
            }
            let failure = Failure { id, message, note };
            Ok((status, page(&state, &visitor, Some(failure), None).await?).into_response())
        }
    }
}
