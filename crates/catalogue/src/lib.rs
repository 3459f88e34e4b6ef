//! Every sentence a person reads in noicom — pages, labels, refusals,
//! errors, e-mails, documents, the command line — in Vietnamese and
//! English, each under one key.
//!
//! A key is a method of [`Tr`]: `Tr(lang).sign_in()`, or with the words
//! it quotes, `Tr(lang).mail_at(what, link)`. An entry is written with
//! both languages side by side, so a missing translation does not
//! compile, and [`entries`] lists them all for the tests that read the
//! catalogue as a translator would (no blank text, no Vietnamese left in
//! the English, the same quoted words in both).

mod lang;
#[macro_use]
mod messages;
mod alerts;
mod board_moves;
mod bulletin;
mod digest;
mod documents;
mod duty_words;
mod errors;
mod labels;
mod mail;
mod meetings;
mod opinion_reports;
mod orientation;
mod pages;
mod refusals;
mod report;
mod roster;
mod unreachable;

pub use lang::Lang;

/// The catalogue in one language; templates call `l.t.sign_in()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

/// One key of the catalogue with its two texts, as written.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The key: the name of the method of [`Tr`].
    pub key: &'static str,
    /// The Vietnamese text; `{name}` where a quoted word goes.
    pub vi: &'static str,
    /// The English text, quoting the same words.
    pub en: &'static str,
}

/// Every entry of the catalogue, grouped by where it is read.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    [
        pages::ENTRIES,
        bulletin::ENTRIES,
        pages::admin::ENTRIES,
        pages::leader::ENTRIES,
        pages::photos::ENTRIES,
        pages::desk::ENTRIES,
        errors::ENTRIES,
        labels::ENTRIES,
        refusals::ENTRIES,
        refusals::fields::ENTRIES,
        mail::ENTRIES,
        orientation::ENTRIES,
        meetings::ENTRIES,
        opinion_reports::ENTRIES,
        report::ENTRIES,
        board_moves::ENTRIES,
        digest::ENTRIES,
        duty_words::ENTRIES,
        unreachable::ENTRIES,
        documents::ENTRIES,
        roster::ENTRIES,
        alerts::ENTRIES,
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests;
