//! Opening the database with the settings each backend needs.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::Postgres;
use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    RuntimeErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use crate::StoreError;
use crate::cases::Writer;
use crate::org_cache::{Org, OrgCache, generation};
use crate::reader::SqliteReader;
use crate::reads::{ReadConnection, Reads};

/// The key of the PostgreSQL advisory lock that migrations run under
/// (any number no other lock of the database uses: "noicom" in ASCII).
const MIGRATION_LOCK: i64 = 0x6e6f_6963_6f6d;

/// Connections of PostgreSQL's pool for writes (and the reads that are not
/// on the hot paths). A write waits for its commit to reach the disk: the
/// more run side by side, the more commits one flush of the WAL carries.
const WRITE_CONNECTIONS: u32 = 16;

/// Connections of PostgreSQL's pool for the hot paths' reads (lists,
/// searches, a case, the caller): two per core of this server. A read
/// waits for no disk, only for the CPU, of the database and of this
/// server, which decodes and renders what it reads; beyond two per core
/// more readers only wait in the kernel's run queue instead of the pool's
/// first-come queue, and the unluckiest of them longest. Measured at 1 M
/// cases on two cores, 4 against 16: the triage list's p99 15 against
/// 22–24 ms, the search's 29 against 44–46 ms (docs/benchmarks.md).
fn read_connections() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    u32::try_from(2 * cores)
        .unwrap_or(u32::MAX)
        .clamp(4, WRITE_CONNECTIONS)
}

/// A handle on the database; cheap to clone (a pool inside).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) db: DatabaseConnection,
    /// Where the read-only queries of the hot paths go: on an SQLite file,
    /// rusqlite on the calling thread (`reader`); on PostgreSQL a pool of
    /// its own, smaller than `db`'s ([`read_connections`]).
    /// It sees every commit of `db` (WAL), never a transaction's own
    /// uncommitted writes: use the transaction inside one.
    pub(crate) read: ReadConnection,
    /// Where write transactions ([`Store::write_tx`]) run. On SQLite, a
    /// pool of one connection: writers then wait their turn in the pool's
    /// queue instead of in SQLite's busy handler, which polls the lock
    /// with sleeps of up to 100 ms. On PostgreSQL, `db` itself.
    pub(crate) writes: DatabaseConnection,
    /// PostgreSQL search: how its steps are sized (`cases::search::postgres`).
    pub(crate) search: crate::cases::SearchSteps,
    /// The group-commit writer that files cases and, on SQLite, carries
    /// out actions (`cases::group_commit`), on a connection of its own.
    pub(crate) writer: Option<Arc<Writer>>,
    /// The organisation in memory, checked against its generation counter.
    pub(crate) org: Arc<OrgCache>,
    /// Where a token's or a session's once-a-minute `last_used_at` /
    /// `last_seen_at` goes (`auth::identity`). On an SQLite file, one
    /// connection that never waits for the write lock: waiting meant
    /// SQLite's busy handler behind the group-commit writer, up to 1.4 s
    /// for the request under a load of filings (docs/benchmarks.md). On
    /// PostgreSQL `db`: the touch skips a locked row itself.
    pub(crate) touches: DatabaseConnection,
}

impl Store {
    /// Connects to `url` (`sqlite://…?mode=rwc` or `postgres://…`), creating
    /// the SQLite file's directory if needed.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if !url.starts_with("sqlite:") {
            let mut opts = options(url);
            opts.max_connections(WRITE_CONNECTIONS).min_connections(1);
            let db = Database::connect(opts).await?;
            let mut reads = options(url);
            reads.max_connections(read_connections()).min_connections(1);
            let mut writer = options(url);
            writer.max_connections(1).min_connections(1);
            return Ok(Store {
                read: ReadConnection::Pool(Database::connect(reads).await?),
                writes: db.clone(),
                touches: db.clone(),
                db,
                search: crate::cases::SearchSteps::default(),
                writer: Some(Arc::new(Writer::start(writer).await?)),
                org: Arc::default(),
            });
        }
        create_sqlite_dir(url)?;
        let db = Database::connect(sqlite_options(url, 8, BUSY_TIMEOUT)).await?;
        // In memory, every connection would be a database of its own.
        let (read, writes, touches) = match sqlite_path(url) {
            Some(path) => (
                ReadConnection::Sqlite(Arc::new(SqliteReader::new(path))),
                Database::connect(sqlite_options(url, 1, BUSY_TIMEOUT)).await?,
                Database::connect(sqlite_options(url, 1, Duration::ZERO)).await?,
            ),
            None => (ReadConnection::Pool(db.clone()), db.clone(), db.clone()),
        };
        Ok(Store {
            db,
            read,
            writes,
            touches,
            search: crate::cases::SearchSteps::default(),
            // The group-commit writer has a connection of its own: taking
            // one from the pool, it would wait behind the readers of the
            // requests whose filings it holds.
            writer: Some(Arc::new(
                Writer::start(sqlite_options(url, 1, BUSY_TIMEOUT)).await?,
            )),
            org: Arc::default(),
        })
    }

    /// Before the process ends: stops taking filings and actions and returns
    /// once the ones already queued for the group commit are committed and
    /// answered (later ones are refused).
    pub async fn close(&self) {
        if let Some(writer) = &self.writer {
            writer.stop().await;
        }
    }

    /// The organisation as of now, read on `conn`: the copy in memory when
    /// the database's generation counter says it is current (one small
    /// read), else reloaded.
    pub(crate) async fn org(&self, conn: &impl Reads) -> Result<Arc<Org>, StoreError> {
        let generation = generation(conn).await?;
        self.org.at(&self.db, generation).await
    }

    /// The organisation for `asker`: as of the generation their request
    /// read when it recognised them, else as of now (read on `conn`).
    pub(crate) async fn org_for(
        &self,
        asker: &crate::auth::Asker,
        conn: &impl Reads,
    ) -> Result<Arc<Org>, StoreError> {
        match asker.org_generation {
            Some(generation) => self.org.at(&self.db, generation).await,
            None => self.org(conn).await,
        }
    }

    /// Applies pending migrations. On PostgreSQL under an advisory lock:
    /// replicas started together (the first start, or all of them after an
    /// upgrade) apply them one after the other, the later ones finding
    /// nothing left to do, instead of failing on each other's half-made
    /// tables.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let _lock = match self.db.get_database_backend() {
            DbBackend::Postgres => Some(self.migration_lock().await?),
            _ => None,
        };
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// A connection of its own holding the migrations' advisory lock. A
    /// session lock, not a transaction's: a transaction left open would
    /// hold back a migration that waits for older ones (`CREATE INDEX
    /// CONCURRENTLY`). The connection is closed when dropped, which ends
    /// the lock whatever the migration came to.
    async fn migration_lock(&self) -> Result<PoolConnection<Postgres>, StoreError> {
        let exec = |err: sea_orm::sqlx::Error| DbErr::Exec(RuntimeErr::SqlxError(err.into()));
        let mut conn = self
            .db
            .get_postgres_connection_pool()
            .acquire()
            .await
            .map_err(exec)?;
        conn.close_on_drop();
        sea_orm::sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *conn)
            .await
            .map_err(exec)?;
        Ok(conn)
    }

    /// Whether the database answers (readiness).
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.ping().await?;
        Ok(())
    }

    /// Whether the database holds no data yet (no area: every other record
    /// hangs off one), so that demo data never mixes with real records.
    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        use sea_orm::{EntityTrait, PaginatorTrait};
        Ok(crate::entities::area::Entity::find()
            .count(&self.db)
            .await?
            == 0)
    }

    /// Sets how many older matches a PostgreSQL search's probe of the GIN
    /// index reads at most (default 2 000), and so the most of the newest
    /// cases it walks in id order before it weighs walking on against that
    /// probe (default 250); tests set a small one to go through every step.
    pub fn set_search_window(&mut self, rows: u64) {
        self.search.window = rows.max(1);
    }

    /// Sets what a PostgreSQL search takes a probe of the GIN index to
    /// cost, in rows walked, instead of estimating it from the planner's
    /// statistics (which a small table does not have); tests set a large
    /// one to make the walk go on before the probe.
    pub fn set_search_probe_cost(&mut self, rows: u64) {
        self.search.probe_cost = Some(rows);
    }

    /// SQLite or PostgreSQL.
    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// The connection, for the crates that build on the store.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Starts a transaction that will write. On SQLite it takes the write
    /// lock at once (`BEGIN IMMEDIATE`): a deferred transaction that reads
    /// and then writes can fail with SQLITE_BUSY when another writer got
    /// in between, instead of waiting for it.
    pub(crate) async fn write_tx(&self) -> Result<DatabaseTransaction, StoreError> {
        Ok(begin_write(&self.writes).await?)
    }
}

/// [`Store::write_tx`] on a connection.
pub(crate) async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// How long a pooled connection may sit idle before it is tested (a
/// round trip) when it is next taken. sqlx tests every connection it hands
/// out unless told otherwise: a round trip to PostgreSQL, or a hand-off to
/// SQLite's thread, before each statement run outside a transaction, which
/// on PostgreSQL made an accept's three statements six round trips (sqlx
/// also tests each connection it takes back, after the request has its
/// answer). A connection in use within the last second is alive but for a
/// database restarted that very second; one idle longer, which a firewall
/// or a restart may have cut, is still tested, when the server is quiet
/// and the round trip costs nobody anything.
const TEST_IF_IDLE_FOR: Duration = Duration::from_secs(1);

/// What both backends share: no statement logging, bounded waits, idle
/// connections tested ([`TEST_IF_IDLE_FOR`]).
fn options(url: &str) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        .test_before_acquire_if_idle_for(TEST_IF_IDLE_FOR);
    opts
}

/// A pool of up to `connections` on an SQLite file. See docs/design.md
/// "Persistence choices": WAL for concurrent readers, FULL so that an
/// acknowledged commit survives a power cut, and `busy`, how long a
/// writer waits for the lock: `BUSY_TIMEOUT` so that writers queue
/// instead of failing, 0 for the touches that must not wait.
fn sqlite_options(url: &str, connections: u32, busy: Duration) -> ConnectOptions {
    let mut opts = options(url);
    opts.max_connections(connections)
        .min_connections(1)
        .map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(busy)
        });
    opts
}

/// The file of an SQLite URL (`sqlite://data/x.db?mode=rwc`), if it names
/// one (not an in-memory database, not another backend).
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite:")?
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    let memory = path.is_empty() || path == ":memory:" || url.contains("mode=memory");
    (!memory).then(|| PathBuf::from(path))
}

/// Makes the directory of an SQLite file URL exist (`sqlite://data/x.db`).
fn create_sqlite_dir(url: &str) -> Result<(), StoreError> {
    let Some(path) = sqlite_path(url) else {
        return Ok(());
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Io(format!("không tạo được thư mục {}: {e}", dir.display()))
        })?;
    }
    Ok(())
}

/// How long an SQLite writer waits for the write lock before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether a database error is SQLite's "database is locked" or "table is
/// locked" (SQLITE_BUSY, SQLITE_LOCKED, and their extended codes).
pub(crate) fn is_sqlite_busy(err: &sea_orm::DbErr) -> bool {
    let sqlx = match err {
        sea_orm::DbErr::Exec(RuntimeErr::SqlxError(e))
        | sea_orm::DbErr::Query(RuntimeErr::SqlxError(e))
        | sea_orm::DbErr::Conn(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    let code = sqlx.as_database_error().and_then(|e| e.code());
    code.and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|c| matches!(c & 0xff, 5 | 6))
}

/// Whether a database error is a unique-constraint violation.
pub(crate) fn is_unique_violation(err: &sea_orm::DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
