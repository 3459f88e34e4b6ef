//! The HTTP API of `noicom serve` (SPEC §6.2), black-box, on both backends.

pub(crate) mod attachments;
mod auth;
mod cases;
mod conformance;
mod duties;
mod duty_admin;
mod errors;
mod filing_photos;
mod forwarded;
mod matrix;
mod metrics;
mod organisation;
mod password;
mod paths;
mod renames;
mod reports;
mod request_id;
mod reset_limit;
mod visibility;
