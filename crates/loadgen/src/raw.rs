//! The raw SQLite insert rate: one row per durable transaction, on a file
//! opened with the server's own settings (`Store::connect`: WAL,
//! synchronous=FULL, BEGIN IMMEDIATE), the most filings per second the
//! disk allows.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use sea_orm::{ConnectionTrait, SqliteTransactionMode, TransactionOptions, TransactionTrait};
use store::Store;

/// Rows per second over `rows` single-row transactions into a new file at
/// `path` (removed afterwards); each row about as large as a case.
pub async fn insert_rate(path: &Path, rows: u64) -> anyhow::Result<f64> {
    anyhow::ensure!(!path.exists(), "{} exists already", path.display());
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let store = Store::connect(&url).await.context("raw SQLite file")?;
    let db = store.connection();
    db.execute_unprepared(
        "CREATE TABLE raw_insert (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, \
         title TEXT NOT NULL, description TEXT NOT NULL, created_at TEXT NOT NULL)",
    )
    .await?;
    let description =
        "Cộng tác viên dư luận xã hội phản ánh việc ô nhiễm nguồn nước kéo dài. ".repeat(6);
    let started = Instant::now();
    for i in 0..rows {
        let tx = db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?;
        tx.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Sqlite,
            "INSERT INTO raw_insert (code, title, description, created_at) VALUES (?, ?, ?, ?)",
            [
                format!("RAW-{i:07}").into(),
                format!("Ô nhiễm nguồn nước số {i}").into(),
                description.clone().into(),
                "2026-11-22T10:00:00Z".into(),
            ],
        ))
        .await?;
        tx.commit().await?;
    }
    let rate = rows as f64 / started.elapsed().as_secs_f64();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Ok(rate)
}
