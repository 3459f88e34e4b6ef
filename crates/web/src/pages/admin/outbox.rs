//! `/admin/failed-emails`: the e-mails that gave up after their last try,
//! with their error and number of tries, and sending one again
//! (`outbox_rows`, `retry_failed_email`: the calls of
//! `GET /api/v1/outbox` and its retry, audited there).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use store::outbox_admin::OutboxInfo;

use super::forms::{Forms, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink, local_time};

/// How many failed e-mails the page lists, newest first.
const SHOWN: u64 = 200;

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/failed-emails", get(show))
        .route("/admin/failed-emails/{id}/retry", post(retry))
}

/// A failed e-mail as the page shows it.
struct Row {
    info: OutboxInfo,
    created: String,
    last_try: String,
}

/// The failed e-mails page.
#[derive(Template, WebTemplate)]
#[template(path = "admin_outbox.html")]
struct OutboxPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    rows: Vec<Row>,
}

async fn page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<OutboxPage, PageError> {
    let t = admin.t();
    let tz = state.policy.calendar.time_zone();
    let rows = state
        .store
        .outbox_rows(admin.user(), "failed", SHOWN, Utc::now())
        .await?;
    Ok(OutboxPage {
        l: admin.layout(t.admin_failed_emails(), "/admin/failed-emails"),
        sections: admin.sections("/admin/failed-emails"),
        done,
        f,
        rows: rows
            .into_iter()
            .map(|info| Row {
                created: local_time(info.created_at, tz),
                last_try: local_time(info.next_attempt_at, tz),
                info,
            })
            .collect(),
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<OutboxPage, PageError> {
    page(&state, &admin, Forms::default(), done.take()).await
}

async fn retry(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let result = state
        .store
        .retry_failed_email(admin.user(), id, Utc::now())
        .await;
    settle(
        result,
        "retry",
        fields,
        admin.0.lang,
        |row| format!("/admin/failed-emails?done={}", encode(&row.recipient_email)),
        async |f| page(&state, &admin, f, None).await,
    )
    .await
}
