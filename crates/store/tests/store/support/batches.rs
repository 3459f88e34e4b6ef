//! Putting requests into one batch of the group-commit writer: a test
//! holds SQLite's write lock while they queue; the writer waits on it with
//! the first job, the others queue behind and are taken together once it
//! is released. On PostgreSQL the lock is an idle transaction that holds
//! nobody back, and the requests must be answered the same.

use std::time::Duration;

use sea_orm::{DatabaseTransaction, SqliteTransactionMode, TransactionOptions, TransactionTrait};
use store::Store;

/// Takes the SQLite write lock (on PostgreSQL: an idle transaction).
pub async fn hold_write_lock(s: &Store) -> DatabaseTransaction {
    s.connection()
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await
        .expect("write lock")
}

/// Lets spawned requests read what decides them and queue for the writer.
pub async fn let_them_queue() {
    tokio::time::sleep(Duration::from_millis(300)).await;
}
