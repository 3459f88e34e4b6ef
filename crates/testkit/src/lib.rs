//! Test support shared by the store, web, scheduler and black-box tests and
//! the benches: one [`TestDb`], one macro that runs a test on both backends
//! ([`on_both_backends!`]) one small organisation ([`org`]) and the case filed in it ([`case`]). Only ever a
//! dev-dependency: nothing here belongs in the product.

pub mod case;
mod db;
pub mod org;

pub use db::{Backend, TestDb, sqlite_url};

/// Makes two tests of each `async fn name(db: TestDb)`: `name::sqlite` and
/// `name::postgres`, each with its own fresh database. The test names are
/// what people filter on (`cargo test -- name::postgres`): keep the shape.
///
/// `on_both_backends!(a, b)` hands over an empty database ([`TestDb::new`])
/// on a current-thread runtime: the black-box tests run the binary on it,
/// which migrates it itself. `on_both_backends!(migrated: a, b)` hands over a
/// migrated database with a connected store ([`TestDb::migrated`]) on a
/// runtime with four workers: in-process tests run the store's work on the
/// test's own runtime, and the concurrency tests need it to be parallel.
#[macro_export]
macro_rules! on_both_backends {
    (migrated: $($test:ident),* $(,)?) => {$(
        mod $test {
            #[::tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$test($crate::TestDb::migrated($crate::Backend::Sqlite).await).await
            }

            #[::tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::$test($crate::TestDb::migrated($crate::Backend::Postgres).await).await
            }
        }
    )*};
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[::tokio::test]
            async fn sqlite() {
                super::$test($crate::TestDb::new($crate::Backend::Sqlite).await).await;
            }

            #[::tokio::test]
            async fn postgres() {
                super::$test($crate::TestDb::new($crate::Backend::Postgres).await).await;
            }
        }
    )*};
}
