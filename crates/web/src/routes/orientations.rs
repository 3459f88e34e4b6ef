//! Orientation notices (SPEC §12): `GET /cases/{id}/orientations`, each
//! notice with each recipient's status, for the case's internal readers;
//! `POST /orientations/{id}/acknowledge` for a signed-in user of a
//! recipient unit. The link in the e-mail acknowledges without signing
//! in on its page (`/acknowledge/{token}`).

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use store::orientations::{Acknowledgement, OrientationNotice};

use crate::auth::Caller;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/orientations", get(list))
        .route("/orientations/{id}/acknowledge", post(acknowledge))
        .route("/orientations/{id}/document", get(document))
}

/// `docx` (default) or `html`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DocumentQuery {
    /// `docx` (the letter to sign, default) or `html` (printable).
    format: Option<String>,
}

/// The notice as the board's letter (SPEC §15): numbered as the register
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
pub(crate) async fn document(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    crate::json::ApiQuery(query): crate::json::ApiQuery<DocumentQuery>,
) -> Result<axum::response::Response, AppError> {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let html = match query.format.as_deref().map(str::trim) {
        None | Some("") | Some("docx") => false,
        Some("html") => true,
        Some(other) => {
            return Err(AppError::Invalid {
                field: "format".to_owned(),
                detail: crate::error::Detail::UnknownValue {
                    value: other.to_owned(),
                    expected: vec!["docx".into(), "html".into()],
                },
            });
        }
    };
    let facts = state
        .store
        .orientation_facts(caller.user, id, Utc::now())
        .await?;
    let doc = report::orientation_document(
        &facts,
        state.policy.calendar.time_zone(),
        crate::lang::current(),
    );
    let failed = |err: documents::DocumentError| {
        tracing::error!(error = %err, "writing an orientation notice");
        AppError::Status(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
    };
    let name = format!("cong-van-{}-{}", facts.number, facts.case_code);
    Ok(if html {
        (
            [(CONTENT_TYPE, "text/html; charset=utf-8".to_owned())],
            documents::to_html(&doc).map_err(failed)?,
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
            documents::to_docx(&doc).map_err(failed)?,
        )
            .into_response()
    })
}

/// The orientation notices of a case, oldest first, with each recipient
/// unit's status: `sent`, `acknowledged` (when, by whom) or `failed` (no
/// address, or every delivery failed).
#[utoipa::path(get, path = "/api/v1/cases/{id}/orientations", tag = "orientations",
    security(("bearer" = []), ("session" = [])),
    params(("id" = String, Path, description = "Case id or code")),
    responses(
        (status = 200, body = Vec<OrientationNotice>),
        (status = 404, description = "No such case, or the caller does not read its internal file (a reporter)", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<OrientationNotice>>, AppError> {
    Ok(Json(
        state
            .store
            .orientations_of(
                caller.user,
                &id,
                Utc::now(),
                state.policy.calendar.time_zone(),
            )
            .await?,
    ))
}

/// Acknowledges a notice for the caller's unit, which must be one of its
/// recipients. Acknowledging again changes nothing: the answer says when
/// and by whom it was (`just_now: false`).
#[utoipa::path(post, path = "/api/v1/orientations/{id}/acknowledge", tag = "orientations",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Notice id")),
    responses(
        (status = 200, body = Acknowledgement),
        (status = 403, description = "The caller's unit is not a recipient", body = ErrorBody),
        (status = 404, description = "No such notice", body = ErrorBody),
    ))]
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Acknowledgement>, AppError> {
    Ok(Json(
        state
            .store
            .acknowledge_orientation(
                caller.user,
                id,
                Utc::now(),
                state.policy.calendar.time_zone(),
            )
            .await?,
    ))
}
