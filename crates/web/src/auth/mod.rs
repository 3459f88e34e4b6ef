//! Who is calling: the [`Caller`] extractor every API handler takes, from
//! a bearer token or the session cookie, with CSRF protection for unsafe
//! requests that come with the cookie.

pub(crate) mod cookie;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, header};
use chrono::Utc;
use store::StoreError;
use store::auth::{Credential, Identity};
use subtle::ConstantTimeEq;
use workflow::{Lang, Role, UnitId, UserId};

use crate::{AppError, AppState, lang};

pub(crate) use cookie::{SESSION_COOKIE, clear_cookie, session_cookie};

/// The header a browser repeats the CSRF token of its session in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The signed-in user of a request. A request without a valid credential
/// is refused with 401 before the handler runs.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The user.
    pub user: UserId,
    /// Their role.
    pub role: Role,
    /// Their unit.
    pub unit: UnitId,
    /// The language of the answer: `Accept-Language`, else the user's own.
    pub lang: Lang,
    /// Everything known about them and the credential used.
    pub identity: Identity,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, AppError> {
        let now = Utc::now();
        let identity = if let Some(token) = bearer(parts) {
            state.store.authenticate_token(&token, now).await?
        } else if let Some(value) = cookie::read(parts, SESSION_COOKIE) {
            let identity = state.store.authenticate_session(&value, now).await?;
            if !is_safe(&parts.method) {
                check_csrf(parts, &identity)?;
            }
            identity
        } else {
            return Err(StoreError::Unauthenticated.into());
        };
        Ok(Caller {
            user: identity.user,
            role: identity.role,
            unit: identity.unit,
            lang: lang::requested(&parts.headers).unwrap_or(identity.lang),
            identity,
        })
    }
}

/// The token of `Authorization: Bearer …`.
fn bearer(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// A cookie is sent by the browser whoever asks it to; the CSRF token is
/// only known to pages of this site, which repeat it in a header.
fn check_csrf(parts: &Parts, identity: &Identity) -> Result<(), AppError> {
    let Credential::Session { csrf, .. } = &identity.credential else {
        return Ok(());
    };
    let sent = parts
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if constant_time_eq(sent.as_bytes(), csrf.as_bytes()) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

/// Compares without stopping at the first difference, so the time taken
/// does not tell how much of a guessed token was right (the length is
/// not secret).
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_tokens_compare_equal_and_others_not() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn only_reading_methods_are_safe() {
        assert!(is_safe(&Method::GET));
        assert!(!is_safe(&Method::POST));
        assert!(!is_safe(&Method::DELETE));
    }
}
