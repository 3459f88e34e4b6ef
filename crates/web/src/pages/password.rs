//! Passwords on the pages (SPEC §6.3): changing one's own, "forgot
//! password" from the sign-in page, and the page the e-mailed one-time
//! link opens. The same store calls as `routes::password` (the rule of a
//! new password is workflow's, each step audited by the store); the two
//! forms shown before sign-in carry the pre-session anti-forgery token.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;
use store::StoreError;

use super::error::PageError;
use super::form::Fields;
use super::layout::Layout;
use super::presession::Presession;
use super::session::Visitor;
use crate::client_ip::ClientAddress;
use crate::routes::password::{password_changed_message, reset_requested_message};
use crate::{AppError, AppState, lang};
use catalogue::Tr;

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/password", get(change_form).post(change))
        .route("/forgot-password", get(forgot_form).post(forgot))
        .route("/reset-password", get(reset_form).post(reset))
}

/// The message of a refused password form and the field at fault.
#[derive(Debug, Default)]
struct Refused {
    message: Option<String>,
    field: Option<String>,
}

impl Refused {
    /// The refusal of a store call, or the error page for anything that
    /// is not a refusal.
    fn of(err: StoreError) -> Result<(StatusCode, Refused), PageError> {
        let err = AppError::from(err);
        let (status, message, field) = err.shown(lang::current());
        if status != StatusCode::UNPROCESSABLE_ENTITY && status != StatusCode::CONFLICT {
            return Err(err.into());
        }
        Ok((
            status,
            Refused {
                message: Some(message),
                field,
            },
        ))
    }

    /// The new password and its repetition differ.
    fn differ(t: Tr) -> (StatusCode, Refused) {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Refused {
                message: Some(t.passwords_differ().to_owned()),
                field: Some("confirm_password".to_owned()),
            },
        )
    }

    /// The message beside `name`, if it is the field at fault.
    fn err(&self, name: &str) -> Option<&str> {
        match (&self.message, &self.field) {
            (Some(m), Some(f)) if f == name => Some(m),
            _ => None,
        }
    }

    /// The message when no field of the form is at fault.
    fn general(&self, fields: &[&str]) -> Option<&str> {
        match (&self.message, &self.field) {
            (Some(_), Some(f)) if fields.contains(&f.as_str()) => None,
            (Some(m), _) => Some(m),
            _ => None,
        }
    }
}

/// "Change my password".
#[derive(Template, WebTemplate)]
#[template(path = "password_change.html")]
struct ChangePage {
    l: Layout,
    /// After a change: what it did to the other sessions and tokens.
    done: Option<String>,
    r: Refused,
}

impl ChangePage {
    /// The message of a refusal that names none of the form's fields.
    fn general(&self) -> Option<&str> {
        self.r
            .general(&["current_password", "new_password", "confirm_password"])
    }
}

/// `?done=1`.
#[derive(Debug, Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

fn change_page(visitor: &Visitor, done: bool, r: Refused) -> ChangePage {
    let t = Tr(visitor.lang);
    ChangePage {
        l: Layout::new(visitor, t.change_password(), "/password", "/password"),
        done: done.then(|| password_changed_message(visitor.lang)),
        r,
    }
}

async fn change_form(visitor: Visitor, Query(q): Query<DoneQuery>) -> ChangePage {
    change_page(&visitor, q.done.is_some(), Refused::default())
}

async fn change(
    State(state): State<AppState>,
    visitor: Visitor,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    let new = fields.get("new_password");
    let (status, refused) = if new != fields.get("confirm_password") {
        Refused::differ(Tr(visitor.lang))
    } else {
        match state
            .store
            .change_password(
                &visitor.identity,
                fields.get("current_password"),
                new,
                &state.throttle,
                Utc::now(),
            )
            .await
        {
            Ok(_) => return Ok(Redirect::to("/password?done=1").into_response()),
            // Shown on the form like a refusal, with when to try again.
            Err(err @ StoreError::PasswordGuessesThrottled { .. }) => {
                let (status, message, _) = AppError::from(err).shown(visitor.lang);
                let refused = Refused {
                    message: Some(message),
                    field: None,
                };
                (status, refused)
            }
            Err(err) => Refused::of(err)?,
        }
    };
    Ok((status, change_page(&visitor, false, refused)).into_response())
}

/// A page shown before sign-in, with the pre-session cookie set when its
/// token is new.
fn anonymous_answer(
    state: &AppState,
    status: StatusCode,
    presession: &Presession,
    page: impl IntoResponse,
) -> Response {
    match presession.cookie(state.config.https()) {
        Some(cookie) => (status, [(SET_COOKIE, cookie)], page).into_response(),
        None => (status, page).into_response(),
    }
}

/// "Forgot password".
#[derive(Template, WebTemplate)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    l: Layout,
    token: String,
    sent: Option<String>,
    error: Option<String>,
    email: String,
}

/// `?sent=1`.
#[derive(Debug, Deserialize)]
struct SentQuery {
    sent: Option<String>,
}

fn forgot_page(token: &str, sent: bool, error: Option<String>, email: String) -> ForgotPage {
    let lang = lang::current();
    ForgotPage {
        l: Layout::anonymous(lang, Tr(lang).forgot_password(), "/forgot-password"),
        token: token.to_owned(),
        sent: sent.then(|| reset_requested_message(lang)),
        error,
        email,
    }
}

async fn forgot_form(
    State(state): State<AppState>,
    presession: Presession,
    Query(q): Query<SentQuery>,
) -> Response {
    let page = forgot_page(&presession.token, q.sent.is_some(), None, String::new());
    anonymous_answer(&state, StatusCode::OK, &presession, page)
}

async fn forgot(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    presession: Presession,
    fields: Fields,
) -> Result<Response, PageError> {
    let email = fields.get("email").trim().to_owned();
    if !presession.admits(fields.get("presession")) {
        let fresh = Presession::fresh();
        let message = Tr(lang::current()).form_forged().to_owned();
        let page = forgot_page(&fresh.token, false, Some(message), email);
        return Ok(anonymous_answer(
            &state,
            StatusCode::FORBIDDEN,
            &fresh,
            page,
        ));
    }
    // The same call, limits and answer as the API, whether or not the
    // address has an account.
    let requested = state
        .store
        .request_password_reset(&email, &client, &state.reset_limits, Utc::now())
        .await;
    match requested.map_err(AppError::from) {
        Ok(()) => Ok(Redirect::to("/forgot-password?sent=1").into_response()),
        Err(err) => {
            let (status, message, _) = err.shown(lang::current());
            if status != StatusCode::TOO_MANY_REQUESTS {
                return Err(err.into());
            }
            let page = forgot_page(&presession.token, false, Some(message), email);
            Ok(anonymous_answer(&state, status, &presession, page))
        }
    }
}

/// The page of the reset link.
#[derive(Template, WebTemplate)]
#[template(path = "password_reset.html")]
struct ResetPage {
    l: Layout,
    presession: String,
    token: String,
    r: Refused,
}

impl ResetPage {
    /// The message of a refusal that names none of the form's fields
    /// (a used, expired or unknown link names `token`).
    fn general(&self) -> Option<&str> {
        self.r.general(&["new_password", "confirm_password"])
    }

    /// Whether the link itself was refused.
    fn link_refused(&self) -> bool {
        self.r.field.as_deref() == Some("token")
    }
}

/// `?token=…`.
#[derive(Debug, Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

fn reset_page(presession: &str, token: String, r: Refused) -> ResetPage {
    let lang = lang::current();
    ResetPage {
        l: Layout::anonymous(lang, Tr(lang).choose_new_password(), "/reset-password"),
        presession: presession.to_owned(),
        token,
        r,
    }
}

async fn reset_form(
    State(state): State<AppState>,
    presession: Presession,
    Query(q): Query<TokenQuery>,
) -> Response {
    let token = q.token.unwrap_or_default();
    let page = reset_page(&presession.token, token, Refused::default());
    anonymous_answer(&state, StatusCode::OK, &presession, page)
}

async fn reset(
    State(state): State<AppState>,
    presession: Presession,
    fields: Fields,
) -> Result<Response, PageError> {
    let token = fields.get("token").to_owned();
    let t = Tr(lang::current());
    if !presession.admits(fields.get("presession")) {
        let fresh = Presession::fresh();
        let refused = Refused {
            message: Some(t.form_forged().to_owned()),
            field: None,
        };
        let page = reset_page(&fresh.token, token, refused);
        return Ok(anonymous_answer(
            &state,
            StatusCode::FORBIDDEN,
            &fresh,
            page,
        ));
    }
    let new = fields.get("new_password");
    let (status, refused) = if new != fields.get("confirm_password") {
        Refused::differ(t)
    } else {
        match state
            .store
            .confirm_password_reset(&token, new, Utc::now())
            .await
        {
            Ok(()) => return Ok(Redirect::to("/login?reset=1").into_response()),
            Err(err) => Refused::of(err)?,
        }
    };
    let page = reset_page(&presession.token, token, refused);
    Ok(anonymous_answer(&state, status, &presession, page))
}
