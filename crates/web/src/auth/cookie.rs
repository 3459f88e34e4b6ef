//! The session cookie: read from the `Cookie` header, written HttpOnly,
//! SameSite=Lax, and Secure when the site is served over HTTPS (SPEC §9).

use axum::http::header::COOKIE;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};

/// The cookie's name.
pub(crate) const SESSION_COOKIE: &str = "noicom_session";

/// The value of the cookie `name`, if the request has it.
pub(crate) fn read(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The `Set-Cookie` value that opens a session until `expires`.
pub(crate) fn session_cookie(
    value: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
    secure: bool,
) -> String {
    let max_age = (expires - now).num_seconds().max(0);
    format!(
        "{SESSION_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub(crate) fn clear_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_http_only_same_site_and_secure_over_https() {
        let now = Utc::now();
        let c = session_cookie("abc", now + chrono::TimeDelta::hours(1), now, true);
        assert!(c.starts_with("noicom_session=abc;"), "{c}");
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(c.contains("Max-Age=3600"));
        assert!(!session_cookie("abc", now, now, false).contains("Secure"));
    }

    #[test]
    fn the_session_is_found_among_other_cookies() {
        let request = axum::http::Request::builder()
            .header("cookie", "a=1; noicom_session=xyz; b=2")
            .body(())
            .unwrap();
        let (parts, ()) = request.into_parts();
        assert_eq!(read(&parts, SESSION_COOKIE).as_deref(), Some("xyz"));
    }
}
