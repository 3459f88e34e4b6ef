//! The test harness: databases, running the binary, running the server, and
//! the organisation most tests start from.

pub mod api;
pub mod browser;
pub mod cli;
pub mod db;
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
pub use db::{Backend, TestDb};
pub use server::Server;

/// Makes two tests of each `async fn name(db: TestDb)`: `name::sqlite` and
/// `name::postgres`, each with its own fresh database.
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test]
            async fn sqlite() {
                super::$test($crate::support::TestDb::new($crate::support::Backend::Sqlite).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                super::$test($crate::support::TestDb::new($crate::support::Backend::Postgres).await).await;
            }
        }
    )*};
}

pub(crate) use on_both_backends;
