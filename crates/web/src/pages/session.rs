//! Who is looking at a page: the [`Visitor`] extractor reads the session
//! cookie only (pages never take bearer tokens) and sends a visitor
//! without a live session to the sign-in page, saying when it expired.
//! Forms carry the session's CSRF token in a hidden field, checked here.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::Utc;
use store::StoreError;
use store::auth::{Credential, Identity};
use workflow::Lang;

use super::error::PageError;
use crate::auth::cookie::read;
use crate::auth::{SESSION_COOKIE, constant_time_eq};
use crate::{AppError, AppState, lang};

/// A signed-in user of the pages.
#[derive(Debug, Clone)]
pub(crate) struct Visitor {
    /// Who, and the session.
    pub identity: Identity,
    /// The session's CSRF token, repeated by every form.
    pub csrf: String,
    /// The language of the page.
    pub lang: Lang,
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Visitor, PageError> {
        let next = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        let Some(cookie) = read(parts, SESSION_COOKIE) else {
            return Err(PageError::SignIn {
                expired: false,
                next,
            });
        };
        let identity = match state.store.authenticate_session(&cookie, Utc::now()).await {
            Ok(identity) => identity,
            Err(StoreError::Unauthenticated) => {
                return Err(PageError::SignIn {
                    expired: true,
                    next,
                });
            }
            Err(err) => return Err(AppError::from(err).into()),
        };
        let Credential::Session { csrf, .. } = &identity.credential else {
            return Err(AppError::from(StoreError::Unauthenticated).into());
        };
        Ok(Visitor {
            csrf: csrf.clone(),
            identity,
            lang: lang::current(),
        })
    }
}

impl Visitor {
    /// Refuses a form that does not repeat the session's CSRF token: a
    /// cookie is sent whoever asks the browser to, the token only by
    /// pages of this site.
    pub(crate) fn check_csrf(&self, sent: &str) -> Result<(), PageError> {
        if constant_time_eq(sent.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::Csrf.into())
        }
    }
}
