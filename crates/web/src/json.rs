//! Reading JSON bodies and query strings so that every failure has the
//! error shape of SPEC §6.2: not JSON → 400, a missing, unknown or
//! ill-typed field → 422 naming it, too large → 413, not
//! `application/json` → 415.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::AppError;
use crate::error::{Detail, from_serde};

/// A JSON body parsed into `T`, with its bytes (for the idempotency hash).
pub struct JsonBody<T> {
    /// The parsed value.
    pub value: T,
    /// The body as sent.
    pub raw: Bytes,
}

impl<T, S> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().starts_with("application/json"));
        if !json {
            return Err(AppError::NotJson);
        }
        let raw = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| AppError::Status(rejection.status()))?;
        let value = parse(&raw)?;
        Ok(JsonBody { value, raw })
    }
}

/// A JSON body on a route whose body limit is that of its files (a
/// filing, a duty's submission): without files the body keeps the JSON
/// limit, refused on its announced length before any of it is read.
pub(crate) async fn json_within_limit<T, S>(
    request: Request,
    state: &S,
) -> Result<JsonBody<T>, AppError>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    use axum::http::StatusCode;
    use axum::http::header::CONTENT_LENGTH;
    let announced = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|length| length > crate::MAX_JSON_BYTES) {
        return Err(AppError::Status(StatusCode::PAYLOAD_TOO_LARGE));
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, crate::MAX_JSON_BYTES)
        .await
        .map_err(|_| AppError::Status(StatusCode::PAYLOAD_TOO_LARGE))?;
    let request = Request::from_parts(parts, axum::body::Body::from(bytes));
    JsonBody::<T>::from_request(request, state).await
}

/// Parses JSON bytes into `T` with the error of SPEC §6.2.
pub fn parse<T: DeserializeOwned>(raw: &[u8]) -> Result<T, AppError> {
    let value: Value = serde_json::from_slice(raw).map_err(|err| match err.classify() {
        serde_json::error::Category::Data => invalid("", &err.to_string()),
        _ => AppError::BadJson {
            line: err.line(),
            column: err.column(),
        },
    })?;
    from_value(value)
}

/// Converts a JSON value into `T` with the error of SPEC §6.2.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, AppError> {
    if let Some(path) = nul_in(&value, String::new()) {
        return Err(AppError::Invalid {
            field: path,
            detail: Detail::Nul,
        });
    }
    let fields = value.clone();
    serde_path_to_error::deserialize(value).map_err(|err| {
        let mut path = err.path().to_string();
        let message = err.into_inner().to_string();
        if let Some(field) = holder_of_unknown_value(&fields, &message) {
            path = field;
        }
        invalid(&path, &message)
    })
}

/// The path of the first string (or object key) holding a NUL character:
/// no user types one, and PostgreSQL cannot store it, so it would
/// otherwise fail deep in a transaction instead of at the door.
fn nul_in(value: &Value, path: String) -> Option<String> {
    let here = |path: String| {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(here(path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| nul_in(item, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if key.contains('\0') {
                Some(here(path.clone()))
            } else {
                nul_in(item, inner)
            }
        }),
        _ => None,
    }
}

/// The top-level field holding the unknown enum value serde complains
/// about. An internally tagged enum (an action and its input) is read from
/// a buffer that loses the path, so an unknown channel in `channels` would
/// otherwise be blamed on `action`.
fn holder_of_unknown_value(value: &Value, message: &str) -> Option<String> {
    let unknown = message
        .strip_prefix("unknown variant `")?
        .split('`')
        .next()?;
    let holds = |v: &Value| match v {
        Value::String(s) => s == unknown,
        Value::Array(items) => items.iter().any(|i| i.as_str() == Some(unknown)),
        _ => false,
    };
    value
        .as_object()?
        .iter()
        .find(|(name, v)| name.as_str() != "action" && holds(v))
        .map(|(name, _)| name.clone())
}

/// A 422 naming the field: serde names a missing or unknown field in
/// back-quotes, an unknown enum value (such as an action) by its tag, and
/// anything else by its path.
pub(crate) fn invalid(path: &str, message: &str) -> AppError {
    let (named, detail) = from_serde(message);
    let field = match (named, &detail) {
        (Some(field), Detail::Missing | Detail::Unknown) => field,
        (_, Detail::UnknownValue { .. }) if path == "." || path.is_empty() => "action".to_owned(),
        _ => path.to_owned(),
    };
    let field = if field == "." || field.is_empty() {
        "body".to_owned()
    } else {
        field
    };
    AppError::Invalid { field, detail }
}

/// A query string parsed into `T`: an unknown or ill-typed parameter is a
/// 422 naming it.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let query = parts.uri.query().unwrap_or_default();
        let pairs = form_urlencoded::parse(query.as_bytes());
        if let Some((name, _)) = pairs
            .clone()
            .find(|(n, v)| n.contains('\0') || v.contains('\0'))
        {
            return Err(AppError::Invalid {
                field: name.into_owned(),
                detail: Detail::Nul,
            });
        }
        let de = serde_urlencoded::Deserializer::new(pairs);
        serde_path_to_error::deserialize(de)
            .map(ApiQuery)
            .map_err(|err| {
                let path = err.path().to_string();
                invalid(&path, &err.into_inner().to_string())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only parsed")]
    struct Body {
        title: String,
        count: i64,
    }

    fn field_of(raw: &str) -> String {
        match parse::<Body>(raw.as_bytes()) {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_unknown_and_ill_typed_fields_are_named() {
        assert_eq!(field_of(r#"{"count":1}"#), "title");
        assert_eq!(field_of(r#"{"title":"a","count":1,"extra":2}"#), "extra");
        assert_eq!(field_of(r#"{"title":"a","count":"x"}"#), "count");
    }

    #[test]
    fn a_nul_character_is_refused_naming_its_field() {
        assert_eq!(field_of(r#"{"title":"a\u0000b","count":1}"#), "title");
        let nested = from_value::<serde_json::Value>(serde_json::json!({"a": [{"b": "x\u{0}"}]}));
        assert!(
            matches!(&nested, Err(AppError::Invalid { field, .. }) if field == "a[0].b"),
            "{nested:?}"
        );
    }

    #[test]
    fn broken_json_is_a_bad_request() {
        assert!(matches!(
            parse::<Body>(b"{\"title\":"),
            Err(AppError::BadJson { .. })
        ));
    }
}
