//! `/programmes` and `/schedules`: coordination programmes and
//! their duty schedules (SPEC §4.1, §4.3), administrators only. Creating a
//! programme does what `noicom programme add` does.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use store::admin::NewProgramme;
use store::schedules::{NewSchedule, ProgrammeInfo, ScheduleChange, ScheduleInfo};
use utoipa::ToSchema;
use workflow::Cadence;

use crate::auth::Caller;
use crate::json::JsonBody;
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// A coordination programme.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ProgrammeView {
    id: i64,
    title: String,
    /// Area code.
    area: String,
    /// First year of the term.
    year_from: i32,
    /// Last year of the term.
    year_to: i32,
    /// Party unit codes.
    parties: Vec<String>,
    /// Its duty schedules.
    schedules: Vec<ScheduleView>,
    /// Its content items, numbered from 1 in this order.
    items: Vec<String>,
    /// Its number as signed.
    number: Option<String>,
    /// When it was signed (`YYYY-MM-DD`).
    signed_on: Option<chrono::NaiveDate>,
}

/// A duty schedule.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ScheduleView {
    id: i64,
    /// The programme.
    programme: i64,
    /// Provider unit code (a state body).
    provider: String,
    /// Recipient board code.
    recipient: String,
    /// `quarterly`, `monthly` or `yearly`.
    #[schema(value_type = String)]
    cadence: Cadence,
    /// Due this many days after the period ends (the next working day if
    /// that is not one).
    due_days_after_end: u32,
    /// Reminder days before the due day.
    reminder_before_days: Vec<u32>,
    /// Every so many days while overdue (0: no overdue reminders).
    overdue_every_days: u32,
    /// Whether instances are still made.
    active: bool,
}

impl From<ScheduleInfo> for ScheduleView {
    fn from(s: ScheduleInfo) -> ScheduleView {
        ScheduleView {
            id: s.id,
            programme: s.programme,
            provider: s.provider,
            recipient: s.recipient,
            cadence: s.cadence,
            due_days_after_end: s.due_days_after_end,
            reminder_before_days: s.reminder_before_days,
            overdue_every_days: s.overdue_every_days,
            active: s.active,
        }
    }
}

impl From<ProgrammeInfo> for ProgrammeView {
    fn from(p: ProgrammeInfo) -> ProgrammeView {
        ProgrammeView {
            id: p.id,
            title: p.title,
            area: p.area,
            year_from: p.year_from,
            year_to: p.year_to,
            parties: p.parties,
            schedules: p.schedules.into_iter().map(ScheduleView::from).collect(),
            items: p.items,
            number: p.number,
            signed_on: p.signed_on,
        }
    }
}

/// A new programme: what `noicom programme add` takes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewProgrammeBody {
    /// First year of the term.
    year: i32,
    /// Last year of a term of several years (default: `year`).
    #[serde(default)]
    to: Option<i32>,
    /// Area code.
    area: String,
    /// Party unit codes: one board and the state bodies.
    parties: Vec<String>,
    /// Title (default: made from the area and the term).
    #[serde(default)]
    title: Option<String>,
    /// Its content items in order (numbered from 1); the annual report
    /// is written against them.
    #[serde(default)]
    items: Vec<String>,
    /// Its number as signed, e.g. `05-CTr/BTGDVTU-UBND`.
    #[serde(default)]
    number: Option<String>,
    /// When it was signed (`YYYY-MM-DD`).
    #[serde(default)]
    signed_on: Option<chrono::NaiveDate>,
}

/// A new schedule; unset numbers take the configured defaults.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewScheduleBody {
    /// Provider unit code: a state-body party of the programme.
    provider: String,
    /// Recipient board code: the programme's board.
    recipient: String,
    /// `quarterly` (default), `monthly` or `yearly`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    cadence: Option<Cadence>,
    /// Default from the configuration (10).
    #[serde(default)]
    due_days_after_end: Option<u32>,
    /// Default from the configuration (`[14, 3]`).
    #[serde(default)]
    reminder_before_days: Option<Vec<u32>>,
    /// Default from the configuration (7).
    #[serde(default)]
    overdue_every_days: Option<u32>,
}

/// What to change of a schedule; absent fields are kept.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScheduleChangeBody {
    /// `quarterly`, `monthly` or `yearly`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    cadence: Option<Cadence>,
    #[serde(default)]
    due_days_after_end: Option<u32>,
    #[serde(default)]
    reminder_before_days: Option<Vec<u32>>,
    #[serde(default)]
    overdue_every_days: Option<u32>,
    /// `false` stops making instances; `true` resumes.
    #[serde(default)]
    active: Option<bool>,
}

/// Every programme, newest first.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    responses(
        (status = 200, body = Vec<ProgrammeView>),
        (status = 403, description = "Not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn list_programmes(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<ProgrammeView>>, AppError> {
    let list = state.store.programmes(caller.user, Utc::now()).await?;
    Ok(Json(list.into_iter().map(ProgrammeView::from).collect()))
}

/// Adds a programme with the default quarterly schedules of each
/// state-body party toward the board party.
#[utoipa::path(post, path = "/api/v1/programmes", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    request_body = NewProgrammeBody,
    responses(
        (status = 201, body = ProgrammeView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 422, description = "Unknown area or party, not exactly one board, no state body, an inactive party, a bad term", body = ErrorBody),
    ))]
pub(crate) async fn create_programme(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewProgrammeBody>,
) -> Result<(StatusCode, Json<ProgrammeView>), AppError> {
    let b = body.value;
    let new = NewProgramme {
        year_from: b.year,
        year_to: b.to.unwrap_or(b.year),
        area: b.area,
        parties: b.parties,
        title: b.title,
        items: b.items,
        number: b.number,
        signed_on: b.signed_on,
    };
    let config = &state.config;
    let created = state
        .store
        .create_programme(
            caller.user,
            new,
            config.duty_due,
            &config.duty_reminders,
            &state.policy.calendar,
            Utc::now(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// One programme with its parties and schedules.
#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Programme id")),
    responses(
        (status = 200, body = ProgrammeView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
    ))]
pub(crate) async fn show_programme(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<ProgrammeView>, AppError> {
    let p = state.store.programme(caller.user, id, Utc::now()).await?;
    Ok(Json(p.into()))
}

/// The duty schedules of a programme.
#[utoipa::path(get, path = "/api/v1/programmes/{id}/schedules", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Programme id")),
    responses(
        (status = 200, body = Vec<ScheduleView>),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
    ))]
pub(crate) async fn list_schedules(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Json<Vec<ScheduleView>>, AppError> {
    let list = state.store.schedules(caller.user, id, Utc::now()).await?;
    Ok(Json(list.into_iter().map(ScheduleView::from).collect()))
}

/// Adds a duty schedule to a programme.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/schedules", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Programme id")),
    request_body = NewScheduleBody,
    responses(
        (status = 201, body = ScheduleView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
        (status = 409, description = "The programme has a schedule of this provider, board and cadence", body = ErrorBody),
        (status = 422, description = "Unknown unit, not a party, not a state body toward a board, a number out of range", body = ErrorBody),
    ))]
pub(crate) async fn create_schedule(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: JsonBody<NewScheduleBody>,
) -> Result<(StatusCode, Json<ScheduleView>), AppError> {
    let b = body.value;
    let new = NewSchedule {
        provider: b.provider,
        recipient: b.recipient,
        cadence: b.cadence,
        due_days_after_end: b.due_days_after_end,
        reminder_before_days: b.reminder_before_days,
        overdue_every_days: b.overdue_every_days,
    };
    let config = &state.config;
    let created = state
        .store
        .create_schedule(
            caller.user,
            id,
            new,
            config.duty_due,
            &config.duty_reminders,
            &state.policy.calendar,
            Utc::now(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(created.into())))
}

/// Changes a schedule's cadence, due rule, reminder offsets or whether it
/// is active; instances already made keep their period and due time.
#[utoipa::path(patch, path = "/api/v1/schedules/{id}", tag = "duties",
    security(("bearer" = []), ("session" = [])),
    params(("id" = i64, Path, description = "Schedule id")),
    request_body = ScheduleChangeBody,
    responses(
        (status = 200, body = ScheduleView),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such schedule", body = ErrorBody),
        (status = 422, description = "A number out of range, an unknown cadence, an inactive unit", body = ErrorBody),
    ))]
pub(crate) async fn update_schedule(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    body: JsonBody<ScheduleChangeBody>,
) -> Result<Json<ScheduleView>, AppError> {
    let b = body.value;
    let change = ScheduleChange {
        cadence: b.cadence,
        due_days_after_end: b.due_days_after_end,
        reminder_before_days: b.reminder_before_days,
        overdue_every_days: b.overdue_every_days,
        active: b.active,
    };
    let updated = state
        .store
        .update_schedule(caller.user, id, change, Utc::now())
        .await?;
    Ok(Json(updated.into()))
}
