//! The lists of cases (SPEC §6.3): a reporter's own reports with their
//! published outcome, the board's triage queue (reported cases, oldest
//! first), an agency's inbox (cases its unit leads or coordinates) and
//! every case the visitor may see; each with filters, search and pages,
//! through the store's one list query.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::alerts::AlertFilter;
use store::{CaseFilter, Cursor};
use workflow::{ActionKind, CaseState, Desk, Priority, ReporterState};

use super::directory::{CaseCard, Directory};
use super::error::PageError;
use super::layout::Layout;
use super::link::with_query;
use super::report::Opt;
use super::session::Visitor;
use crate::{AppError, AppState};
use catalogue::Tr;

/// Cases per page.
const PAGE_SIZE: u64 = 20;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/reports", get(my_reports))
        .route("/triage", get(triage))
        .route("/inbox", get(inbox))
        .route("/cases", get(all_cases))
}

/// The filters of a list page, as the filter form sends them (empty
/// means "any").
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    priority: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    cursor: String,
    /// A report just filed (after the filing form).
    #[serde(default)]
    filed: String,
    /// `table` for the dense table of the desks; anything else is cards.
    #[serde(default)]
    view: String,
}

/// The filters of a list as they go back into a link (to the next or the
/// first page): those that are set, then the page's cursor.
#[derive(Serialize)]
struct ListLink<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    q: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    state: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    category: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    area: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    priority: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    overdue: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    view: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor: Option<&'a str>,
}

/// The table view's value of the `view` parameter.
const TABLE: &str = "table";

/// Which list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    MyReports,
    Triage,
    Inbox,
    All,
}

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::MyReports => "/reports",
            Kind::Triage => "/triage",
            Kind::Inbox => "/inbox",
            Kind::All => "/cases",
        }
    }
}

/// A list page.
#[derive(Template, WebTemplate)]
#[template(path = "case_list.html")]
struct ListPage {
    l: Layout,
    heading: String,
    path: &'static str,
    /// The state filter is offered (not in the triage queue).
    state_filter: bool,
    /// The filters on internal facts (priority, overdue) are offered, and
    /// the states are the case's own, not the reporter's (SPEC §10).
    internal_filters: bool,
    q: ListQuery,
    states: Vec<Opt>,
    categories: Vec<Opt>,
    areas: Vec<Opt>,
    priorities: Vec<Opt>,
    cards: Vec<CaseCard>,
    /// The cases as a dense table (`?view=table`) rather than cards.
    table: bool,
    /// This list, as cards and as a table, with the same filters.
    cards_href: String,
    table_href: String,
    /// How the list is ordered, where that is worth saying (the triage
    /// queue: oldest first, or by relevance when searching).
    order: Option<&'static str>,
    next: Option<String>,
    first: Option<String>,
    /// The open early-warning alerts, on the board's desk (§16): a line
    /// that leads to the watch-list.
    alerts_open: Option<usize>,
}

async fn my_reports(
    state: State<AppState>,
    visitor: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list(state, visitor, q, Kind::MyReports).await
}

async fn triage(
    state: State<AppState>,
    visitor: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list(state, visitor, q, Kind::Triage).await
}

async fn inbox(
    state: State<AppState>,
    visitor: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list(state, visitor, q, Kind::Inbox).await
}

async fn all_cases(
    state: State<AppState>,
    visitor: Visitor,
    Query(q): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    list(state, visitor, q, Kind::All).await
}

fn opt(code: &str, label: &str) -> Opt {
    Opt {
        code: code.to_owned(),
        label: label.to_owned(),
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    q: ListQuery,
    kind: Kind,
) -> Result<ListPage, PageError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let lang = visitor.lang;
    let t = Tr(lang);
    let user = visitor.identity.user;
    let invalid = |field: &str| {
        PageError::App(AppError::Invalid {
            field: field.to_owned(),
            detail: crate::error::Detail::Invalid,
        })
    };
    // A reporter filters on the state in their own terms (SPEC §10).
    let internal_filters = workflow::filters_on_internal_facts(visitor.identity.role);
    let (filter_state, reporter_state) = match (kind, q.state.as_str()) {
        (Kind::Triage, _) => (Desk::Triage.waiting_state(), None),
        (_, "") => (None, None),
        (_, code) if internal_filters => (
            Some(CaseState::from_code(code).ok_or_else(|| invalid("state"))?),
            None,
        ),
        (_, code) => (
            None,
            Some(ReporterState::from_code(code).ok_or_else(|| invalid("state"))?),
        ),
    };
    let priority = match q.priority.as_str() {
        "" => None,
        code => Some(Priority::from_code(code).ok_or_else(|| invalid("priority"))?),
    };
    let cursor = match q.cursor.as_str() {
        "" => None,
        text => Some(Cursor::decode(text).ok_or_else(|| invalid("cursor"))?),
    };
    let filter = CaseFilter {
        state: filter_state,
        reporter_state,
        category: some(&q.category),
        area: some(&q.area),
        sensitivity: None,
        priority,
        lead_unit: None,
        overdue: !q.overdue.is_empty(),
        mine: kind == Kind::MyReports,
        involved: kind == Kind::Inbox,
        oldest_first: kind == Kind::Triage,
        q: some(&q.q),
        cursor,
        limit: PAGE_SIZE,
    };
    let page = state
        .store
        .list_cases(visitor.identity.asker(), &filter, now)
        .await
        .map_err(AppError::from)?;
    let dir = Directory::load(&state.store, user, lang, now).await?;
    let alerts_open = if kind == Kind::Triage {
        let open = AlertFilter {
            acknowledged: Some(false),
            area: None,
        };
        let alerts = state.store.list_alerts(user, &open, lang, now).await;
        Some(alerts.map_err(AppError::from)?.len()).filter(|n| *n > 0)
    } else {
        None
    };
    let mut cards = Vec::with_capacity(page.cases.len());
    for case in &page.cases {
        let mut card = CaseCard::new(case, &page.actor, &dir, t, now, tz);
        if kind == Kind::MyReports && case.result_published {
            card.outcome = outcome(&state, user, &case.code, now).await?;
        }
        cards.push(card);
    }
    let heading = match kind {
        Kind::MyReports => t.nav_my_reports(),
        Kind::Triage => t.nav_triage(),
        Kind::Inbox => t.nav_inbox(),
        Kind::All => match filter_state {
            Some(CaseState::Escalated) => t.nav_escalated(),
            Some(CaseState::Resolved) => t.nav_resolved(),
            _ => t.nav_all_cases(),
        },
    };
    let table = q.view == TABLE;
    let view = if table { TABLE } else { "" };
    let query_as = |view: &str, cursor: Option<&str>| {
        let link = ListLink {
            q: &q.q,
            state: &q.state,
            category: &q.category,
            area: &q.area,
            priority: &q.priority,
            overdue: &q.overdue,
            view,
            cursor,
        };
        with_query(kind.path(), &link)
    };
    let query = |cursor: Option<&str>| query_as(view, cursor);
    let next = page.next.map(|c| query(Some(&c.encode())));
    let first = (!q.cursor.is_empty()).then(|| query(None));
    let here = if kind == Kind::All {
        match filter_state {
            Some(CaseState::Escalated) => "/cases?state=escalated",
            Some(CaseState::Resolved) => "/cases?state=resolved",
            _ => "/cases",
        }
    } else {
        kind.path()
    };
    Ok(ListPage {
        l: Layout::new(&visitor, heading, here, &query(None)),
        heading: heading.to_owned(),
        path: kind.path(),
        state_filter: kind != Kind::Triage,
        internal_filters,
        states: if internal_filters {
            CaseState::ALL
                .iter()
                .map(|s| opt(s.code(), s.label(lang)))
                .collect()
        } else {
            ReporterState::ALL
                .iter()
                .map(|s| opt(s.code(), s.label(lang)))
                .collect()
        },
        categories: dir
            .categories
            .iter()
            .map(|c| Opt {
                code: c.code.clone(),
                label: lang.pick(&c.name_vi, &c.name_en).to_owned(),
            })
            .collect(),
        areas: dir
            .areas
            .iter()
            .map(|a| Opt {
                code: a.code.clone(),
                label: format!("{}{}", "· ".repeat(a.depth.max(0) as usize), a.name),
            })
            .collect(),
        priorities: Priority::ALL
            .iter()
            .map(|p| Opt {
                code: p.code().to_owned(),
                label: p.label(lang).to_owned(),
            })
            .collect(),
        cards,
        alerts_open,
        table,
        cards_href: query_as("", None),
        table_href: query_as(TABLE, None),
        order: (kind == Kind::Triage).then(|| {
            if filter.q.is_some() {
                t.order_relevance()
            } else {
                t.order_oldest()
            }
        }),
        next,
        first,
        q,
    })
}

/// The last result published on a case, as told to the public.
async fn outcome(
    state: &AppState,
    user: workflow::UserId,
    code: &str,
    now: chrono::DateTime<Utc>,
) -> Result<Option<String>, PageError> {
    let events = state
        .store
        .case_events(user, code, now)
        .await
        .map_err(AppError::from)?;
    Ok(events
        .iter()
        .rev()
        .find(|e| e.action == ActionKind::PublishResult.code())
        .and_then(|e| e.payload.get("text"))
        .and_then(|v| v.as_str())
        .map(str::to_owned))
}
