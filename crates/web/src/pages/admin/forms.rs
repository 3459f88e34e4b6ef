//! A refused admin form shown again: the message beside the field the
//! refusal names (or above the form), what was typed kept, the status of
//! the refusal. Only refusals (409, 422…) come back this way; a missing
//! session, a forbidden page or a server error is the usual error page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use store::{Invalid, StoreError};
use workflow::Lang;

use super::super::error::PageError;
use super::super::form::Fields;
use crate::AppError;

/// A choice of a select list or a group of checkboxes.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    /// Its code.
    pub code: String,
    /// What it shows.
    pub label: String,
    /// Whether it is ticked before anything is typed.
    pub on: bool,
}

impl Choice {
    /// A choice not ticked.
    pub(crate) fn new(code: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            code: code.into(),
            label: label.into(),
            on: false,
        }
    }
}

/// The one form of a page that was refused, if any.
#[derive(Debug, Default)]
pub(crate) struct Forms {
    refused: Option<Refused>,
}

#[derive(Debug)]
struct Refused {
    form: String,
    field: Option<String>,
    message: String,
    fields: Fields,
}

impl Forms {
    /// The message of `form`'s refusal when it names no field (otherwise
    /// it stands beside that field).
    pub(crate) fn message(&self, form: &str) -> Option<&str> {
        self.refused
            .as_ref()
            .filter(|r| r.form == form && r.field.is_none())
            .map(|r| r.message.as_str())
    }

    /// Whether `form` was refused (its `<details>` is shown open, with a
    /// line above it saying so).
    pub(crate) fn open(&self, form: &str) -> bool {
        self.refused.as_ref().is_some_and(|r| r.form == form)
    }

    /// The message beside `name` of `form`, if it is the field at fault.
    pub(crate) fn err(&self, form: &str, name: &str) -> Option<&str> {
        self.refused
            .as_ref()
            .filter(|r| r.form == form && r.field.as_deref() == Some(name))
            .map(|r| r.message.as_str())
    }

    /// What `name` of `form` shows: what was typed if the form was
    /// refused, else `default`.
    pub(crate) fn kept(&self, form: &str, name: &str, default: &str) -> String {
        match self.refused.as_ref().filter(|r| r.form == form) {
            Some(r) => r.fields.get(name).to_owned(),
            None => default.to_owned(),
        }
    }

    /// Whether the choice `value` of `name` (a checkbox, a multiple select)
    /// is ticked: as sent if the form was refused, else `default` (by
    /// reference, as templates pass it).
    pub(crate) fn ticked(&self, form: &str, name: &str, value: &str, default: &bool) -> bool {
        match self.refused.as_ref().filter(|r| r.form == form) {
            Some(r) => r.fields.all(name).iter().any(|v| v == value),
            None => *default,
        }
    }
}

/// The whole number in `name`, `None` when left empty, or the refusal
/// naming the field.
pub(crate) fn number<T: std::str::FromStr>(
    fields: &Fields,
    name: &'static str,
) -> Result<Option<T>, StoreError> {
    let text = fields.get(name).trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| StoreError::Invalid {
        field: name,
        reason: Invalid::NotACount(text.to_owned()),
    })
}

/// A list of whole numbers in `name` ("14, 3"), `None` when left empty.
pub(crate) fn numbers(fields: &Fields, name: &'static str) -> Result<Option<Vec<u32>>, StoreError> {
    let text = fields.get(name).trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.split([',', ' ', ';'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse().map_err(|_| StoreError::Invalid {
                field: name,
                reason: Invalid::NotACount(part.to_owned()),
            })
        })
        .collect::<Result<Vec<u32>, _>>()
        .map(Some)
}

/// What became of a posted admin form: a redirect to `done` after
/// success, or the page again (made by `again`) with the refusal.
pub(crate) async fn settle<T, P: IntoResponse>(
    result: Result<T, StoreError>,
    form: &str,
    fields: Fields,
    lang: Lang,
    done: impl FnOnce(T) -> String,
    again: impl AsyncFnOnce(Forms) -> Result<P, PageError>,
) -> Result<Response, PageError> {
    let err = match result {
        Ok(value) => return Ok(Redirect::to(&done(value)).into_response()),
        Err(err) => AppError::from(err),
    };
    let (status, message, field) = err.shown(lang);
    let refusal = status == StatusCode::CONFLICT || status == StatusCode::UNPROCESSABLE_ENTITY;
    if !refusal {
        return Err(err.into());
    }
    let forms = Forms {
        refused: Some(Refused {
            form: form.to_owned(),
            field,
            message,
            fields,
        }),
    };
    Ok((status, again(forms).await?).into_response())
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;

    fn refused(field: Option<&str>) -> Forms {
        Forms {
            refused: Some(Refused {
                form: "new".to_owned(),
                field: field.map(str::to_owned),
                message: "“HN” đã tồn tại (code).".to_owned(),
                fields: Fields::parse(Bytes::from_static(
                    b"code=HN&name=H%C3%A0&serves=A&serves=B",
                )),
            }),
        }
    }

    #[test]
    fn the_refused_form_keeps_its_input_and_names_its_field() {
        let f = refused(Some("code"));
        assert_eq!(f.err("new", "code"), Some("“HN” đã tồn tại (code)."));
        assert_eq!(f.err("new", "name"), None);
        assert_eq!(f.err("edit", "code"), None);
        assert_eq!(f.kept("new", "name", "x"), "Hà");
        assert_eq!(f.kept("edit", "name", "x"), "x");
        assert!(f.ticked("new", "serves", "B", &false));
        assert!(!f.ticked("new", "serves", "C", &true));
        assert!(f.ticked("edit", "serves", "C", &true));
        assert!(f.open("new") && !f.open("edit"));
        assert_eq!(f.message("new"), None, "it stands beside its field");
        assert_eq!(
            refused(None).message("new"),
            Some("“HN” đã tồn tại (code).")
        );
    }

    #[test]
    fn numbers_are_read_or_refused_naming_their_field() {
        let f = Fields::parse(Bytes::from_static(b"a=12&b=&c=x1&d=14%2C+3&e=14%2Cz"));
        assert_eq!(number::<u32>(&f, "a").unwrap(), Some(12));
        assert_eq!(number::<u32>(&f, "b").unwrap(), None);
        assert!(matches!(
            number::<u32>(&f, "c"),
            Err(StoreError::Invalid { field: "c", .. })
        ));
        assert_eq!(numbers(&f, "d").unwrap(), Some(vec![14, 3]));
        assert_eq!(numbers(&f, "b").unwrap(), None);
        assert!(matches!(
            numbers(&f, "e"),
            Err(StoreError::Invalid { field: "e", .. })
        ));
    }

    #[test]
    fn nothing_is_refused_on_a_fresh_page() {
        let f = Forms::default();
        assert!(!f.open("new"));
        assert_eq!(f.kept("new", "code", "HN"), "HN");
    }
}
