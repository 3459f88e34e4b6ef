//! An HTML form's body as posted (`application/x-www-form-urlencoded`):
//! every name with all its values, in order, so that a group of
//! checkboxes or a multiple select keeps all it sent.

use axum::extract::{FromRequest, Request};
use bytes::Bytes;

use super::error::PageError;
use crate::AppError;

/// The posted fields and the raw body (for the idempotency hash).
#[derive(Debug, Clone, Default)]
pub(crate) struct Fields {
    pairs: Vec<(String, String)>,
    /// The body as sent.
    pub raw: Bytes,
}

impl Fields {
    /// Parses a form body.
    pub(crate) fn parse(raw: Bytes) -> Fields {
        let pairs = form_urlencoded::parse(&raw).into_owned().collect();
        Fields { pairs, raw }
    }

    /// `fields` if no value holds a NUL character: as for JSON bodies, no
    /// user types one, and PostgreSQL cannot store one.
    pub(crate) fn checked(fields: Fields) -> Result<Fields, PageError> {
        if let Some((name, _)) = fields.pairs.iter().find(|(_, v)| v.contains('\0')) {
            return Err(AppError::Invalid {
                field: name.clone(),
                detail: crate::error::Detail::Nul,
            }
            .into());
        }
        Ok(fields)
    }

    /// The first value of `name`, or "".
    pub(crate) fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of `name`, blank ones too, in order: rows of a form
    /// whose fields are read side by side.
    pub(crate) fn rows(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every non-empty value of `name`.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Fields, PageError> {
        let raw = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| AppError::Status(rejection.status()))?;
        Fields::checked(Fields::parse(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_keep_every_value_and_plus_is_a_space() {
        let f = Fields::parse(Bytes::from_static(
            b"channels=press&channels=meeting&text=%C4%90%E1%BA%A5t+dai&empty=",
        ));
        assert_eq!(f.all("channels"), vec!["press", "meeting"]);
        assert_eq!(f.get("text"), "Đất dai");
        assert_eq!(f.get("missing"), "");
        assert!(f.all("empty").is_empty());
    }
}
