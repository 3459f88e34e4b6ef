//! The language of a request's answers (SPEC §6.2): `Accept-Language`,
//! Vietnamese by default. A middleware keeps it for the time of the
//! request so that every error, wherever it is made, is rendered in it.

use axum::extract::Request;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use workflow::Lang;

tokio::task_local! {
    static LANG: Lang;
}

/// The language asked for by `Accept-Language` (its first tag), if any.
pub fn requested(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(Lang::from_tag)
}

/// The language of the request being handled; Vietnamese outside one.
pub fn current() -> Lang {
    LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// Runs the rest of the stack with the request's language set.
pub async fn scope(request: Request, next: Next) -> Response {
    let lang = requested(request.headers()).unwrap_or_default();
    LANG.scope(lang, next.run(request)).await
}
