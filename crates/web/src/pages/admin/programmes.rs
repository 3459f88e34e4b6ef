//! `/admin/programmes`: the coordination programmes, adding one as
//! `noicom programme add` does (`create_programme` with the configured
//! duty defaults), and on a programme's page its duty schedules, adding
//! and changing them (`create_schedule`, `update_schedule`) — the calls of
//! the `/api/v1/programmes` and `/api/v1/schedules` endpoints.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use store::StoreError;
use store::admin::NewProgramme;
use store::directory::UnitInfo;
use store::schedules::{NewSchedule, ProgrammeInfo, ScheduleChange, ScheduleInfo};
use workflow::{Cadence, Refusal};

use super::forms::{Choice, Forms, number, numbers, settle};
use super::{Admin, Done};
use crate::AppState;
use crate::pages::error::{PageError, encode};
use crate::pages::form::Fields;
use crate::pages::layout::{Layout, NavLink};

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/programmes", get(show).post(add))
        .route("/admin/programmes/{id}", get(show_one).post(add_schedule))
        .route("/admin/schedules/{id}", post(change_schedule))
}

/// The list of programmes with the form to add one.
#[derive(Template, WebTemplate)]
#[template(path = "admin_programmes.html")]
struct ProgrammesPage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    programmes: Vec<ProgrammeInfo>,
    areas: Vec<Choice>,
    units: Vec<Choice>,
}

/// A schedule as its programme's page shows it.
struct Row {
    info: ScheduleInfo,
    provider: String,
    recipient: String,
    cadence: &'static str,
    reminders: String,
}

/// One programme's page with its schedules.
#[derive(Template, WebTemplate)]
#[template(path = "admin_programme.html")]
struct ProgrammePage {
    l: Layout,
    sections: Vec<NavLink>,
    done: Option<String>,
    f: Forms,
    programme: ProgrammeInfo,
    parties: String,
    schedules: Vec<Row>,
    providers: Vec<Choice>,
    cadences: Vec<Choice>,
}

fn unit_name(units: &[UnitInfo], code: &str) -> String {
    units
        .iter()
        .find(|u| u.code == code)
        .map_or_else(|| code.to_owned(), |u| u.name.clone())
}

async fn list_page(
    state: &AppState,
    admin: &Admin,
    f: Forms,
    done: Option<String>,
) -> Result<ProgrammesPage, PageError> {
    let now = Utc::now();
    let t = admin.t();
    let programmes = state.store.programmes(admin.user(), now).await?;
    let mut areas = vec![Choice::new("", t.choose())];
    areas.extend(
        state
            .store
            .areas(admin.user(), now)
            .await?
            .into_iter()
            .map(|a| Choice::new(a.code.clone(), format!("{} ({})", a.name, a.code))),
    );
    let units = state
        .store
        .units(admin.user(), now)
        .await?
        .into_iter()
        .map(|u| Choice::new(u.code.clone(), format!("{} ({})", u.name, u.code)))
        .collect();
    Ok(ProgrammesPage {
        l: admin.layout(t.admin_programmes(), "/admin/programmes"),
        sections: admin.sections("/admin/programmes"),
        done,
        f,
        programmes,
        areas,
        units,
    })
}

async fn show(
    State(state): State<AppState>,
    admin: Admin,
    Query(done): Query<Done>,
) -> Result<ProgrammesPage, PageError> {
    list_page(&state, &admin, Forms::default(), done.take()).await
}

/// The programme of the form; its first year is required.
fn new_programme(fields: &Fields) -> Result<NewProgramme, StoreError> {
    let year: i32 = number(fields, "year")?
        .ok_or(StoreError::Refused(Refusal::MissingInput { field: "year" }))?;
    let title = Some(fields.get("title").trim().to_owned()).filter(|t| !t.is_empty());
    Ok(NewProgramme {
        year_from: year,
        year_to: number(fields, "to")?.unwrap_or(year),
        area: fields.get("area").to_owned(),
        parties: fields.all("parties"),
        title,
        // One content item a line, as a programme's text lists them.
        items: fields.get("items").lines().map(str::to_owned).collect(),
        number: Some(fields.get("number").trim().to_owned()).filter(|n| !n.is_empty()),
        signed_on: match fields.get("signed_on").trim() {
            "" => None,
            day => Some(
                chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                    StoreError::Refused(Refusal::InvalidInput { field: "signed_on" })
                })?,
            ),
        },
    })
}

async fn add(
    State(state): State<AppState>,
    admin: Admin,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let result = match new_programme(&fields) {
        Ok(new) => {
            let config = &state.config;
            state
                .store
                .create_programme(
                    admin.user(),
                    new,
                    config.duty_due,
                    &config.duty_reminders,
                    &state.policy.calendar,
                    Utc::now(),
                )
                .await
        }
        Err(err) => Err(err),
    };
    settle(
        result,
        "programme-new",
        fields,
        admin.0.lang,
        |p| format!("/admin/programmes/{}?done={}", p.id, encode(&p.title)),
        async |f| list_page(&state, &admin, f, None).await,
    )
    .await
}

async fn one_page(
    state: &AppState,
    admin: &Admin,
    id: i64,
    f: Forms,
    done: Option<String>,
) -> Result<ProgrammePage, PageError> {
    let now = Utc::now();
    let lang = admin.0.lang;
    let programme = state.store.programme(admin.user(), id, now).await?;
    let units = state.store.units(admin.user(), now).await?;
    let parties = programme
        .parties
        .iter()
        .map(|c| unit_name(&units, c))
        .collect::<Vec<_>>()
        .join(", ");
    let schedules = programme
        .schedules
        .iter()
        .cloned()
        .map(|info| Row {
            provider: unit_name(&units, &info.provider),
            recipient: unit_name(&units, &info.recipient),
            cadence: info.cadence.label(lang),
            reminders: join(&info.reminder_before_days),
            info,
        })
        .collect();
    let mut providers = vec![Choice::new("", admin.t().choose())];
    providers.extend(
        programme
            .parties
            .iter()
            .map(|c| Choice::new(c.clone(), unit_name(&units, c))),
    );
    Ok(ProgrammePage {
        l: admin.layout(&programme.title, &format!("/admin/programmes/{id}")),
        sections: admin.sections("/admin/programmes"),
        done,
        f,
        parties,
        schedules,
        providers,
        cadences: Cadence::ALL
            .iter()
            .map(|c| Choice::new(c.code(), c.label(lang)))
            .collect(),
        programme,
    })
}

/// `[14, 3]` as "14, 3".
fn join(days: &[u32]) -> String {
    days.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

async fn show_one(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> Result<ProgrammePage, PageError> {
    one_page(&state, &admin, id, Forms::default(), done.take()).await
}

/// A cadence's code from a form, or the refusal naming `cadence`.
fn cadence_of(fields: &Fields) -> Result<Option<Cadence>, StoreError> {
    let code = fields.get("cadence").trim();
    if code.is_empty() {
        return Ok(None);
    }
    Cadence::from_code(code).map(Some).ok_or_else(|| {
        StoreError::Refused(Refusal::UnknownCode {
            field: "cadence",
            code: code.to_owned(),
        })
    })
}

fn new_schedule(fields: &Fields) -> Result<NewSchedule, StoreError> {
    Ok(NewSchedule {
        provider: fields.get("provider").to_owned(),
        recipient: fields.get("recipient").to_owned(),
        cadence: cadence_of(fields)?,
        due_days_after_end: number(fields, "due_days_after_end")?,
        reminder_before_days: numbers(fields, "reminder_before_days")?,
        overdue_every_days: number(fields, "overdue_every_days")?,
    })
}

async fn add_schedule(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let result = match new_schedule(&fields) {
        Ok(new) => {
            let config = &state.config;
            state
                .store
                .create_schedule(
                    admin.user(),
                    id,
                    new,
                    config.duty_due,
                    &config.duty_reminders,
                    &state.policy.calendar,
                    Utc::now(),
                )
                .await
        }
        Err(err) => Err(err),
    };
    let done = admin.t().schedule_saved();
    settle(
        result,
        "schedule-new",
        fields,
        admin.0.lang,
        |_| format!("/admin/programmes/{id}?done={}", encode(done)),
        async |f| one_page(&state, &admin, id, f, None).await,
    )
    .await
}

fn schedule_change(fields: &Fields) -> Result<ScheduleChange, StoreError> {
    Ok(ScheduleChange {
        cadence: cadence_of(fields)?,
        due_days_after_end: number(fields, "due_days_after_end")?,
        reminder_before_days: numbers(fields, "reminder_before_days")?,
        overdue_every_days: number(fields, "overdue_every_days")?,
        // An unticked box is not sent: absent means stopped.
        active: Some(fields.get("active") == "true"),
    })
}

async fn change_schedule(
    State(state): State<AppState>,
    admin: Admin,
    Path(id): Path<i64>,
    fields: Fields,
) -> Result<Response, PageError> {
    admin.0.check_csrf(fields.get("csrf"))?;
    let programme: i64 = fields.get("programme").parse().unwrap_or_default();
    let result = match schedule_change(&fields) {
        Ok(change) => {
            state
                .store
                .update_schedule(admin.user(), id, change, Utc::now())
                .await
        }
        Err(err) => Err(err),
    };
    let done = admin.t().schedule_saved();
    settle(
        result,
        &format!("schedule-{id}"),
        fields,
        admin.0.lang,
        |s| format!("/admin/programmes/{}?done={}", s.programme, encode(done)),
        async |f| one_page(&state, &admin, programme, f, None).await,
    )
    .await
}
