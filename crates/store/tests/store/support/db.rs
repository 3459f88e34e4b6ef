//! A fresh, migrated database per test: an SQLite file in a temporary
//! directory, or a new PostgreSQL database that is dropped afterwards.
//! PostgreSQL must be reachable: a test fails, never skips, without it.

use sea_orm::{ConnectionTrait, Database};
use store::Store;

/// Which backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A migrated database that cleans up after itself.
pub struct TestDb {
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

/// The server-level URL used to create and drop test databases.
pub fn pg_admin_url() -> String {
    std::env::var("NOICOM_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let db = TestDb::unmigrated(backend).await;
        db.store.migrate().await.expect("migrate");
        db
    }

    /// A database with no migration applied yet (see `support::upgrade`).
    pub async fn unmigrated(backend: Backend) -> TestDb {
        let (url, dir, pg_name) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}/noicom.db?mode=rwc", dir.path().display());
                (url, Some(dir), None)
            }
            Backend::Postgres => {
                let name = format!("noicom_t_{:016x}", rand_u64());
                let admin = Database::connect(pg_admin_url()).await.unwrap_or_else(|e| {
                    panic!(
                        "PostgreSQL is required for this test and is not reachable at {} ({e}). \
                         Run scripts/test, which starts it.",
                        pg_admin_url()
                    )
                });
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                let base = pg_admin_url();
                let server = base.rsplit_once('/').map(|(s, _)| s).unwrap_or(&base);
                (format!("{server}/{name}"), None, Some(name))
            }
        };
        let store = Store::connect(&url).await.expect("connect");
        TestDb {
            store,
            _dir: dir,
            pg_name,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else {
            return;
        };
        // Drop is synchronous; a short-lived runtime on its own thread does
        // the asynchronous clean-up.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(rt) = rt {
                rt.block_on(async {
                    if let Ok(admin) = Database::connect(pg_admin_url()).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await;
                    }
                });
            }
        })
        .join();
    }
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

/// Declares a test that runs once on SQLite and once on PostgreSQL:
/// `both!(name)` calls `async fn name(db: TestDb)`.
#[macro_export]
macro_rules! both {
    ($name:ident) => {
        mod $name {

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$name(
                    $crate::support::db::TestDb::new($crate::support::db::Backend::Sqlite).await,
                )
                .await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::$name(
                    $crate::support::db::TestDb::new($crate::support::db::Backend::Postgres).await,
                )
                .await
            }
        }
    };
}
