//! Why a field of a request is not valid, as a type rather than serde's
//! English, so that the API's message says it in the caller's language,
//! names the field by its form label and lists the accepted values by
//! their codes and labels.

use workflow::{Lang, Tr};

/// Why a field of a request is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// Required and absent.
    Missing,
    /// Not a field of this request.
    Unknown,
    /// A code the field does not take; `expected` are the codes it takes
    /// (empty when serde did not list them).
    UnknownValue {
        /// What was sent.
        value: String,
        /// The accepted codes.
        expected: Vec<String>,
    },
    /// A JSON value of the wrong kind.
    WrongType(Expected),
    /// A value of the right kind that the field does not take.
    Invalid,
    /// Text with a NUL character, which no user types.
    Nul,
    /// A whole number outside `from..=to`.
    Range {
        /// The smallest accepted.
        from: i64,
        /// The largest accepted.
        to: i64,
    },
    /// More files than one request takes.
    TooManyFiles(usize),
    /// A filing form with files that is not one `case` part and `file`
    /// parts.
    FileFormParts,
    /// An upload that is not exactly one `file` part.
    OneFilePart,
    /// An `Idempotency-Key` that is not 1–255 visible ASCII characters.
    IdempotencyKey,
    /// Not a year such as 2026.
    Year,
    /// Neither a day (`YYYY-MM-DD`) nor an RFC 3339 time.
    Date,
}

/// The kind of JSON value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Bool,
    /// An array.
    List,
    /// An object.
    Object,
    /// Something serde names otherwise.
    Other,
}

impl Expected {
    /// The kind serde names in "expected …".
    fn from_serde(expected: &str) -> Expected {
        let e = expected.trim();
        let integer = [
            "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "integer",
        ];
        if integer
            .iter()
            .any(|w| e == *w || e.contains(&format!("{w} ")))
        {
            Expected::Integer
        } else if e.contains("f64") || e.contains("f32") || e.contains("number") {
            Expected::Number
        } else if e.contains("string") || e.contains("char") {
            Expected::Text
        } else if e.contains("bool") {
            Expected::Bool
        } else if e.contains("sequence") || e.contains("array") || e.contains("tuple") {
            Expected::List
        } else if e.contains("map") || e.starts_with("struct") || e.contains("object") {
            Expected::Object
        } else {
            Expected::Other
        }
    }

    fn words(self, t: Tr) -> &'static str {
        match self {
            Expected::Text => t.json_text(),
            Expected::Integer => t.json_integer(),
            Expected::Number => t.json_number(),
            Expected::Bool => t.json_bool(),
            Expected::List => t.json_list(),
            Expected::Object => t.json_object(),
            Expected::Other => t.json_other(),
        }
    }
}

/// What serde said about a field, read from the fixed sentences of
/// `serde::de::Error`'s provided methods (serde_json keeps no other
/// record of them): the field it names, if any, and why.
pub(crate) fn from_serde(message: &str) -> (Option<String>, Detail) {
    // serde_json appends " at line … column …".
    let message = message.split(" at line ").next().unwrap_or(message);
    let quoted = |text: &str| text.split('`').nth(1).map(str::to_owned);
    let listed = |text: &str| -> Vec<String> {
        text.split_once("expected one of ")
            .or_else(|| text.split_once("expected "))
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        (quoted(rest), Detail::Missing)
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        (quoted(rest), Detail::Unknown)
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = quoted(rest).unwrap_or_default();
        let after = rest.splitn(3, '`').nth(2).unwrap_or_default();
        let expected = listed(after);
        (None, Detail::UnknownValue { value, expected })
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let expected = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        (None, Detail::WrongType(Expected::from_serde(expected)))
    } else {
        (None, Detail::Invalid)
    }
}

/// `label` and, where one is known, the label of each accepted code:
/// "urgent (Khẩn), high (Cao)".
fn accepted(field: &str, codes: &[String], lang: Lang) -> String {
    codes
        .iter()
        .map(|code| match workflow::value_label(field, code, lang) {
            Some(label) => format!("{code} ({label})"),
            None => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Detail {
    /// The message about `field` (as the client named it, maybe a path
    /// such as `channels[1]`) in `lang`.
    pub(crate) fn message(&self, field: &str, lang: Lang) -> String {
        let t = Tr(lang);
        // `channels[1]` is the field `channels`; `a.b` is `b` of `a`.
        let base = field
            .split('[')
            .next()
            .unwrap_or(field)
            .rsplit('.')
            .next()
            .unwrap_or(field);
        let label = workflow::field_label(base, lang).0;
        match self {
            Detail::Missing => t.error_missing_field(label),
            Detail::Unknown => t.error_unknown_field(field),
            Detail::UnknownValue { value, expected } if expected.is_empty() => {
                t.error_unknown_value(label, value)
            }
            Detail::UnknownValue { value, expected } => {
                t.error_unknown_value_of(label, value, accepted(base, expected, lang))
            }
            Detail::WrongType(kind) => t.error_wrong_type(label, kind.words(t)),
            Detail::Invalid => t.refusal_invalid_input(label),
            Detail::Nul => t.error_nul_character(label),
            Detail::Range { from, to } => t.error_out_of_range(label, from, to),
            Detail::TooManyFiles(n) => t.error_too_many_files(n),
            Detail::FileFormParts => t.error_file_form_parts().to_owned(),
            Detail::OneFilePart => t.error_one_file_part().to_owned(),
            Detail::IdempotencyKey => t.error_idempotency_key().to_owned(),
            Detail::Year => t.error_not_a_year(label),
            Detail::Date => t.error_not_a_date(label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_sentences_become_details() {
        assert_eq!(
            from_serde("missing field `description` at line 1 column 20"),
            (Some("description".to_owned()), Detail::Missing)
        );
        assert_eq!(
            from_serde("unknown field `colour`, expected one of `title`, `area`"),
            (Some("colour".to_owned()), Detail::Unknown)
        );
        assert_eq!(
            from_serde("unknown variant `hot`, expected one of `urgent`, `high`, `normal`"),
            (
                None,
                Detail::UnknownValue {
                    value: "hot".to_owned(),
                    expected: vec!["urgent".into(), "high".into(), "normal".into()],
                }
            )
        );
        assert_eq!(
            from_serde("invalid type: string \"x\", expected i64"),
            (None, Detail::WrongType(Expected::Integer))
        );
        assert_eq!(
            from_serde("invalid type: integer `3`, expected a string"),
            (None, Detail::WrongType(Expected::Text))
        );
        assert_eq!(
            from_serde("invalid type: string \"a\", expected a sequence"),
            (None, Detail::WrongType(Expected::List))
        );
    }

    #[test]
    fn the_message_names_the_field_by_its_label_and_the_accepted_values() {
        let hot = Detail::UnknownValue {
            value: "hot".to_owned(),
            expected: vec!["urgent".into(), "high".into(), "normal".into()],
        };
        assert_eq!(
            hot.message("priority", Lang::Vi),
            "“Mức độ ưu tiên” không nhận giá trị “hot”; các giá trị được nhận: \
             urgent (Khẩn), high (Cao), normal (Thường)."
        );
        assert_eq!(
            Detail::Missing.message("description", Lang::Vi),
            format!(
                "Thiếu “{}”.",
                workflow::InputField::Description.label(Lang::Vi)
            )
        );
        assert!(
            Detail::WrongType(Expected::List)
                .message("channels", Lang::En)
                .contains("a list")
        );
    }
}
