//! sea-orm entities, one per table of `migrations/`. Written by hand to
//! match the migrations; the store's tests run every query on both backends.

#![allow(
    missing_docs,
    reason = "columns are documented by the migrations; the derives generate undocumented items"
)]
pub mod api_token;
pub mod area;
pub mod attachment;
pub mod audit_log;
pub mod case;
pub mod case_code_counter;
pub mod case_coordinating_unit;
pub mod case_event;
pub mod category;
pub mod collaborator;
pub mod collaborator_area;
pub mod document_number;
pub mod duty_file;
pub mod duty_instance;
pub mod duty_schedule;
pub mod hotspot_alert;
pub mod idempotency_key;
pub mod issued_document;
pub mod login_attempt;
pub mod meeting;
pub mod meeting_invitation;
pub mod opinion_item;
pub mod opinion_report;
pub mod org_generation;
pub mod orientation_link;
pub mod orientation_notice;
pub mod orientation_recipient;
pub mod outbox;
pub mod password_reset;
pub mod programme;
pub mod programme_item;
pub mod programme_party;
pub mod reminder_item;
pub mod request_count;
pub mod session;
pub mod unit;
pub mod unit_area;
pub mod user;
pub mod user_title;
