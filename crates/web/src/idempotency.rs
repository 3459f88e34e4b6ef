//! The `Idempotency-Key` header at the HTTP edge: which key, the hash of
//! the request it must match, and the answer of a replay. The store keeps
//! the key with the change in one transaction.

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppError;

/// The header's name.
pub(crate) const HEADER: &str = "idempotency-key";

/// The key of the request, if it has one: 1 to 255 visible ASCII
/// characters.
pub(crate) fn key(headers: &HeaderMap) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or_default().trim();
    let ok = !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic());
    if !ok {
        return Err(AppError::Invalid {
            field: "Idempotency-Key".to_owned(),
            detail: crate::error::Detail::IdempotencyKey,
        });
    }
    Ok(Some(key.to_owned()))
}

/// What a key must match on replay: the method, the path and the body.
pub(crate) fn request_hash(method: &Method, path: &str, body: &[u8]) -> String {
    let mut text = format!("{method} {path}\n").into_bytes();
    text.extend_from_slice(body);
    store::credentials::token_hash(&String::from_utf8_lossy(&text))
}

/// The stored answer, sent again.
pub(crate) fn replay(status: u16, body: String) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_must_be_short_visible_ascii() {
        let mut headers = HeaderMap::new();
        assert_eq!(key(&headers).unwrap(), None);
        headers.insert(HEADER, HeaderValue::from_static("abc-123"));
        assert_eq!(key(&headers).unwrap().as_deref(), Some("abc-123"));
        headers.insert(HEADER, HeaderValue::from_static("a b"));
        assert!(key(&headers).is_err());
    }

    #[test]
    fn the_hash_depends_on_path_and_body() {
        let a = request_hash(&Method::POST, "/api/v1/cases", b"{}");
        assert_ne!(a, request_hash(&Method::POST, "/api/v1/cases", b"{ }"));
        assert_ne!(
            a,
            request_hash(&Method::POST, "/api/v1/cases/1/actions", b"{}")
        );
    }
}
