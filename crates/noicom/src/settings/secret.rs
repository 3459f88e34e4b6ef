//! URLs that may carry a password (database, SMTP): usable by the code that
//! connects, but printed with the password masked, so no `{:?}` of the
//! settings and no log line ever shows a credential (SPEC §9).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A URL whose password part is never printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretUrl(String);

impl SecretUrl {
    /// Wraps a URL.
    pub fn new(url: impl Into<String>) -> SecretUrl {
        SecretUrl(url.into())
    }

    /// The URL with its credentials, for the code that connects.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL with the password of the user part and any `password=` query
    /// value replaced by `***`.
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.redacted())
    }
}

impl fmt::Display for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    // The last '@' ends the user part: a password may itself contain '@'.
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => format!("{user_info}@{host}"),
        },
        None => authority.to_owned(),
    };
    format!("{scheme}://{authority}{}", redact_query(tail))
}

fn redact_query(tail: &str) -> String {
    let Some((path, query)) = tail.split_once('?') else {
        return tail.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if key.to_ascii_lowercase().contains("pass") => format!("{key}=***"),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_of_the_user_part_is_masked() {
        let url = SecretUrl::new("smtps://mailer:p@ss:w0rd@mail.example.vn:465");
        assert_eq!(url.redacted(), "smtps://mailer:***@mail.example.vn:465");
        assert!(!format!("{url:?}").contains("w0rd"));
    }

    #[test]
    fn a_password_in_the_query_is_masked() {
        let url = SecretUrl::new("postgres://app@db/noicom?sslmode=require&password=hunter2");
        assert_eq!(
            url.redacted(),
            "postgres://app@db/noicom?sslmode=require&password=***"
        );
    }

    #[test]
    fn a_url_without_credentials_is_unchanged() {
        let url = "sqlite://data/noicom.db?mode=rwc";
        assert_eq!(SecretUrl::new(url).redacted(), url);
        assert_eq!(SecretUrl::new(url).expose(), url);
    }
}
