//! Persistence of noicom: sea-orm entities and every query, shared by the web
//! server, the scheduler and the command line. Each public function is one
//! use case in one transaction; domain decisions are delegated to `workflow`.

pub mod admin;
pub mod alerts;
pub mod attachments;
mod audit;
pub mod auth;
pub mod bench;
pub mod bulletins;
mod cases;
pub mod collaborators;
pub mod conclusions;
mod connect;
mod counts;
pub mod credentials;
mod delivery;
pub mod directory;
pub mod duties;
pub mod entities;
mod error;
mod events;
mod fold;
pub mod history;
pub mod idempotency;
pub mod meetings;
mod need_to_know;
pub mod opinion_reports;
mod org;
mod org_cache;
pub mod orientations;
pub mod outbox;
pub mod outbox_admin;
mod preferences;
mod programmes;
pub mod purge;
mod reader;
mod reads;
pub mod reminders;
pub mod reports;
mod request_counts;
pub mod schedules;
pub mod search_index;
#[cfg(test)]
mod sqlite_build;
pub mod unreachable;

pub use cases::{
    ActionInput, CaseFilter, CasePage, Cursor, FileRequest, Files, MAX_LIMIT, StoredEvent,
};
pub use connect::Store;
pub use error::{Invalid, StoreError, Thing};
pub use fold::{fold, words};
