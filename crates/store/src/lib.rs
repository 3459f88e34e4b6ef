//! Persistence of noicom: sea-orm entities and every query, shared by the web
//! server, the scheduler and the command line. Each public function is one
//! use case in one transaction; domain decisions are delegated to `workflow`.

mod connect;
pub mod entities;
mod error;
pub mod admin;
mod org;
pub mod credentials;
mod programmes;
mod cases;
mod events;
mod fold;
pub mod outbox;

pub use connect::Store;
pub use cases::{ActionInput, FileRequest, StoredEvent};
pub use error::StoreError;
pub use fold::fold;
