//! Inputs parsed once into types that hold only valid values: a required
//! text of bounded length, an e-mail address. A store that takes these
//! needs no check of its own; each parse names the field it refuses.

use std::fmt;

use thiserror::Error;

use crate::{MAX_SHORT_TEXT_CHARS, MAX_TEXT_CHARS, Refusal};

/// A text that is trimmed, not blank, free of NUL (PostgreSQL text cannot
/// hold it) and at most `N` characters (characters, not bytes: Vietnamese
/// letters take two or three bytes).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NonBlankText<const N: usize>(String);

/// A name or a code: an area's, a unit's, a user's, a category's.
pub type ShortText = NonBlankText<MAX_SHORT_TEXT_CHARS>;

/// A free text: a duty's submission, a waiver's reason.
pub type LongText = NonBlankText<MAX_TEXT_CHARS>;

impl<const N: usize> NonBlankText<N> {
    /// The most characters.
    pub const MAX: usize = N;

    /// Parses the input `field`: blank is [`Refusal::MissingInput`], a NUL
    /// [`Refusal::InvalidInput`], more than `N` characters
    /// [`Refusal::InputTooLong`], in that order.
    pub fn parse(field: &'static str, value: &str) -> Result<Self, Refusal> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Refusal::MissingInput { field });
        }
        if value.contains('\0') {
            return Err(Refusal::InvalidInput { field });
        }
        if value.chars().count() > N {
            return Err(Refusal::InputTooLong { field, max: N });
        }
        Ok(NonBlankText(value.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl<const N: usize> fmt::Display for NonBlankText<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address, trimmed and lower-cased, with one `@` between a
/// non-empty local part and a domain that has a dot, and no white space.
/// Sign-in compares addresses in this form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

/// An input that is not an e-mail address. `Display` is the Vietnamese
/// reason; the store reports it on the field it came from.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", crate::Tr(crate::Lang::Vi).input_not_an_email(&self.value))]
pub struct NotAnEmail {
    /// The input, trimmed and lower-cased.
    pub value: String,
}

impl Email {
    /// Parses an address.
    pub fn parse(value: &str) -> Result<Email, NotAnEmail> {
        let email = value.trim().to_lowercase();
        let valid = matches!(email.split_once('@'), Some((local, domain))
            if !local.is_empty() && domain.contains('.') && !domain.contains('@'))
            && !email.contains(char::is_whitespace);
        if valid {
            Ok(Email(email))
        } else {
            Err(NotAnEmail { value: email })
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_required_text_is_trimmed() {
        let text = ShortText::parse("name", "  Phường Ba Đình \n").unwrap();
        assert_eq!(text.as_str(), "Phường Ba Đình");
    }

    #[test]
    fn a_blank_text_is_missing() {
        assert_eq!(
            ShortText::parse("name", " \t "),
            Err(Refusal::MissingInput { field: "name" })
        );
    }

    #[test]
    fn a_text_with_a_nul_is_invalid() {
        assert_eq!(
            LongText::parse("text", "a\0b"),
            Err(Refusal::InvalidInput { field: "text" })
        );
    }

    #[test]
    fn a_text_is_measured_in_characters_not_bytes() {
        assert!(NonBlankText::<3>::parse("code", "đđđ").is_ok());
        assert_eq!(
            NonBlankText::<3>::parse("code", "đđđđ"),
            Err(Refusal::InputTooLong {
                field: "code",
                max: 3
            })
        );
    }

    #[test]
    fn blank_is_judged_before_length() {
        let long_blank = " ".repeat(30);
        assert_eq!(
            NonBlankText::<3>::parse("code", &long_blank),
            Err(Refusal::MissingInput { field: "code" })
        );
    }

    #[test]
    fn an_email_is_trimmed_and_lower_cased() {
        let email = Email::parse("  TAND.KV1@Example.VN ").unwrap();
        assert_eq!(email.as_str(), "tand.kv1@example.vn");
    }

    #[test]
    fn an_email_needs_a_local_part_and_a_dotted_domain() {
        for bad in [
            "không-phải-email",
            "@example.vn",
            "a@localhost",
            "a@b@c.vn",
            "a b@c.vn",
            "",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_refused_email_says_what_was_given() {
        let err = Email::parse(" X@Y ").unwrap_err();
        assert_eq!(err.to_string(), "«x@y» không phải địa chỉ e-mail hợp lệ");
    }
}
