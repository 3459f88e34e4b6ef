//! The web pages in a real headless Chromium (issue 5): the whole path of
//! a case from a phone-sized report to its closure, a refused action, a
//! sensitive case hidden from another commune, the language switch; the
//! leader's dashboard and annual report; the duties pages; photos with
//! a report and documents with an answer.

mod duties;
mod flow;
mod leader;
mod photos;
mod refusals;
