//! The anti-forgery token of the forms shown before sign-in (sign-in,
//! "forgot password", the reset link's page): without it another site
//! could post its own credentials through the visitor's browser and sign
//! them in to the attacker's account (login CSRF). The token lives in a
//! pre-session cookie that only this site can set or read, and every such
//! form repeats it in a hidden field; a post whose field does not match
//! its cookie is refused before anything is looked at.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rand::RngCore;

use crate::auth::constant_time_eq;
use crate::auth::cookie::read;

/// The cookie holding the token.
pub(crate) const PRESESSION_COOKIE: &str = "noicom_presession";

/// The visitor's pre-session token, made now when the request had none.
#[derive(Debug, Clone)]
pub(crate) struct Presession {
    /// The token, for the form's hidden field.
    pub token: String,
    /// Whether it was just made (the answer must set the cookie).
    pub fresh: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Presession {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Presession, Self::Rejection> {
        Ok(Presession::of_cookie(read(parts, PRESESSION_COOKIE)))
    }
}

impl Presession {
    /// The token of the cookie's value, or a new one without it.
    pub(crate) fn of_cookie(value: Option<String>) -> Presession {
        match value {
            Some(token) => Presession {
                token,
                fresh: false,
            },
            None => Presession::fresh(),
        }
    }

    /// A new random token.
    pub(crate) fn fresh() -> Presession {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Presession {
            token: hex::encode(bytes),
            fresh: true,
        }
    }

    /// Whether `sent` (the form's field) repeats the cookie's token. A
    /// token made for this very request (no cookie came) never matches.
    pub(crate) fn admits(&self, sent: &str) -> bool {
        !self.fresh && !sent.is_empty() && constant_time_eq(sent.as_bytes(), self.token.as_bytes())
    }

    /// The `Set-Cookie` value to send with a form, when the token is new.
    /// HttpOnly and SameSite=Lax: no script reads it and no other site's
    /// post carries it, while a link from a mail client to the reset page
    /// still finds the cookie of a sign-in page already open.
    pub(crate) fn cookie(&self, secure: bool) -> Option<String> {
        self.fresh.then(|| {
            format!(
                "{PRESESSION_COOKIE}={}; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax{}",
                self.token,
                if secure { "; Secure" } else { "" }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_cookies_own_token_is_admitted() {
        let kept = Presession {
            token: "abc123".to_owned(),
            fresh: false,
        };
        assert!(kept.admits("abc123"));
        assert!(!kept.admits("abc124"));
        assert!(!kept.admits(""));
        let fresh = Presession::fresh();
        assert!(!fresh.admits(&fresh.token.clone()), "no cookie came");
        assert_eq!(fresh.token.len(), 64);
    }

    #[test]
    fn the_cookie_is_set_only_when_new_and_is_same_site() {
        let fresh = Presession::fresh();
        let cookie = fresh.cookie(true).unwrap();
        assert!(cookie.starts_with(&format!("{PRESESSION_COOKIE}={};", fresh.token)));
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(cookie.contains("Secure"));
        let kept = Presession {
            token: fresh.token,
            fresh: false,
        };
        assert!(kept.cookie(false).is_none());
    }
}
