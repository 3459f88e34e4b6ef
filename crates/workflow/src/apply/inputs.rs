//! Input checks shared by the actions: required text, lengths, id lists and
//! the inputs of directed communication.

use crate::{Channel, Orientation, Refusal, UnitRef};

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// The longest short text (a category code, an audience), in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 1_000;
/// The longest free text (description, answer, minutes…), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// A required text: trimmed, not blank, at most `max` characters.
pub(super) fn text(field: &'static str, value: &str, max: usize) -> Result<String, Refusal> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Refusal::MissingInput { field });
    }
    // Characters, not bytes: Vietnamese letters take two or three bytes.
    if trimmed.chars().count() > max {
        return Err(Refusal::InputTooLong { field, max });
    }
    Ok(trimmed.to_owned())
}

/// An optional text: blank counts as absent.
pub(super) fn optional_text(
    field: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, Refusal> {
    match value.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => text(field, t, max).map(Some),
        None => Ok(None),
    }
}

/// Ids of uploaded files: positive, each once (a repeated id is dropped,
/// order kept).
pub(super) fn ids(field: &'static str, ids: &[i64]) -> Result<Vec<i64>, Refusal> {
    if ids.iter().any(|id| *id <= 0) {
        return Err(Refusal::InvalidInput { field });
    }
    Ok(dedup(ids))
}

/// The inputs of `orient` and `add_orientation`: key messages, at least one
/// channel (each once), an audience, recipients that carry directed
/// communication (each once).
pub(super) fn orientation(input: &Orientation) -> Result<Orientation, Refusal> {
    let messages = text("messages", &input.messages, MAX_TEXT_CHARS)?;
    if input.channels.is_empty() {
        return Err(Refusal::MissingInput { field: "channels" });
    }
    let channels: Vec<Channel> = dedup(&input.channels);
    let audience = text("audience", &input.audience, MAX_SHORT_TEXT_CHARS)?;
    let mut recipients: Vec<UnitRef> = Vec::with_capacity(input.recipients.len());
    for unit in &input.recipients {
        crate::candidates::check_recipient(unit)?;
        if !recipients.iter().any(|r| r.id == unit.id) {
            recipients.push(unit.clone());
        }
    }
    Ok(Orientation {
        messages,
        channels,
        audience,
        share_with_reporter: input.share_with_reporter,
        recipients,
    })
}

/// The values in order, each once.
pub(super) fn dedup<T: PartialEq + Clone>(values: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(values.len());
    for value in values {
        if !out.contains(value) {
            out.push(value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_is_trimmed() {
        assert_eq!(text("title", "  Sạt lở  ", 300), Ok("Sạt lở".to_owned()));
    }

    #[test]
    fn blank_required_text_is_missing() {
        assert_eq!(
            text("title", " \n\t ", 300),
            Err(Refusal::MissingInput { field: "title" })
        );
    }

    #[test]
    fn text_length_counts_characters_not_bytes() {
        let title = "đ".repeat(300);
        assert!(text("title", &title, 300).is_ok());
        let too_long = "đ".repeat(301);
        assert_eq!(
            text("title", &too_long, 300),
            Err(Refusal::InputTooLong {
                field: "title",
                max: 300
            })
        );
    }

    #[test]
    fn blank_optional_text_is_absent() {
        assert_eq!(optional_text("text", Some("   "), 10), Ok(None));
        assert_eq!(optional_text("text", None, 10), Ok(None));
    }

    #[test]
    fn file_ids_must_be_positive_and_are_kept_once() {
        assert_eq!(ids("documents", &[3, 1, 3]), Ok(vec![3, 1]));
        assert_eq!(
            ids("documents", &[0]),
            Err(Refusal::InvalidInput { field: "documents" })
        );
    }
}
