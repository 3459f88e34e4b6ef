//! Links that carry a list's filters on to its next or first page: the
//! query string is serialised from a typed struct, so every value is
//! encoded and no filter is spelt by hand.

use serde::Serialize;

/// `path`, with `?` and the query string of `query` when it has any
/// field to send (fields that are not sent are skipped by the struct's
/// own `skip_serializing_if`).
pub(crate) fn with_query(path: &str, query: &impl Serialize) -> String {
    // The queries of the pages are flat structs of strings, which always
    // serialise; should one ever fail, the link leads to the unfiltered
    // list rather than to an error page.
    match serde_urlencoded::to_string(query) {
        Ok(text) if !text.is_empty() => format!("{path}?{text}"),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Filters<'a> {
        #[serde(skip_serializing_if = "str::is_empty")]
        q: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        cursor: Option<&'a str>,
    }

    #[test]
    fn set_fields_are_encoded_in_their_order_and_empty_ones_left_out() {
        let link = with_query(
            "/cases",
            &Filters {
                q: "đất đai & nhà",
                cursor: Some("1_2"),
            },
        );
        assert_eq!(
            link,
            "/cases?q=%C4%91%E1%BA%A5t+%C4%91ai+%26+nh%C3%A0&cursor=1_2"
        );
    }

    #[test]
    fn no_field_set_is_the_bare_path() {
        let link = with_query(
            "/duties",
            &Filters {
                q: "",
                cursor: None,
            },
        );
        assert_eq!(link, "/duties");
    }
}
