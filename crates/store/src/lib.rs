//! Persistence of noicom: sea-orm entities and every query, shared by the web
//! server, the scheduler and the command line. Each public function is one
//! use case in one transaction; domain decisions are delegated to `workflow`.

mod connect;
pub mod entities;
mod error;
pub mod admin;
mod org;
pub mod credentials;

pub use connect::Store;
pub use error::StoreError;
