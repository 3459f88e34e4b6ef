//! Integration tests of the store on SQLite and PostgreSQL.

mod support;

mod act_files;
mod admin;
mod admin_audit;
mod alerts;
mod case_paths;
mod collaborators;
mod concurrency;
mod digests;
mod duties;
mod duties_continued;
mod duty_overdue;
mod filing_batches;
mod history;
mod meetings;
mod merged_into_index;
mod open_cases;
mod opinion_report_duty;
mod opinion_reports;
mod organisation_edits;
mod orientations;
mod orphans;
mod passwords;
mod purge;
mod queues;
mod refusals;
mod reminders;
mod report_names;
mod reports;
mod reset_limits;
mod search;
mod search_index;
mod sign_in_throttle;
mod unreachable;
mod visibility;
