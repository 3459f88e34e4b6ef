//! Cases: filing, carrying out actions, reading them back. Every change is
//! one transaction: load, let `workflow` decide, compare-and-set the
//! version, append the events, enqueue the e-mails.

mod act;
mod code;
mod file;
mod input;
mod read;
mod row;

pub use input::{ActionInput, FileRequest};
pub use read::StoredEvent;
