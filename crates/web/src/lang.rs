//! The language of a request's answers (SPEC §6.2): the `lang` cookie the
//! pages' language switch sets, else `Accept-Language`, Vietnamese by
//! default. A middleware keeps it for the time of the request so that
//! every error, wherever it is made, is rendered in it.

use axum::extract::Request;
use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use axum::middleware::Next;
use axum::response::Response;
use workflow::Lang;

tokio::task_local! {
    static LANG: Lang;
}

/// The cookie the language switch of the pages writes: `vi` or `en`.
pub const LANG_COOKIE: &str = "lang";

/// The language asked for: the `lang` cookie, else the first tag of
/// `Accept-Language`, if any.
pub fn requested(headers: &HeaderMap) -> Option<Lang> {
    chosen(headers).or_else(|| {
        headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
            .map(Lang::from_tag)
    })
}

/// The language of the `lang` cookie, if it names one.
fn chosen(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, value)| match value.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_cookie_overrides_accept_language_and_vietnamese_is_the_default() {
        assert_eq!(requested(&headers(&[])), None);
        assert_eq!(
            requested(&headers(&[("accept-language", "en-US,en;q=0.9")])),
            Some(Lang::En)
        );
        assert_eq!(
            requested(&headers(&[
                ("accept-language", "en-US"),
                ("cookie", "a=1; lang=vi")
            ])),
            Some(Lang::Vi)
        );
        assert_eq!(
            requested(&headers(&[
                ("cookie", "lang=fr"),
                ("accept-language", "en")
            ])),
            Some(Lang::En)
        );
    }
}
