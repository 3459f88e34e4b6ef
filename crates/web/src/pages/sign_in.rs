//! Signing in and out, the language switch, and the home page, which
//! sends each role to its own first page. The sign-in form carries the
//! pre-session anti-forgery token ([`Presession`]).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use store::StoreError;
use store::auth::SignIn;
use workflow::Lang;

use super::error::PageError;
use super::form::Fields;
use super::layout::{Layout, menu};
use super::presession::{PRESESSION_COOKIE, Presession};
use super::session::Visitor;
use crate::auth::cookie::read;
use crate::auth::{SESSION_COOKIE, clear_cookie, session_cookie};
use crate::{AppError, AppState, lang};
use catalogue::Tr;

/// The routes of this module.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/lang/{code}", get(switch_language))
}

/// The sign-in page.
#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
struct LoginPage {
    l: Layout,
    notice: Option<&'static str>,
    error: Option<String>,
    email: String,
    next: String,
    /// The pre-session anti-forgery token.
    token: String,
}

/// `?next=…&expired=1&out=1&reset=1`.
#[derive(Debug, Deserialize)]
struct LoginQuery {
    next: Option<String>,
    expired: Option<String>,
    out: Option<String>,
    reset: Option<String>,
}

/// The sign-in page answered with `status`, setting the pre-session
/// cookie when its token is new.
fn login_page(
    state: &AppState,
    status: StatusCode,
    presession: &Presession,
    notice: Option<&'static str>,
    error: Option<String>,
    email: String,
    next: String,
) -> Response {
    let lang = lang::current();
    let page = LoginPage {
        l: Layout::anonymous(lang, Tr(lang).sign_in(), "/login"),
        notice,
        error,
        email,
        next,
        token: presession.token.clone(),
    };
    match presession.cookie(state.config.https()) {
        Some(cookie) => (status, [(SET_COOKIE, cookie)], page).into_response(),
        None => (status, page).into_response(),
    }
}

async fn login_form(
    State(state): State<AppState>,
    presession: Presession,
    Query(query): Query<LoginQuery>,
) -> Response {
    let t = Tr(lang::current());
    let notice = if query.expired.is_some() {
        Some(t.session_expired())
    } else if query.out.is_some() {
        Some(t.signed_out())
    } else if query.reset.is_some() {
        Some(t.password_was_reset())
    } else if query.next.is_some() {
        Some(t.please_sign_in())
    } else {
        None
    };
    // An off-site target is dropped here, so the form does not carry it on.
    let next = query
        .next
        .as_deref()
        .and_then(workflow::same_site_path)
        .unwrap_or_default()
        .to_owned();
    login_page(
        &state,
        StatusCode::OK,
        &presession,
        notice,
        None,
        String::new(),
        next,
    )
}

async fn login(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Result<Response, PageError> {
    // The same address the API's sign-in counts failures and audits by.
    let address = crate::client_ip::client_address(
        request.extensions(),
        request.headers(),
        &state.config.trusted_proxies,
    );
    let (parts, body) = request.into_parts();
    let cookie = read(&parts, PRESESSION_COOKIE);
    let request = axum::extract::Request::from_parts(parts, body);
    let fields =
        <Fields as axum::extract::FromRequest<AppState>>::from_request(request, &state).await?;
    let email = fields.get("email").trim().to_owned();
    let next = workflow::redirect_target(fields.get("next")).to_owned();
    let kept_next = if next == "/" {
        String::new()
    } else {
        next.clone()
    };
    let presession = Presession::of_cookie(cookie);
    if !presession.admits(fields.get("presession")) {
        // Checked before the password: a forged post signs no one in
        // and costs no failed attempt to the account it names.
        let presession = Presession::fresh();
        let message = Tr(lang::current()).login_form_forged().to_owned();
        return Ok(login_page(
            &state,
            StatusCode::FORBIDDEN,
            &presession,
            None,
            Some(message),
            email,
            kept_next,
        ));
    }
    let now = Utc::now();
    let signed = state
        .store
        .sign_in(
            SignIn {
                email: email.clone(),
                password: fields.get("password").to_owned(),
                client: address,
            },
            &state.throttle,
            now,
        )
        .await;
    match signed {
        Ok(signed) => {
            let cookie = session_cookie(
                &signed.session_token,
                signed.session_expires_at,
                now,
                state.config.https(),
            );
            // The pages speak the language this user chose, not the one
            // the browser last showed: it may be another user's choice.
            let lang = state.store.preferred_lang(signed.user).await?;
            let lang = lang::cookie(lang, state.config.https());
            let cookies = AppendHeaders([(SET_COOKIE, cookie), (SET_COOKIE, lang)]);
            Ok((cookies, Redirect::to(&next)).into_response())
        }
        Err(err @ (StoreError::BadCredentials | StoreError::Throttled { .. })) => {
            let (status, message, _) = AppError::from(err).shown(lang::current());
            Ok(login_page(
                &state,
                status,
                &presession,
                None,
                Some(message),
                email,
                kept_next,
            ))
        }
        Err(err) => Err(err.into()),
    }
}

async fn logout(
    State(state): State<AppState>,
    visitor: Visitor,
    fields: Fields,
) -> Result<Response, PageError> {
    visitor.check_csrf(fields.get("csrf"))?;
    state.store.sign_out(&visitor.identity, Utc::now()).await?;
    Ok((
        [(SET_COOKIE, clear_cookie(state.config.https()))],
        Redirect::to("/login?out=1"),
    )
        .into_response())
}

/// `?back=/the/page`.
#[derive(Debug, Deserialize)]
struct Back {
    back: Option<String>,
}

/// Remembers the language on this browser for a year and, for a
/// signed-in user, with the user for their next sessions; then goes back
/// to the page.
async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(back): Query<Back>,
    parts: Parts,
) -> Result<Response, PageError> {
    let lang = match code.as_str() {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        _ => return Err(AppError::Status(StatusCode::NOT_FOUND).into()),
    };
    if let Some(session) = read(&parts, SESSION_COOKIE) {
        // An ended session still switches this browser's language.
        match state.store.authenticate_session(&session, Utc::now()).await {
            Ok(identity) => state.store.set_preferred_lang(identity.user, lang).await?,
            Err(StoreError::Unauthenticated) => {}
            Err(err) => return Err(err.into()),
        }
    }
    let back = workflow::redirect_target(back.back.as_deref().unwrap_or_default());
    let cookie = lang::cookie(lang, state.config.https());
    Ok(([(SET_COOKIE, cookie)], Redirect::to(back)).into_response())
}

/// Each role's first page.
async fn home(visitor: Visitor) -> Redirect {
    let first = menu(visitor.identity.role, Tr(visitor.lang))
        .first()
        .map_or("/cases", |(href, _)| *href);
    Redirect::to(first)
}
