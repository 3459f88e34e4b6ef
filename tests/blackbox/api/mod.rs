//! The HTTP API of `noicom serve` (SPEC §6.2), black-box, on both backends.

pub(crate) mod attachments;
mod auth;
mod cases;
mod collaborators;
mod conformance;
mod coordination;
mod duties;
mod duty_admin;
mod error_words;
mod errors;
mod file_names;
mod filing_photos;
mod forwarded;
mod inputs;
mod matrix;
mod metrics;
mod need_to_know;
mod organisation;
mod password;
mod paths;
mod renames;
mod report_csv;
mod reports;
mod request_id;
mod reset_limit;
mod thumbnails;
mod visibility;
