//! Who is calling: signing in with e-mail and password (a session for the
//! browser and a bearer token), recognising a bearer token or a session
//! cookie on each request, signing out and revoking tokens.

mod attempts;
mod ending;
mod identity;
mod password;
mod reset_request;
mod sign_in;
mod tokens;

use chrono::{DateTime, Utc};
use workflow::{Lang, Role, UnitId, UserId};

pub use ending::Ended;
pub(crate) use ending::end_credentials;
pub use password::{PASSWORD_RESET, RESET_LINK_MINUTES};
pub use sign_in::{SignIn, SignedIn};
pub use tokens::TokenInfo;

/// The credential a request came with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `Authorization: Bearer …`: an API token (row id).
    Token(i64),
    /// The session cookie: the session (row id) and its CSRF token, which
    /// unsafe requests must repeat in a header.
    Session {
        /// Row id.
        id: i64,
        /// The CSRF token given at sign-in.
        csrf: String,
    },
}

/// A signed-in user as a request sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The user.
    pub user: UserId,
    /// Their e-mail.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Role,
    /// Their unit.
    pub unit: UnitId,
    /// Their preferred language.
    pub lang: Lang,
    /// How they proved it.
    pub credential: Credential,
    /// The generation of the organisation read when they were recognised.
    pub org_generation: i64,
}

impl Identity {
    /// The caller as the use cases of their request take them: with the
    /// organisation's generation already read, so that it is not read again.
    pub fn asker(&self) -> Asker {
        Asker {
            user: self.user,
            org_generation: Some(self.org_generation),
        }
    }
}

/// Who asks a use case: a user, and, for a request's caller, the
/// generation of the organisation read when they were recognised (the use
/// case then reads the organisation as of then, without a round trip).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asker {
    /// The user.
    pub user: UserId,
    pub(crate) org_generation: Option<i64>,
}

impl From<UserId> for Asker {
    fn from(user: UserId) -> Asker {
        Asker {
            user,
            org_generation: None,
        }
    }
}

/// How long a browser session lasts.
pub const SESSION_HOURS: i64 = 12;
/// How long a token issued at sign-in lasts (tokens from the command line
/// do not expire; they are revoked).
pub const SIGN_IN_TOKEN_DAYS: i64 = 30;

/// `last_used_at` is written at most this often per token or session, so
/// that reading does not take the write lock on every request.
const TOUCH_EVERY_SECS: i64 = 60;

fn stale(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|last| (now - last).num_seconds() >= TOUCH_EVERY_SECS)
}
