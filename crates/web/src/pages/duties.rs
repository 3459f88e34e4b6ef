//! The information duties as pages (SPEC §4.1, §6.3): the list of the
//! duty instances the visitor may see (the board and admins: every
//! agency's; a liaison: its unit's) with filters, and one duty with the
//! forms of the moves the visitor may make now — submission by the
//! provider's liaison, acknowledgement by the recipient board, waiver by
//! an admin. The store's `list_duties`, `open_duty_with_moves` and
//! `move_duty_once` are the API's own calls; a duty one may not see is the
//! 404 page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use store::duties::{DutyAnswer, DutyCursor, DutyFilter, DutyInfo, DutyMove, DutyOnce};
use workflow::{DutyAction, DutyStatus, Lang};

use super::directory::Directory;
use super::error::PageError;
use super::form::Fields;
use super::layout::{Layout, form_key, local_time};
use super::link::with_query;
use super::report::{Opt, valid_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::routes::duties::duty_id;
use crate::{AppError, AppState};
use catalogue::Tr;

/// Duties per page.
const PAGE_SIZE: u64 = 25;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/duties", get(list))
        .route("/duties/{id}", get(show))
        .route("/duties/{id}/move", post(carry_out))
}

/// The filters of the list as the form sends them ("" means any).
#[derive(Debug, Default, Deserialize)]
struct DutyQuery {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    cursor: String,
}

/// The list's filters as they go back into a link (to the next or the
/// first page): the filters that are set, then the page's cursor.
#[derive(Serialize)]
struct ListLink<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    unit: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    period: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    status: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    overdue: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor: Option<&'a str>,
}

/// A duty as a line of the list or the head of its page.
struct DutyLine {
    id: i64,
    unit: String,
    unit_name: String,
    kind: &'static str,
    period: String,
    due: String,
    status: &'static str,
    status_code: &'static str,
    overdue: bool,
}

impl DutyLine {
    fn new(duty: &DutyInfo, t: Tr, lang: Lang, now: DateTime<Utc>, tz: Tz) -> DutyLine {
        DutyLine {
            id: duty.id,
            unit: duty.unit.clone(),
            unit_name: duty.unit_name.clone(),
            kind: kind_label(&duty.kind, t),
            period: duty.period.clone(),
            due: local_time(duty.due_at, tz),
            status: duty.status.label(lang),
            status_code: duty.status.code(),
            overdue: duty.overdue(now),
        }
    }
}

/// The label of a duty kind.
fn kind_label(kind: &str, t: Tr) -> &'static str {
    match kind {
        store::duties::kind::BEFORE_TRIAL => t.duty_before_trial(),
        store::duties::kind::AFTER_TRIAL => t.duty_after_trial(),
        _ => t.duty_periodic(),
    }
}

/// The list page.
#[derive(Template, WebTemplate)]
#[template(path = "duty_list.html")]
struct DutyListPage {
    l: Layout,
    q: DutyQuery,
    units: Vec<Opt>,
    statuses: Vec<Opt>,
    duties: Vec<DutyLine>,
    next: Option<String>,
    first: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<DutyQuery>,
) -> Result<DutyListPage, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let invalid = |field: &str| {
        PageError::App(AppError::Invalid {
            field: field.to_owned(),
            detail: crate::error::Detail::Invalid,
        })
    };
    let some = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    let filter = DutyFilter {
        unit: some(&q.unit),
        period: some(&q.period),
        status: match q.status.as_str() {
            "" => None,
            code => Some(DutyStatus::from_code(code).ok_or_else(|| invalid("status"))?),
        },
        overdue: !q.overdue.is_empty(),
        cursor: match q.cursor.as_str() {
            "" => None,
            text => Some(DutyCursor::decode(text).ok_or_else(|| invalid("cursor"))?),
        },
        limit: PAGE_SIZE,
    };
    let page = state
        .store
        .list_duties(visitor.identity.user, &filter, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let query = |cursor: Option<&str>| {
        let link = ListLink {
            unit: &q.unit,
            period: &q.period,
            status: &q.status,
            overdue: &q.overdue,
            cursor,
        };
        with_query("/duties", &link)
    };
    Ok(DutyListPage {
        l: Layout::new(&visitor, t.nav_duties(), "/duties", &query(None)),
        units: dir.duty_providers(),
        statuses: DutyStatus::ALL
            .iter()
            .map(|s| Opt {
                code: s.code().to_owned(),
                label: s.label(lang).to_owned(),
            })
            .collect(),
        duties: page
            .duties
            .iter()
            .map(|d| DutyLine::new(d, t, lang, now, tz))
            .collect(),
        next: page.next.map(|c| query(Some(&c.encode()))),
        first: (!q.cursor.is_empty()).then(|| query(None)),
        q,
    })
}

/// A form that failed: which move, the message, and what was typed.
struct Failure {
    action: &'static str,
    message: String,
    text: String,
}

/// One duty's page.
#[derive(Template, WebTemplate)]
#[template(path = "duty.html")]
struct DutyPage {
    l: Layout,
    d: DutyLine,
    recipient: String,
    case: Option<String>,
    submitted: Option<String>,
    text: Option<String>,
    acknowledged: Option<String>,
    waiver_reason: Option<String>,
    /// The moves the visitor may make: `submit`, `acknowledge`, `waive`.
    moves: Vec<&'static str>,
    key: String,
    done: Option<&'static str>,
    failure: Option<Failure>,
}

impl DutyPage {
    /// Whether the visitor may make `action`.
    fn may(&self, action: &str) -> bool {
        self.moves.contains(&action)
    }

    /// The message of `action`'s form, if it failed.
    fn err(&self, action: &str) -> Option<&str> {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .map(|f| f.message.as_str())
    }

    /// What was typed in `action`'s form before it failed, else `default`.
    fn kept<'a>(&'a self, action: &str, default: &'a str) -> &'a str {
        self.failure
            .as_ref()
            .filter(|f| f.action == action)
            .map_or(default, |f| f.text.as_str())
    }
}

/// `?done=submit` after a move.
#[derive(Debug, Deserialize)]
struct Done {
    done: Option<String>,
}

/// The code of a move in the forms.
fn move_code(action: DutyAction) -> &'static str {
    match action {
        DutyAction::Submit => "submit",
        DutyAction::Acknowledge => "acknowledge",
        DutyAction::Waive => "waive",
    }
}

async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<DutyPage, PageError> {
    let t = Tr(visitor.lang);
    let done = match done.done.as_deref() {
        Some("submit") => Some(t.duty_done_submit()),
        Some("acknowledge") => Some(t.duty_done_acknowledge()),
        Some("waive") => Some(t.duty_done_waive()),
        _ => None,
    };
    page(&state, &visitor, duty_id(&id)?, done, None).await
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    id: i64,
    done: Option<&'static str>,
    failure: Option<Failure>,
) -> Result<DutyPage, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let (duty, moves) = state
        .store
        .open_duty_with_moves(visitor.identity.user, id, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, visitor.identity.user, lang, now).await?;
    let by = |at: Option<DateTime<Utc>>, who: &Option<store::duties::DutyUser>| {
        at.map(|at| match who {
            Some(who) => format!("{} — {}", local_time(at, tz), who.name),
            None => local_time(at, tz),
        })
    };
    Ok(DutyPage {
        l: Layout::new(
            visitor,
            &format!("{} {} — {}", t.duty(), duty.period, duty.unit_name),
            "/duties",
            &format!("/duties/{id}"),
        ),
        d: DutyLine::new(&duty, t, lang, now, tz),
        recipient: dir.unit(&duty.recipient),
        case: duty.case.clone(),
        submitted: by(duty.submitted_at, &duty.submitted_by),
        text: duty.text.clone(),
        acknowledged: by(duty.acknowledged_at, &duty.acknowledged_by),
        waiver_reason: duty.waiver_reason.clone(),
        moves: moves.into_iter().map(move_code).collect(),
        key: form_key(),
        done,
        failure,
    })
}

/// A posted move: submit (`text`), acknowledge, or waive (`reason`).
async fn carry_out(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let id = duty_id(&id)?;
    let (action, duty_move, text) = match fields.get("action") {
        "submit" => {
            let text = fields.get("text").to_owned();
            ("submit", DutyMove::Submit { text: text.clone() }, text)
        }
        "acknowledge" => ("acknowledge", DutyMove::Acknowledge, String::new()),
        "waive" => {
            let reason = fields.get("reason").to_owned();
            (
                "waive",
                DutyMove::Waive {
                    reason: reason.clone(),
                },
                reason,
            )
        }
        _ => {
            return Err(AppError::Invalid {
                field: "action".to_owned(),
                detail: crate::error::Detail::Invalid,
            }
            .into());
        }
    };
    let hash = request_hash(&Method::POST, &format!("/duties/{id}/move"), &fields.raw);
    let render = |duty: &DutyInfo| duty.id.to_string();
    let once = valid_key(fields.get("key")).map(|key| DutyOnce {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: &render,
    });
    let answer = state
        .store
        .move_duty_once(
            visitor.identity.user,
            id,
            duty_move,
            Utc::now(),
            once.as_ref(),
        )
        .await;
    match answer {
        Ok(DutyAnswer::Done(_) | DutyAnswer::Replay { .. }) => {
            Ok(Redirect::to(&format!("/duties/{id}?done={action}")).into_response())
        }
        Err(err) => {
            let err = AppError::from(err);
            let (status, message, _) = err.shown(visitor.lang);
            if status.is_server_error()
                || status == StatusCode::UNAUTHORIZED
                || status == StatusCode::NOT_FOUND
            {
                return Err(err.into());
            }
            let failure = Failure {
                action,
                message,
                text,
            };
            let page = page(&state, &visitor, id, None, Some(failure)).await?;
            Ok((status, page).into_response())
        }
    }
}
