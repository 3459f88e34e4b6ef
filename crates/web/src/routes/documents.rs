//! Documents to download in the official layout (SPEC §15), for the
//! case's internal readers: an orientation notice as the board's numbered
//! letter (`GET /orientations/{id}/document`) and a conclusion notice as
//! the concluding body's numbered notice (`GET /conclusions/{event}/document`),
//! as DOCX to sign (default) or printable HTML.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use documents::Document;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::json::ApiQuery;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/orientations/{id}/document", get(orientation))
        .route("/conclusions/{event}/document", get(conclusion))
}

/// `docx` (default) or `html`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DocumentQuery {
    /// `docx` (the document to sign, default) or `html` (printable).
    format: Option<String>,
}

impl DocumentQuery {
    /// The query of a route that takes `format` among its own fields.
    pub(crate) fn of(format: Option<String>) -> DocumentQuery {
        DocumentQuery { format }
    }

    /// Whether the printable page was asked for; an unknown format is
    /// refused with the ones there are.
    pub(crate) fn html(&self) -> Result<bool, AppError> {
        match self.format.as_deref().map(str::trim) {
            None | Some("" | "docx") => Ok(false),
            Some("html") => Ok(true),
            Some(other) => Err(AppError::Invalid {
                field: "format".to_owned(),
                detail: crate::error::Detail::UnknownValue {
                    value: other.to_owned(),
                    expected: vec!["docx".into(), "html".into()],
                },
            }),
        }
    }
}

/// `doc` as a file named `name.docx`, or as a printable page.
pub(crate) fn respond(doc: &Document, name: &str, html: bool) -> Result<Response, AppError> {
    let failed = |err: documents::DocumentError| {
        tracing::error!(error = %err, "writing a document");
        AppError::Status(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
    };
    Ok(if html {
        (
            [(CONTENT_TYPE, "text/html; charset=utf-8".to_owned())],
            documents::to_html(doc).map_err(failed)?,
        )
            .into_response()
    } else {
        (
            [
                (CONTENT_TYPE, report::Format::Docx.content_type().to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.docx\""),
                ),
            ],
            documents::to_docx(doc).map_err(failed)?,
        )
            .into_response()
    })
}

/// An orientation notice as the board's letter: numbered as the register
/// gave it, addressed to its recipients, signed on behalf of the board.
#[utoipa::path(get, path = "/api/v1/orientations/{id}/document", tag = "orientations",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Notice id"), DocumentQuery),
    responses(
        (status = 200, description = "The letter",
            content(
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
            )),
        (status = 404, description = "No such notice, or the caller does not read its case's internal file", body = ErrorBody),
        (status = 422, description = "Unknown format", body = ErrorBody),
    ))]
pub(crate) async fn orientation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiQuery(query): ApiQuery<DocumentQuery>,
) -> Result<Response, AppError> {
    let html = query.html()?;
    let facts = state
        .store
        .orientation_facts(caller.user, id, Utc::now())
        .await?;
    let doc = report::orientation_document(
        &facts,
        state.policy.calendar.time_zone(),
        crate::lang::current(),
    );
    respond(
        &doc,
        &format!("cong-van-{}-{}", facts.number, facts.case_code),
        html,
    )
}

/// A conclusion notice as the concluding body's numbered notice to the
/// lead, the coordinating units and the board.
#[utoipa::path(get, path = "/api/v1/conclusions/{event}/document", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(("event" = i64, Path, description = "The `conclude` event's id"), DocumentQuery),
    responses(
        (status = 200, description = "The notice",
            content(
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (String = "text/html"),
            )),
        (status = 404, description = "No such conclusion, or the caller does not read its case's internal file", body = ErrorBody),
        (status = 422, description = "Unknown format", body = ErrorBody),
    ))]
pub(crate) async fn conclusion(
    State(state): State<AppState>,
    caller: Caller,
    Path(event): Path<i64>,
    ApiQuery(query): ApiQuery<DocumentQuery>,
) -> Result<Response, AppError> {
    let html = query.html()?;
    let facts = state
        .store
        .conclusion_facts(caller.user, event, Utc::now())
        .await?;
    let doc = report::conclusion_document(
        &facts,
        state.policy.calendar.time_zone(),
        crate::lang::current(),
    );
    respond(
        &doc,
        &format!("thong-bao-ket-luan-{}-{}", facts.number, facts.case_code),
        html,
    )
}
