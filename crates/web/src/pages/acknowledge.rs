//! The page an orientation notice's acknowledgement link lands on (SPEC
//! §12): it works without signing in, says which notice, which unit and
//! when, and acknowledges only on its button — opening the link (a mail
//! scanner's GET) changes nothing. The token in the path is the secret, so
//! the form needs no other anti-forgery token.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use store::StoreError;
use store::orientations::Acknowledgement;

use super::error::PageError;
use super::layout::{Layout, local_time};
use crate::{AppError, AppState, lang};
use catalogue::Tr;

/// The routes of this page.
pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/acknowledge/{token}", get(show).post(acknowledge))
}

/// The notice as the link's page shows it.
#[derive(Template, WebTemplate)]
#[template(path = "acknowledge.html")]
struct AckPage {
    l: Layout,
    token: String,
    number: String,
    unit_name: String,
    about: String,
    issued: String,
    messages: String,
    /// What was acknowledged, when and by whom; none while it is not.
    done: Option<String>,
    /// The refusal of an unknown or expired link.
    refused: Option<String>,
}

fn page(
    state: &AppState,
    token: &str,
    a: Option<&Acknowledgement>,
    refused: Option<String>,
) -> AckPage {
    let lang = lang::current();
    let t = Tr(lang);
    let tz = state.policy.calendar.time_zone();
    let done = a.and_then(|a| {
        let at = local_time(a.acknowledged_at?.to_utc(), tz);
        let by = a.acknowledged_by.clone().unwrap_or_default();
        Some(if a.just_now {
            t.ack_done(at, by)
        } else {
            t.ack_already(at, by)
        })
    });
    AckPage {
        l: Layout::anonymous(lang, t.ack_title(), "/"),
        token: token.to_owned(),
        number: a.map(|a| t.ack_notice(&a.number)).unwrap_or_default(),
        unit_name: a.map(|a| t.ack_to(&a.unit_name)).unwrap_or_default(),
        about: a
            .map(|a| t.ack_about(&a.case_code, &a.title))
            .unwrap_or_default(),
        issued: a
            .map(|a| t.ack_issued(&a.issuer_name, local_time(a.issued_at.to_utc(), tz)))
            .unwrap_or_default(),
        messages: a.map(|a| a.messages.clone()).unwrap_or_default(),
        done,
        refused,
    }
}

async fn answer(
    state: &AppState,
    token: &str,
    result: Result<Acknowledgement, StoreError>,
) -> Result<Response, PageError> {
    match result {
        Ok(a) => Ok(page(state, token, Some(&a), None).into_response()),
        Err(StoreError::Refused(r)) => {
            let err = AppError::from(StoreError::Refused(r));
            let (_, message, _) = err.shown(lang::current());
            Ok((
                StatusCode::NOT_FOUND,
                page(state, token, None, Some(message)),
            )
                .into_response())
        }
        Err(e) => Err(AppError::from(e).into()),
    }
}

async fn show(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let found = state
        .store
        .acknowledgement_link(&token, Utc::now(), state.policy.calendar.time_zone())
        .await;
    answer(&state, &token, found).await
}

async fn acknowledge(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let done = state
        .store
        .acknowledge_by_link(&token, Utc::now(), state.policy.calendar.time_zone())
        .await;
    answer(&state, &token, done).await
}
