//! The test harness: databases, running the binary, running the server, and
//! the organisation most tests start from.

pub mod api;
pub mod balancer;
pub mod browser;
pub mod cli;
pub mod documents;
pub mod failed_email;
pub mod files;
pub mod fixtures;
pub mod pages;
pub mod server;
pub mod smtp;
pub mod town;
pub mod worked_case;

pub use api::Client;
pub use cli::{noicom, noicom_in};
pub use server::Server;
pub use testkit::{Backend, TestDb};

pub(crate) use testkit::on_both_backends;
