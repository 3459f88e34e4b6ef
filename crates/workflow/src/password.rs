//! The password policy (SPEC §6.3, §9): what a new password must be, for
//! a user changing their own, an administrator resetting one, or a
//! one-time reset link.

use crate::Refusal;

/// The fewest characters a new password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Whether `password` may become the password of the account `email`: at
/// least [`MIN_PASSWORD_CHARS`] characters (not bytes: Vietnamese letters
/// count once) and not the e-mail address itself, in any letter case.
/// `field` names the input in the refusal.
pub fn check_new_password(field: &'static str, email: &str, password: &str) -> Result<(), Refusal> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Refusal::PasswordTooShort {
            field,
            min: MIN_PASSWORD_CHARS,
        });
    }
    if password.trim().to_lowercase() == email.trim().to_lowercase() {
        return Err(Refusal::PasswordIsEmail { field });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_of_ten_characters_that_is_not_the_email_is_accepted() {
        assert_eq!(
            check_new_password("new_password", "a@b.vn", "mật-khẩu-đủ"),
            Ok(())
        );
    }

    #[test]
    fn nine_characters_are_too_few_even_with_diacritics() {
        // 9 characters, 14 bytes.
        assert_eq!(
            check_new_password("new_password", "a@b.vn", "đường-phố"),
            Err(Refusal::PasswordTooShort {
                field: "new_password",
                min: 10
            })
        );
    }

    #[test]
    fn the_email_is_refused_in_any_letter_case() {
        assert_eq!(
            check_new_password("password", "CanBo@Example.vn", "canbo@example.VN"),
            Err(Refusal::PasswordIsEmail { field: "password" })
        );
    }
}
