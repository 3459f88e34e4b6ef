//! Folding Vietnamese text for search (SPEC §6.4): lower case, no
//! diacritics, `đ` → `d`, so that "dat dai" finds "Đất đai".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded form of `text`: lower case, diacritics removed, `đ`/`Đ` as
/// `d`, runs of whitespace as one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The words of `text` as search indexes them: [`fold`]ed, every run of
/// characters that are neither letters nor digits as one space, so that
/// "HN-2026-000123" is the three words `hn 2026 000123` on both backends.
pub fn words(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fold, words};

    #[test]
    fn folding_removes_tones_marks_and_the_bar_of_d() {
        assert_eq!(fold("Đất đai"), "dat dai");
        assert_eq!(fold("vấn đề NỔI CỘM"), "van de noi com");
        assert_eq!(fold("  Giải   phóng\tmặt bằng "), "giai phong mat bang");
        assert_eq!(fold("HN-2026-000123"), "hn-2026-000123");
    }

    #[test]
    fn words_split_codes_and_punctuation() {
        assert_eq!(words("HN-2026-000123"), "hn 2026 000123");
        assert_eq!(
            words("Đất đai, (nổi cộm)!  12.5 ha"),
            "dat dai noi com 12 5 ha"
        );
        assert_eq!(words(" -- "), "");
    }
}
