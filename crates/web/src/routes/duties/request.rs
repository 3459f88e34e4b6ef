//! `POST /duties`: a board officer asks a state body for information when
//! needed (SPEC §13, seed 003): a duty of kind `ad_hoc`, owed to the
//! officer's board, reminded as the periodic ones are.

use axum::Json;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Deserialize;
use store::duties::{DutyAnswer, DutyInfo, DutyOnce, DutyRequestInput};
use utoipa::ToSchema;
use workflow::Calendar;

use super::view::DutyView;
use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// What the board asks for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DutyRequestBody {
    /// Code of the state body asked (one serving the board's area).
    pub unit: String,
    /// What information is asked for (required, up to 1 000 characters);
    /// the duty's `period_label`.
    pub topic: String,
    /// When it is due: a day (`2026-12-20`, due at its end, local time) or
    /// a time (RFC 3339), ahead of now and at most two years ahead.
    #[schema(value_type = String, example = "2026-12-20")]
    pub due_at: DueAt,
    /// Code of the case it is about, if any; one the officer may open.
    #[serde(default)]
    pub case: Option<String>,
}

/// A due day or a due time.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub(crate) enum DueAt {
    /// Due at the end of this local day, as every duty is.
    Day(NaiveDate),
    /// Due at this time.
    Time(DateTime<FixedOffset>),
}

impl DueAt {
    /// The due time on `calendar`.
    pub(crate) fn at(self, calendar: &Calendar) -> DateTime<Utc> {
        match self {
            DueAt::Day(day) => calendar.end_of_day(day),
            DueAt::Time(time) => time.with_timezone(&Utc),
        }
    }
}

/// Asks a state body for information: a board officer only.
#[utoipa::path(post, path = "/api/v1/duties", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422")),
    request_body = DutyRequestBody,
    responses(
        (status = 201, description = "Asked: the new duty, of kind `ad_hoc`", body = DutyView),
        (status = 403, description = "Not a board officer (`duty_request_not_allowed`)", body = ErrorBody),
        (status = 422, description = "Missing, blank or unknown field; an unknown unit or case (`unknown_code`); a unit that is not a state body (`not_a_duty_provider`) or serves no area of the board (`unit_outside_area`); a due time past (`deadline_in_past`) or too far (`time_out_of_range`); reused key. Nothing is written", body = ErrorBody),
    ))]
pub(crate) async fn request(
    State(state): State<AppState>,
    caller: Caller,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<DutyRequestBody>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    let key = key(&headers)?;
    let render = move |duty: &DutyInfo| DutyView::json(duty, now, tz);
    let once = key.as_deref().map(|key| DutyOnce {
        key,
        request_hash: &hash,
        status: StatusCode::CREATED.as_u16(),
        render: &render,
    });
    let calendar = &state.policy.calendar;
    let input = DutyRequestInput {
        unit: body.value.unit,
        topic: body.value.topic,
        due_at: body.value.due_at.at(calendar),
        case: body.value.case,
    };
    let answer = state
        .store
        .request_duty(caller.user, input, calendar, now, once.as_ref())
        .await?;
    Ok(match answer {
        DutyAnswer::Done(duty) => {
            (StatusCode::CREATED, Json(DutyView::new(&duty, now, tz))).into_response()
        }
        DutyAnswer::Replay { status, body } => replay(status, body),
    })
}
