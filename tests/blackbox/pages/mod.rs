//! The pages over plain HTTP, black-box, on both backends: where their
//! redirects may lead and the language they speak (issue 13).

mod language;
mod redirects;
