//! What a page answers when it cannot show what was asked: the sign-in
//! page (no or expired session), or an error page in the site's style with
//! the status and the message of [`AppError`] in the visitor's language.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use workflow::Lang;

use super::layout::Layout;
use crate::{AppError, lang};
use catalogue::Tr;

/// Why a page is not shown.
#[derive(Debug)]
pub(crate) enum PageError {
    /// No live session: to the sign-in page, then back to `next`.
    SignIn {
        /// The session existed but has expired.
        expired: bool,
        /// The page asked for.
        next: String,
    },
    /// Anything else, shown as an error page.
    App(AppError),
}

impl From<AppError> for PageError {
    fn from(err: AppError) -> PageError {
        PageError::App(err)
    }
}

impl From<store::StoreError> for PageError {
    fn from(err: store::StoreError) -> PageError {
        match err {
            store::StoreError::Unauthenticated => PageError::SignIn {
                expired: true,
                next: "/".to_owned(),
            },
            err => PageError::App(err.into()),
        }
    }
}

/// The error page.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    heading: &'static str,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::SignIn { expired, next } => {
                let mut to = format!("/login?next={}", encode(&next));
                if expired {
                    to.push_str("&expired=1");
                }
                Redirect::to(&to).into_response()
            }
            PageError::App(err) => {
                let lang = lang::current();
                let (status, message, _) = err.shown(lang);
                error_page(status, message, lang)
            }
        }
    }
}

/// The error page for `status` with `message`.
pub(crate) fn error_page(status: StatusCode, message: String, lang: Lang) -> Response {
    let t = Tr(lang);
    let heading = match status {
        StatusCode::NOT_FOUND => t.error_title_404(),
        StatusCode::FORBIDDEN => t.error_title_403(),
        StatusCode::PAYLOAD_TOO_LARGE => t.error_title_413(),
        _ => t.error_title_other(),
    };
    let page = ErrorPage {
        l: Layout::anonymous(lang, heading, "/"),
        heading,
        message,
    };
    (status, page).into_response()
}

/// The error page for a bare status the framework answered with (an
/// unknown path, a wrong method…), with the API's message for it.
pub(crate) fn status_page(status: StatusCode) -> Response {
    let lang = lang::current();
    let (status, message, _) = AppError::Status(status).shown(lang);
    error_page(status, message, lang)
}

/// `text` for a query string.
pub(crate) fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
