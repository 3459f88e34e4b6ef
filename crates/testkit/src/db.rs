//! A fresh database per test: an SQLite file in a temporary directory, or a
//! PostgreSQL database `noicom_t_<random>` created through the admin URL
//! `NOICOM_TEST_PG_URL` and dropped when the test ends. A missing variable
//! or an unreachable server fails the test: a skipped backend would hide bugs.

use std::path::Path;
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database};
use store::Store;
use tempfile::TempDir;

/// The variable holding the PostgreSQL admin URL.
const PG_URL_VAR: &str = "NOICOM_TEST_PG_URL";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file.
    Sqlite,
    /// A PostgreSQL database.
    Postgres,
}

/// A database of one test, and the directory the test works in.
pub struct TestDb {
    /// `sqlite://…` or `postgres://…`, for a child process's
    /// `NOICOM_DATABASE_URL` or for [`Store::connect`].
    pub url: String,
    /// Which backend.
    pub backend: Backend,
    /// A store connected to the database, for in-process tests.
    store: Option<Store>,
    dir: TempDir,
    /// (admin URL, database name) of a PostgreSQL database to drop.
    postgres: Option<(String, String)>,
}

impl TestDb {
    /// A new empty database, not connected to: a child process (the
    /// binary) migrates and uses it.
    pub async fn new(backend: Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary directory");
        match backend {
            Backend::Sqlite => TestDb {
                url: sqlite_url(&dir.path().join("noicom.db")),
                backend,
                store: None,
                dir,
                postgres: None,
            },
            Backend::Postgres => {
                let admin = pg_admin_url();
                let name = format!("noicom_t_{:016x}", rand::random::<u64>());
                admin_execute(&admin, &format!("CREATE DATABASE \"{name}\"")).await;
                TestDb {
                    url: with_database(&admin, &name),
                    backend,
                    store: None,
                    dir,
                    postgres: Some((admin, name)),
                }
            }
        }
    }

    /// A new database with a connected store and no migration applied: a
    /// test migrates it part of the way to meet a migration as an upgrade.
    pub async fn unmigrated(backend: Backend) -> TestDb {
        let mut db = TestDb::new(backend).await;
        db.store = Some(Store::connect(&db.url).await.expect("connect"));
        db
    }

    /// A new migrated database with a connected store.
    pub async fn migrated(backend: Backend) -> TestDb {
        let db = TestDb::unmigrated(backend).await;
        db.store().migrate().await.expect("migrate");
        db
    }

    /// The connected store.
    ///
    /// # Panics
    /// On a database made by [`TestDb::new`], which nothing connects to.
    pub fn store(&self) -> &Store {
        self.store
            .as_ref()
            .expect("a connected store: make the database with TestDb::migrated")
    }

    /// Drops a PostgreSQL database while the test still runs (to see what
    /// a server does when its database goes away).
    pub async fn drop_postgres_now(&self) {
        let (admin, name) = self.postgres.as_ref().expect("a PostgreSQL test database");
        admin_execute(admin, &format!("DROP DATABASE \"{name}\" WITH (FORCE)")).await;
    }

    /// The test's own directory: a child process's working directory, where
    /// other files (CSV, backups, attachments) go too.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block on itself:
        // the database is dropped from a thread with a runtime of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(admin_execute(
                &admin,
                &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
            ));
        })
        .join();
        if dropped.is_err() && !std::thread::panicking() {
            panic!("could not drop the test database");
        }
    }
}

/// The URL of an SQLite file.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The PostgreSQL admin URL, from `NOICOM_TEST_PG_URL`.
fn pg_admin_url() -> String {
    std::env::var(PG_URL_VAR).unwrap_or_else(|_| {
        panic!(
            "{PG_URL_VAR} is not set. The PostgreSQL tests need an admin URL such as \
             postgres://postgres@127.0.0.1:5432/postgres: run scripts/test, which starts \
             PostgreSQL and sets it."
        )
    })
}

/// Runs one statement on the PostgreSQL admin database.
async fn admin_execute(admin: &str, sql: &str) {
    let mut options = ConnectOptions::new(admin.to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .max_connections(1)
        .sqlx_logging(false);
    let conn = Database::connect(options).await.unwrap_or_else(|err| {
        panic!(
            "PostgreSQL is not reachable at {admin} ({err}). The tests need it: run scripts/test, \
             which starts it, or set {PG_URL_VAR} to an admin URL."
        )
    });
    conn.execute_unprepared(sql)
        .await
        .unwrap_or_else(|err| panic!("{sql}: {err}"));
    let _ = conn.close().await;
}

/// The admin URL with its database name replaced.
fn with_database(admin: &str, name: &str) -> String {
    let (scheme, rest) = admin.split_once("://").expect("a URL with a scheme");
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let query = tail.find('?').map_or("", |i| &tail[i..]);
    format!("{scheme}://{authority}/{name}{query}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_database_name_is_replaced_and_the_query_kept() {
        assert_eq!(
            super::with_database(
                "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
                "x"
            ),
            "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "x"),
            "postgres://u@h/x"
        );
    }
}
