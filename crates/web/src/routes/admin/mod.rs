//! The admin resources, each at its own name under `/api/v1` like every
//! other resource (no `/admin` prefix: who may do what is the store's
//! question, not the path's): areas, units, users, categories, the audit
//! log, programmes, duty schedules and the failed e-mails. Every signed-in
//! user may read areas, units and categories (they name them when filing);
//! only an administrator may change them, list users, read the audit log or
//! handle programmes, schedules and e-mails — the store asks `workflow` and
//! refuses with 403.

mod areas;
mod audit;
mod categories;
mod outbox;
mod programmes;
mod units;
mod users;

use axum::Router;
use axum::routing::{get, patch, post};

use crate::AppState;

pub(crate) use areas::{
    __path_create_area, __path_list_areas, __path_update_area, AreaChangeBody, AreaView,
    NewAreaBody,
};
pub(crate) use audit::{__path_list_audit, AuditView};
pub(crate) use categories::{
    __path_create_category, __path_list_categories, __path_update_category, CategoryChangeBody,
    CategoryView, NewCategoryBody,
};
pub(crate) use outbox::{__path_list_outbox, __path_retry_email, OutboxView};
pub(crate) use programmes::{
    __path_create_programme, __path_create_schedule, __path_list_programmes, __path_list_schedules,
    __path_show_programme, __path_update_schedule, NewProgrammeBody, NewScheduleBody,
    ProgrammeView, ScheduleChangeBody, ScheduleView,
};
pub(crate) use units::{
    __path_create_unit, __path_list_units, __path_update_unit, NewUnitBody, UnitChangeBody,
    UnitView,
};
pub(crate) use users::{
    __path_create_user, __path_list_users, __path_update_user, NewUserBody, UserChangeBody,
    UserView,
};

/// The organisation's routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/areas", get(areas::list_areas).post(areas::create_area))
        .route("/areas/{code}", patch(areas::update_area))
        .route("/units", get(units::list_units).post(units::create_unit))
        .route("/units/{code}", patch(units::update_unit))
        .route("/users", get(users::list_users).post(users::create_user))
        .route("/users/{id}", patch(users::update_user))
        .route(
            "/categories",
            get(categories::list_categories).post(categories::create_category),
        )
        .route("/categories/{code}", patch(categories::update_category))
        .route("/audit", get(audit::list_audit))
        .route(
            "/programmes",
            get(programmes::list_programmes).post(programmes::create_programme),
        )
        .route("/programmes/{id}", get(programmes::show_programme))
        .route(
            "/programmes/{id}/schedules",
            get(programmes::list_schedules).post(programmes::create_schedule),
        )
        .route("/schedules/{id}", patch(programmes::update_schedule))
        .route("/outbox", get(outbox::list_outbox))
        .route("/outbox/{id}/retry", post(outbox::retry_email))
}
