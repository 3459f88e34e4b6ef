//! The cursor pages of the JSON lists (`GET /cases`, `GET /duties`):
//! `cursor` and `limit` read one way, with the same 422s naming them.

use crate::AppError;

/// The page size when `limit` is absent.
pub(crate) const DEFAULT_LIMIT: u64 = 20;

/// The page a list request asks for: `cursor` read by `decode` (the list's
/// own cursor type) and `limit` from 1 to [`store::MAX_LIMIT`], by default
/// [`DEFAULT_LIMIT`]. A cursor `decode` does not recognise (another list's,
/// or garbage) and a limit out of range are 422s naming the parameter.
pub(crate) fn page_args<C>(
    cursor: Option<&str>,
    limit: Option<u64>,
    decode: impl FnOnce(&str) -> Option<C>,
) -> Result<(Option<C>, u64), AppError> {
    let cursor = match cursor {
        Some(text) => Some(decode(text).ok_or_else(|| AppError::Invalid {
            field: "cursor".to_owned(),
            detail: crate::error::Detail::Invalid,
        })?),
        None => None,
    };
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=store::MAX_LIMIT).contains(&limit) {
        return Err(AppError::Invalid {
            field: "limit".to_owned(),
            detail: crate::error::Detail::Range {
                from: 1,
                to: store::MAX_LIMIT as i64,
            },
        });
    }
    Ok((cursor, limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(text: &str) -> Option<u32> {
        text.parse().ok()
    }

    fn field(result: Result<(Option<u32>, u64), AppError>) -> String {
        match result {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_cursor_and_no_limit_is_the_first_page_of_the_default_size() {
        assert_eq!(
            page_args(None, None, digits).unwrap(),
            (None, DEFAULT_LIMIT)
        );
    }

    #[test]
    fn a_cursor_is_read_by_the_lists_own_decoder() {
        assert_eq!(
            page_args(Some("42"), Some(5), digits).unwrap(),
            (Some(42), 5)
        );
    }

    #[test]
    fn an_unreadable_cursor_names_the_cursor() {
        assert_eq!(field(page_args(Some("r2_7"), None, digits)), "cursor");
    }

    #[test]
    fn a_limit_outside_one_to_the_maximum_names_the_limit() {
        assert_eq!(field(page_args(None, Some(0), digits)), "limit");
        assert_eq!(
            field(page_args(None, Some(store::MAX_LIMIT + 1), digits)),
            "limit"
        );
        assert!(page_args(None, Some(store::MAX_LIMIT), digits).is_ok());
    }
}
