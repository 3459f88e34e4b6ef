//! How long a search may be (SPEC §6.4; issue 13, finding 7). Every word of
//! a search becomes a condition of the query, and a query of a thousand
//! words was a 500 on SQLite ("Expression tree is too large") and a long
//! scan on PostgreSQL. People search with a few words, or paste a title:
//! the caps are far above either.

use crate::Refusal;

/// The most words a search may hold: a title of [`crate::MAX_TITLE_CHARS`]
/// pasted whole is rarely over 60 words, but one search needs only its
/// telling words, and each word costs a condition on both databases.
pub const MAX_SEARCH_WORDS: usize = 32;

/// The longest search, in characters: 32 long Vietnamese words with their
/// spaces and punctuation fit many times over.
pub const MAX_SEARCH_CHARS: usize = 500;

/// `q`, the text of a search, if it is short enough to run: at most
/// [`MAX_SEARCH_WORDS`] words and [`MAX_SEARCH_CHARS`] characters. Words
/// are counted as the search index splits them (runs of letters and
/// digits; a combining tone mark of decomposed input stays in its word).
pub fn check_search(q: &str) -> Result<(), Refusal> {
    // Words first: a pasted paragraph is told how many words it may hold.
    if word_count(q) > MAX_SEARCH_WORDS {
        return Err(Refusal::TooManyWords {
            field: "q",
            max: MAX_SEARCH_WORDS,
        });
    }
    if q.chars().count() > MAX_SEARCH_CHARS {
        return Err(Refusal::InputTooLong {
            field: "q",
            max: MAX_SEARCH_CHARS,
        });
    }
    Ok(())
}

/// Runs of letters and digits, as `store::fold::words` splits a search
/// after removing the diacritics of its decomposed form.
fn word_count(q: &str) -> usize {
    let in_word = |c: char| c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c);
    q.split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_of_thirty_two_words_runs_and_one_more_is_refused() {
        let words = |n: usize| vec!["đất"; n].join(" ");
        assert_eq!(check_search(&words(32)), Ok(()));
        assert_eq!(
            check_search(&words(33)),
            Err(Refusal::TooManyWords {
                field: "q",
                max: 32
            })
        );
    }

    #[test]
    fn words_are_split_like_the_index_splits_them() {
        assert_eq!(word_count("HN-2026-000123"), 3);
        assert_eq!(word_count("  Đất đai, (nổi cộm)! "), 4);
        assert_eq!(word_count(" -- "), 0);
        // "Đất đai" typed on a keyboard that sends decomposed letters.
        assert_eq!(word_count("\u{110}a\u{302}\u{301}t \u{111}ai"), 2);
    }

    #[test]
    fn a_search_longer_than_five_hundred_characters_is_refused() {
        let long = "a".repeat(501);
        assert_eq!(
            check_search(&long),
            Err(Refusal::InputTooLong {
                field: "q",
                max: 500
            })
        );
        assert_eq!(check_search(&"a".repeat(500)), Ok(()));
    }
}
