//! The information duties as pages (SPEC §4.1, §6.3, §13): the list of
//! the duty instances the visitor may see (the board and admins: every
//! agency's; a liaison: its unit's) with filters, each named by its period
//! in words, and for a board officer the form that asks a body for
//! information when needed. The store's `list_duties` and `request_duty`
//! are the API's own calls. One duty's page is `duty_page`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use store::duties::{DutyAnswer, DutyCursor, DutyFilter, DutyInfo, DutyOnce, DutyRequestInput};
use workflow::{DutyStatus, Lang};

use super::directory::Directory;
use super::error::PageError;
use super::form::Fields;
use super::layout::{Layout, form_key, local_time};
use super::link::with_query;
use super::report::{Opt, valid_key};
use super::session::Visitor;
use crate::idempotency::request_hash;
use crate::{AppError, AppState};
use catalogue::Tr;

/// Duties per page.
const PAGE_SIZE: u64 = 25;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/duties", get(list))
        .route("/duties/request", post(request))
        .merge(super::duty_page::router())
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

/// A duty as a line of the list or the head of its page: its kind and
/// period in words (`workflow::duty_period_label`), never their codes.
pub(crate) struct DutyLine {
    pub(crate) id: i64,
    pub(crate) unit: String,
    pub(crate) unit_name: String,
    pub(crate) kind: &'static str,
    /// The stored code, for the list's filter and tests (`data-period`).
    pub(crate) period_code: String,
    pub(crate) period: String,
    pub(crate) due: String,
    pub(crate) status: &'static str,
    pub(crate) status_code: &'static str,
    pub(crate) overdue: bool,
}

impl DutyLine {
    pub(crate) fn new(duty: &DutyInfo, lang: Lang, now: DateTime<Utc>, tz: Tz) -> DutyLine {
        DutyLine {
            id: duty.id,
            unit: duty.unit.clone(),
            unit_name: duty.unit_name.clone(),
            kind: duty.kind.label(lang),
            period_code: duty.period.clone(),
            period: duty.period_label(lang),
            due: local_time(duty.due_at, tz),
            status: duty.status.label(lang),
            status_code: duty.status.code(),
            overdue: duty.overdue(now),
        }
    }
}

/// The board's request form as typed, and why it was refused.
#[derive(Default)]
struct RequestForm {
    unit: String,
    topic: String,
    due: String,
    case: String,
    /// The message and the field it is about.
    error: Option<(String, Option<String>)>,
}

impl RequestForm {
    fn from_fields(fields: &Fields) -> RequestForm {
        RequestForm {
            unit: fields.get("unit").to_owned(),
            topic: fields.get("topic").to_owned(),
            due: fields.get("due_at").to_owned(),
            case: fields.get("case").to_owned(),
            error: None,
        }
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
    /// The request form, for a board officer.
    request: Option<RequestForm>,
    key: String,
}

impl DutyListPage {
    /// The refusal of the request form about `field`, if any.
    fn err(&self, field: &str) -> Option<&str> {
        let (message, at) = self.request.as_ref()?.error.as_ref()?;
        (at.as_deref() == Some(field)).then_some(message.as_str())
    }

    /// The refusal of the request form about no field of it.
    fn general_err(&self) -> Option<&str> {
        let (message, at) = self.request.as_ref()?.error.as_ref()?;
        let own = ["unit", "topic", "due_at", "case"];
        (!at.as_deref().is_some_and(|f| own.contains(&f))).then_some(message.as_str())
    }
}

async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(q): Query<DutyQuery>,
) -> Result<DutyListPage, PageError> {
    let request = visitor
        .identity
        .role
        .requests_duties()
        .then(RequestForm::default);
    list_page(&state, &visitor, q, request).await
}

async fn list_page(
    state: &AppState,
    visitor: &Visitor,
    q: DutyQuery,
    request: Option<RequestForm>,
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
        // Typed as the pages write periods (Quý IV/2026), or as a code.
        period: some(&q.period).map(|p| workflow::period_code_from_words(&p).unwrap_or(p)),
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
        l: Layout::new(visitor, t.nav_duties(), "/duties", &query(None)),
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
            .map(|d| DutyLine::new(d, lang, now, tz))
            .collect(),
        next: page.next.map(|c| query(Some(&c.encode()))),
        first: (!q.cursor.is_empty()).then(|| query(None)),
        q,
        request,
        key: form_key(),
    })
}

/// The board's request (SPEC §13), through the store call of `POST
/// /duties`, once per form key; refused, the list again with the message
/// beside its field and the input kept.
async fn request(
    State(state): State<AppState>,
    visitor: Visitor,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let mut form = RequestForm::from_fields(&fields);
    let calendar = &state.policy.calendar;
    let due_at = match form.due.trim() {
        "" => Err(AppError::Invalid {
            field: "due_at".to_owned(),
            detail: crate::error::Detail::Missing,
        }),
        day => NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(|day| calendar.end_of_day(day))
            .map_err(|_| AppError::Invalid {
                field: "due_at".to_owned(),
                detail: crate::error::Detail::Invalid,
            }),
    };
    let now = Utc::now();
    let hash = request_hash(&Method::POST, "/duties/request", &fields.raw);
    let render = |duty: &DutyInfo| duty.id.to_string();
    let once = valid_key(fields.get("key")).map(|key| DutyOnce {
        key,
        request_hash: &hash,
        status: StatusCode::SEE_OTHER.as_u16(),
        render: &render,
    });
    let asked = match due_at {
        Ok(due_at) => {
            let input = DutyRequestInput {
                unit: form.unit.clone(),
                topic: form.topic.clone(),
                due_at,
                case: Some(form.case.clone()),
            };
            state
                .store
                .request_duty(visitor.identity.user, input, calendar, now, once.as_ref())
                .await
                .map_err(AppError::from)
        }
        Err(err) => Err(err),
    };
    let err = match asked {
        Ok(DutyAnswer::Done(duty)) => {
            return Ok(
                Redirect::to(&format!("/duties/{}?done=request#done", duty.id)).into_response(),
            );
        }
        Ok(DutyAnswer::Replay { body, .. }) => {
            return Ok(
                Redirect::to(&format!("/duties/{}?done=request#done", body.trim())).into_response(),
            );
        }
        Err(err) => err,
    };
    let (status, message, field) = err.shown(visitor.lang);
    if status.is_server_error()
        || status == StatusCode::UNAUTHORIZED
        || status == StatusCode::FORBIDDEN
    {
        return Err(err.into());
    }
    form.error = Some((message, field));
    let page = list_page(&state, &visitor, DutyQuery::default(), Some(form)).await?;
    Ok((status, page).into_response())
}
