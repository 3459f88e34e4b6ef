//! The language of a request's answers. The pages speak Vietnamese
//! unless the visitor chose English: the `lang` cookie, written by the
//! pages' language switch and at sign-in from the user's own choice;
//! never `Accept-Language`, since officials often run English-language
//! browsers. The JSON API (SPEC §6.2) answers in the cookie's language,
//! else that of `Accept-Language`, Vietnamese by default. A middleware
//! keeps it for the time of the request so that every error, wherever it
//! is made, is rendered in it.

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

/// How long the browser keeps the choice: a year.
const KEPT_SECS: u32 = 365 * 24 * 60 * 60;

/// The language an API caller asked for: the `lang` cookie, else the
/// first tag of `Accept-Language`, if any.
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

/// The language chosen on this browser: that of the `lang` cookie, if it
/// names one.
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

/// The language of a request for `path`: the API's rule under the API,
/// the pages' elsewhere.
fn of_request(path: &str, headers: &HeaderMap) -> Lang {
    let asked = if crate::is_api(path) {
        requested(headers)
    } else {
        chosen(headers)
    };
    asked.unwrap_or_default()
}

/// The `Set-Cookie` value that keeps `lang` as this browser's choice.
pub(crate) fn cookie(lang: Lang, secure: bool) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age={KEPT_SECS}; SameSite=Lax{}",
        lang.code(),
        if secure { "; Secure" } else { "" }
    )
}

/// The language of the request being handled; Vietnamese outside one.
pub fn current() -> Lang {
    LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// Runs the rest of the stack with the request's language set.
pub async fn scope(request: Request, next: Next) -> Response {
    let lang = of_request(request.uri().path(), request.headers());
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

    #[test]
    fn pages_ignore_accept_language_and_follow_the_choice() {
        let english_browser = headers(&[("accept-language", "en-US,en;q=0.9")]);
        assert_eq!(of_request("/login", &english_browser), Lang::Vi);
        assert_eq!(of_request("/cases/HN-1", &english_browser), Lang::Vi);
        let chose_english = headers(&[("accept-language", "vi"), ("cookie", "lang=en")]);
        assert_eq!(of_request("/login", &chose_english), Lang::En);
    }

    #[test]
    fn the_api_follows_accept_language() {
        let english_client = headers(&[("accept-language", "en-US,en;q=0.9")]);
        assert_eq!(of_request("/api/v1/cases", &english_client), Lang::En);
        assert_eq!(of_request("/api/v1/cases", &headers(&[])), Lang::Vi);
    }

    #[test]
    fn the_choice_is_kept_a_year_and_secure_over_https() {
        let c = cookie(Lang::En, true);
        assert!(c.starts_with("lang=en;"), "{c}");
        assert!(c.contains("Max-Age=31536000") && c.contains("SameSite=Lax"));
        assert!(c.contains("Secure"));
        assert!(!cookie(Lang::Vi, false).contains("Secure"));
    }
}
