//! `/collaborators`: the roster of the public-opinion network (SPEC §16),
//! read and managed by admins and board officers (a board officer within
//! the areas their unit serves; the store asks `workflow`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use store::collaborators::{Collaborator, CollaboratorFilter, CollaboratorPatch, UserName};
use utoipa::{IntoParams, ToSchema};
use workflow::CollaboratorInput;

use crate::auth::Caller;
use crate::json::{ApiQuery, JsonBody};
use crate::routes::ErrorBody;
use crate::{AppError, AppState};

/// The roster's routes.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/collaborators",
            get(list_collaborators).post(create_collaborator),
        )
        .route(
            "/collaborators/{user_id}",
            get(show_collaborator).patch(update_collaborator),
        )
}

/// A collaborator profile.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CollaboratorView {
    /// The user's id.
    user_id: i64,
    email: String,
    name: String,
    /// `collaborator` (cộng tác viên dư luận xã hội) or `propagandist`
    /// (báo cáo viên).
    kind: String,
    /// Codes of the areas covered.
    areas: Vec<String>,
    /// First day of the term, `yyyy-mm-dd`.
    from: String,
    /// Last day of the term; absent: open-ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    active: bool,
    /// Active and within the term today: owes this month's opinion report.
    serving: bool,
    updated_at: DateTime<Utc>,
}

impl CollaboratorView {
    fn of(c: Collaborator, now: DateTime<Utc>) -> CollaboratorView {
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        CollaboratorView {
            user_id: c.user_id,
            serving: c.is_serving(now.date_naive()),
            email: c.email,
            name: c.name,
            kind: c.profile.kind.code().to_owned(),
            areas: c.areas.into_iter().map(|a| a.code).collect(),
            from: day(c.profile.term.from),
            until: c.profile.term.until.map(day),
            active: c.profile.active,
            updated_at: c.updated_at,
        }
    }
}

/// The filters; both optional, combined with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct CollaboratorQuery {
    /// Code of an area: those covering it or an area below it.
    area: Option<String>,
    /// `true`: active profiles only; `false`: inactive ones only.
    active: Option<bool>,
}

/// How a user is named: their id or their sign-in e-mail.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum UserRef {
    /// The user's id.
    Id(i64),
    /// The user's e-mail.
    Email(String),
}

/// A new collaborator profile.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewCollaboratorBody {
    /// The `reporter` user: e-mail or id.
    user: UserRef,
    /// `collaborator` or `propagandist`.
    kind: String,
    /// Codes of the areas covered (at least one).
    areas: Vec<String>,
    /// First day of the term, `yyyy-mm-dd` or `dd/mm/yyyy`.
    from: String,
    /// Last day, same forms; absent or empty: open-ended.
    #[serde(default)]
    until: Option<String>,
    /// Default `true`.
    #[serde(default)]
    active: Option<bool>,
}

/// What changes; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CollaboratorChangeBody {
    /// `collaborator` or `propagandist`.
    #[serde(default)]
    kind: Option<String>,
    /// Codes of the areas covered, replacing the old ones.
    #[serde(default)]
    areas: Option<Vec<String>>,
    /// First day of the term, `yyyy-mm-dd` or `dd/mm/yyyy`.
    #[serde(default)]
    from: Option<String>,
    /// Last day; an empty string makes the term open-ended.
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    active: Option<bool>,
}

/// The roster: admins every profile, a board officer those covering an
/// area their unit serves; by name.
#[utoipa::path(get, path = "/api/v1/collaborators", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(CollaboratorQuery),
    responses(
        (status = 200, body = Vec<CollaboratorView>),
        (status = 403, description = "Neither an administrator nor a board officer", body = ErrorBody),
        (status = 422, description = "Unknown parameter or area code, bad value", body = ErrorBody),
    ))]
pub(crate) async fn list_collaborators(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<CollaboratorQuery>,
) -> Result<Json<Vec<CollaboratorView>>, AppError> {
    let now = Utc::now();
    let filter = CollaboratorFilter {
        area: query.area,
        active: query.active,
    };
    let list = state.store.collaborators(caller.user, &filter, now).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| CollaboratorView::of(c, now))
            .collect(),
    ))
}

/// One profile.
#[utoipa::path(get, path = "/api/v1/collaborators/{user_id}", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(("user_id" = i64, Path, description = "The collaborator's user id")),
    responses(
        (status = 200, body = CollaboratorView),
        (status = 403, description = "Neither an administrator nor a board officer", body = ErrorBody),
        (status = 404, description = "No profile the caller may read", body = ErrorBody),
    ))]
pub(crate) async fn show_collaborator(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<i64>,
) -> Result<Json<CollaboratorView>, AppError> {
    let now = Utc::now();
    let c = state.store.collaborator(caller.user, user_id, now).await?;
    Ok(Json(CollaboratorView::of(c, now)))
}

/// Gives a `reporter` user a collaborator profile.
#[utoipa::path(post, path = "/api/v1/collaborators", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    request_body = NewCollaboratorBody,
    responses(
        (status = 201, body = CollaboratorView),
        (status = 403, description = "Neither an administrator nor a board officer, or an area outside the officer's", body = ErrorBody),
        (status = 409, description = "The user has a profile already", body = ErrorBody),
        (status = 422, description = "Missing or bad field, unknown user or area, a user who is not a reporter", body = ErrorBody),
    ))]
pub(crate) async fn create_collaborator(
    State(state): State<AppState>,
    caller: Caller,
    body: JsonBody<NewCollaboratorBody>,
) -> Result<(StatusCode, Json<CollaboratorView>), AppError> {
    let now = Utc::now();
    let b = body.value;
    let user = match b.user {
        UserRef::Id(id) => UserName::Id(id),
        UserRef::Email(email) => UserName::Email(email),
    };
    let input = CollaboratorInput {
        kind: Some(b.kind),
        areas: b.areas,
        from: Some(b.from),
        until: b.until,
        active: b.active,
    };
    let id = state
        .store
        .create_collaborator(caller.user, user, input, now)
        .await?;
    let c = state.store.collaborator(caller.user, id, now).await?;
    Ok((StatusCode::CREATED, Json(CollaboratorView::of(c, now))))
}

/// Changes a profile; the whole profile is checked again.
#[utoipa::path(patch, path = "/api/v1/collaborators/{user_id}", tag = "opinion",
    security(("bearer" = []), ("session" = [])),
    params(("user_id" = i64, Path, description = "The collaborator's user id")),
    request_body = CollaboratorChangeBody,
    responses(
        (status = 200, body = CollaboratorView),
        (status = 403, description = "Neither an administrator nor a board officer, or an area outside the officer's", body = ErrorBody),
        (status = 404, description = "No profile the caller may change", body = ErrorBody),
        (status = 422, description = "Bad field, unknown area, a term ending before it begins", body = ErrorBody),
    ))]
pub(crate) async fn update_collaborator(
    State(state): State<AppState>,
    caller: Caller,
    Path(user_id): Path<i64>,
    body: JsonBody<CollaboratorChangeBody>,
) -> Result<Json<CollaboratorView>, AppError> {
    let now = Utc::now();
    let b = body.value;
    let patch = CollaboratorPatch {
        kind: b.kind,
        areas: b.areas,
        from: b.from,
        until: b.until,
        active: b.active,
    };
    state
        .store
        .update_collaborator(caller.user, user_id, patch, now)
        .await?;
    let c = state.store.collaborator(caller.user, user_id, now).await?;
    Ok(Json(CollaboratorView::of(c, now)))
}
