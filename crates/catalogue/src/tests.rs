//! The catalogue read as a translator would: every key has both
//! languages, and neither language is the other's copy.

use crate::{Entry, entries};
use std::collections::{BTreeSet, HashSet};

/// The words an entry quotes: the `{name}` placeholders of its text.
fn quoted(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// A letter only Vietnamese writes (ă â đ ê ô ơ ư and the toned vowels).
fn vietnamese_letter(c: char) -> bool {
    "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Texts that read the same in both languages.
const SAME_IN_BOTH: &[&str] = &["E-mail", "noicom"];

#[test]
fn every_key_is_written_once() {
    let mut seen = HashSet::new();
    let twice: Vec<&str> = entries()
        .map(|e| e.key)
        .filter(|k| !seen.insert(*k))
        .collect();
    assert!(twice.is_empty(), "keys written twice: {twice:?}");
}

#[test]
fn every_key_has_both_languages() {
    let blank: Vec<&Entry> = entries()
        .filter(|e| {
            e.vi.trim().is_empty()
                || e.en.trim().is_empty()
                || e.vi.trim() != e.vi
                || e.en.trim() != e.en
        })
        .collect();
    assert!(blank.is_empty(), "blank or untrimmed texts: {blank:#?}");
    let copied: Vec<&Entry> = entries()
        .filter(|e| e.vi == e.en && !SAME_IN_BOTH.contains(&e.vi))
        .collect();
    assert!(
        copied.is_empty(),
        "Vietnamese text copied as the English: {copied:#?}"
    );
}

/// The text outside “quotes”: English may quote Vietnamese on purpose.
fn unquoted(text: &str) -> String {
    text.split('“')
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('”').map_or("", |(_, rest)| rest)
            }
        })
        .collect()
}

#[test]
fn no_vietnamese_is_left_in_the_english() {
    let left: Vec<&Entry> = entries()
        .filter(|e| unquoted(e.en).chars().any(vietnamese_letter))
        .collect();
    assert!(
        left.is_empty(),
        "English texts with Vietnamese words: {left:#?}"
    );
}

#[test]
fn both_languages_quote_the_same_words() {
    let differ: Vec<&Entry> = entries().filter(|e| quoted(e.vi) != quoted(e.en)).collect();
    assert!(
        differ.is_empty(),
        "texts quoting different words: {differ:#?}"
    );
}

/// Two things that happen to share their words: each may be renamed on
/// its own (a priority and a risk level, a menu entry and an action…).
const HOMONYMS: &[(&str, &str)] = &[
    ("priority_high", "hotspot_risk_high"),
    ("source_press", "channel_press"),
    ("source_social_media", "channel_social_media"),
    ("source_meeting", "channel_meeting"),
    ("nav_file", "action_file"),
    ("time_to_answer", "deadline_answer"),
    ("time_to_resolve", "deadline_resolution"),
    ("duty_on_time", "deadline_on_time"),
    ("duty_late", "deadline_late"),
    ("source_collaborator", "collaborator_kind_collaborator"),
];

/// One thing, one key: the same words under a second key are a copy that
/// will drift, unless the two are different things (`HOMONYMS`).
#[test]
fn no_text_is_written_under_two_keys() {
    let mut seen = std::collections::HashMap::new();
    let twice: Vec<(&str, &str)> = entries()
        .filter_map(|e| seen.insert((e.vi, e.en), e.key).map(|first| (first, e.key)))
        .filter(|pair| !HOMONYMS.contains(pair))
        .collect();
    assert!(twice.is_empty(), "the same words under two keys: {twice:?}");
}
