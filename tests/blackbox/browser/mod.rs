//! The web pages in a real headless Chromium (issue 5): the whole path of
//! a case from a phone-sized report to its closure, a refused action, a
//! sensitive case hidden from another commune, the language switch; the
//! leader's dashboard and annual report; the duties pages; photos with
//! a report and documents with an answer; the administrator's pages, the
//! password pages and the sign-in form's anti-forgery token; the offline
//! draft kept per user and removed at sign-out; Vietnamese pages for an
//! English-language browser.

mod admin;
mod agency;
mod board_desk;
mod board_moves;
mod drafts;
mod duties;
mod duties_continued;
mod flow;
mod language;
mod leader;
mod meetings;
mod need_to_know;
mod opinion_reports;
mod orientations;
mod passwords;
mod photos;
mod refusals;
mod reporter_phone;
mod roster;
mod screenshot_names;
mod sign_in_forgery;
mod triage_marks;
mod unreachable;
mod watch_list;
