//! `POST /cases/{id}/actions`: one action of SPEC §3.3 with the version
//! the caller saw, once per `Idempotency-Key`.

use axum::Json;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::Value;
use store::ActionInput;
use store::idempotency::{CaseAnswer, CaseOnce};
use utoipa::ToSchema;
use workflow::{Actor, Case, Command};

use crate::auth::Caller;
use crate::idempotency::{key, replay, request_hash};
use crate::json::{JsonBody, from_value};
use crate::routes::ErrorBody;
use crate::views::CaseView;
use crate::{AppError, AppState};

/// `{"action": "...", "version": N, ...input}`: the inputs of each action
/// are named as in SPEC §3.3 (`question`, `reason`, `lead_unit`, …);
/// units and the merge target by code. Documents the body with the
/// workflow's own `Command`; the handler reads it with [`split`] so that
/// an unknown field is named in the error.
#[derive(Debug, ToSchema)]
#[expect(dead_code, reason = "documents the body; the handler reads it as JSON")]
pub(crate) struct ActionBody {
    /// The case version the caller saw.
    version: i64,
    /// The action and its input.
    #[serde(flatten)]
    command: Command<String, String>,
}

/// Carries out an action.
#[utoipa::path(post, path = "/api/v1/cases/{id}/actions", tag = "cases",
    security(("bearer" = []), ("session" = [])),
    params(
        ("id" = String, Path, description = "Case id or code"),
        ("Idempotency-Key" = Option<String>, Header, description = "Same key and body: the first answer again; same key, other body: 422"),
    ),
    request_body = ActionBody,
    responses(
        (status = 200, description = "Done: the case as it is now", body = CaseView),
        (status = 403, description = "The caller may not do this (role, unit, jurisdiction)", body = ErrorBody),
        (status = 404, description = "No such case, or not visible to the caller", body = ErrorBody),
        (status = 409, description = "Stale version (with `current_version`), or wrong state", body = ErrorBody),
        (status = 422, description = "Missing, unknown or invalid input; reused key", body = ErrorBody),
    ))]
pub(crate) async fn act(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: JsonBody<Value>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let tz = state.policy.calendar.time_zone();
    let (version, input) = split(body.value)?;
    let key = key(&headers)?;
    let hash = request_hash(&Method::POST, uri.path(), &body.raw);
    let render = move |actor: &Actor, case: &Case| CaseView::json(actor, case, now, tz);
    let once = key.as_deref().map(|key| CaseOnce {
        key,
        request_hash: &hash,
        status: StatusCode::OK.as_u16(),
        render: std::sync::Arc::new(render),
    });
    let answer = state
        .store
        .act_once(
            caller.identity.asker(),
            &id,
            version,
            input,
            now,
            &state.policy,
            once.as_ref(),
        )
        .await?;
    Ok(match answer {
        CaseAnswer::Done { case, actor } => {
            Json(CaseView::new(&actor, &case, now, tz)).into_response()
        }
        CaseAnswer::Replay { status, body } => replay(status, body),
    })
}

/// The version, and the action with its input.
fn split(body: Value) -> Result<(i64, ActionInput), AppError> {
    let Value::Object(mut map) = body else {
        return Err(AppError::Invalid {
            field: "body".to_owned(),
            detail: crate::error::Detail::WrongType(crate::error::Expected::Object),
        });
    };
    let version = match map.remove("version") {
        Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or_default(),
        Some(_) => {
            return Err(AppError::Invalid {
                field: "version".to_owned(),
                detail: crate::error::Detail::WrongType(crate::error::Expected::Integer),
            });
        }
        None => {
            return Err(AppError::Invalid {
                field: "version".to_owned(),
                detail: crate::error::Detail::Missing,
            });
        }
    };
    Ok((version, from_value(Value::Object(map))?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(body: Value) -> String {
        match split(body) {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_version_and_the_input_are_taken_apart() {
        let (version, input) =
            split(json!({"action": "dismiss", "version": 3, "reason": "trùng"})).unwrap();
        assert_eq!(version, 3);
        assert_eq!(input.kind(), workflow::ActionKind::Dismiss);
    }

    #[test]
    fn a_missing_version_unknown_action_or_unknown_field_is_named() {
        assert_eq!(
            field(json!({"action": "dismiss", "reason": "x"})),
            "version"
        );
        assert_eq!(field(json!({"action": "explode", "version": 1})), "action");
        assert_eq!(field(json!({"version": 1})), "action");
        assert_eq!(
            field(json!({"action": "dismiss", "version": 1, "reason": "x", "extra": 1})),
            "extra"
        );
        assert_eq!(
            field(json!({"action": "orient", "version": 1, "messages": "m",
                "channels": ["press", "loa"], "audience": "a"})),
            "channels"
        );
    }
}
