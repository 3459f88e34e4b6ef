//! The server-rendered web pages (SPEC §6.3, issue 5), mounted at `/`
//! beside the API: one module per group of pages, askama templates under
//! `templates/`, texts in the `catalogue` crate. Pages call the same store functions as
//! the API handlers; every rule stays in `workflow`. Forms post plain HTML
//! (CSRF token in a hidden field, an idempotency key per rendering) and
//! redirect after success, so nothing needs JavaScript.

mod acknowledge;
mod admin;
mod annual_report;
mod assets;
mod badge;
mod bulletin;
mod case_meetings;
mod case_page;
mod charts;
mod command;
mod dashboard;
mod directory;
mod documents;
mod duties;
mod duty_page;
mod error;
mod form;
mod form_files;
mod layout;
mod link;
mod lists;
mod opinion_report_list;
mod opinion_report_page;
mod opinion_reports;
mod opinion_trends;
mod opinions;
mod orientation_panel;
mod password;
mod photo;
mod presession;
mod report;
mod roster;
mod session;
mod sign_in;
mod watch_list;

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::middleware::{self, Next};
use axum::response::Response;

use crate::AppState;

pub(crate) use error::status_page;

/// Scripts and styles from this site only, no inline script, forms posted
/// only here, no framing (SPEC §9).
const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Every page route.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(sign_in::router())
        .merge(report::router())
        .merge(lists::router())
        .merge(case_page::router())
        .merge(photo::router())
        .merge(dashboard::router())
        .merge(bulletin::router())
        .merge(annual_report::router())
        .merge(duties::router())
        .merge(password::router())
        .merge(acknowledge::router())
        .merge(admin::router())
        .merge(opinion_reports::router())
        .merge(opinion_report_list::router())
        .merge(opinion_report_page::router())
        .merge(roster::router())
        .merge(watch_list::router())
        .layer(middleware::from_fn(page_headers))
        .merge(assets::router())
}

/// The pages' security policy, and no shared caching of what a signed-in
/// user sees.
async fn page_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    set_page_headers(&mut response);
    response
}

/// Puts the pages' headers on `response` (also used for error pages made
/// outside the page routes).
pub(crate) fn set_page_headers(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_POLICY),
    );
    headers
        .entry(CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("private, no-cache"));
}
