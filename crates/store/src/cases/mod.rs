//! Cases: filing, carrying out actions, reading them back. Every change is
//! one transaction: load, let `workflow` decide, compare-and-set the
//! version, append the events, enqueue the e-mails (on PostgreSQL most
//! actions write those in one statement, [`act_at_once`]).

mod act;
mod act_at_once;
mod code;
mod file;
mod group_commit;
mod input;
pub(crate) mod list;
mod read;
mod resolve;
pub(crate) mod row;
mod search;
mod similar;
mod visible;

pub use file::Files;
pub(crate) use file::{prepare, write_once};
pub(crate) use group_commit::Writer;
pub use input::{ActionInput, FileRequest};
pub use list::{CaseFilter, CasePage, Cursor, MAX_LIMIT};
pub use read::StoredEvent;
pub(crate) use row::to_active;
pub(crate) use search::SearchSteps;
pub(crate) use visible::{escape_like, in_subtree, visible};
