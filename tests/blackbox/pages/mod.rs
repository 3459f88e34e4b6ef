//! The pages over plain HTTP, black-box, on both backends: where their
//! redirects may lead, the language they speak, and how large a form with
//! files may be (issue 13).

mod form_limit;
mod language;
mod plain_words;
mod redirects;
